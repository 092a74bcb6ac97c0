/** Set by the build (wxt.config.ts): true in `--mode loopback`, the build for the demo and the e2e suite. */
declare const __LOOPBACK_BUILD__: boolean;
