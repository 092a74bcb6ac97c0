/** Every request names this API version; the emulator and real orgs both serve it. */
export const API_VERSION = '62.0';
