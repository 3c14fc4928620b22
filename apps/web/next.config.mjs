/** @type {import('next').NextConfig} */
const nextConfig = {
  // The shared package is a workspace dependency; transpiling it keeps Next's
  // bundler happy whether it resolves to dist/ (CJS) or, later, to sources.
  transpilePackages: ['@tensorscope/shared'],
  reactStrictMode: true,
  // ESLint is not part of this workspace; type checking still runs during the build.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
