/**
 * Remix v2 classic compiler (see docs/decisions/0001-classic-compiler-and-react-router-7.md).
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Native and server-only packages stay external; everything under app/, db/, emails/ and
  // templates/ is bundled into build/index.js through the tsconfig path aliases.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
