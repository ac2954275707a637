import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source, not built JavaScript.
  transpilePackages: ["@sovra/config", "@sovra/core", "@sovra/db"],
  // Node libraries with optional native or dynamic requires: loaded by Node at run time
  // instead of being bundled.
  serverExternalPackages: ["pg", "pino", "@redis/client"],
  poweredByHeader: false,
  // `npm run lint` lints the whole repository with one config; Next's own pass would repeat it
  // with a different one.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
