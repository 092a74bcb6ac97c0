/**
 * Why a first connection failed, when it is one an admin setting up the connected app can fix
 * (the options page says how): the login window closed (Salesforce showed an error page there),
 * the user said no, an unknown consumer key, a callback URL the app does not have, a secret the app
 * requires, the PKCE verifier refused, no refresh token (a scope missing). Alone in its file: the
 * pages' protocol names them without importing the OAuth code.
 */
export const CONNECT_REASONS = ['window_closed', 'denied', 'unknown_client', 'callback_mismatch', 'secret_required', 'pkce', 'no_refresh_token'] as const;
export type ConnectReason = (typeof CONNECT_REASONS)[number];
