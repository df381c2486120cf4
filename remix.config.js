/**
 * Remix v2 classic compiler (see docs/decisions/0001-classic-compiler-and-react-router-7.md).
 * Everything under app/, db/, emails/ and templates/ is bundled into build/index.js through the tsconfig
 * path aliases; native and server-only packages stay external.
 *
 * BENCH_BUILD=1 (npm run bench:http) builds into bench/.build with one extra route, /bench/floor.
 * @type {import('@remix-run/dev').AppConfig}
 */
const bench = process.env.BENCH_BUILD === "1";

export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ...(bench
    ? {
        serverBuildPath: "bench/.build/index.js",
        assetsBuildDirectory: "bench/.build/public/build",
        routes: (defineRoutes) => defineRoutes((route) => route("bench/floor", "bench/floor.tsx")),
      }
    : {}),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
