/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

/** The package.json version, injected by vite.config.ts. */
declare const __APP_VERSION__: string;
