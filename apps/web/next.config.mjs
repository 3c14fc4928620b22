import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The shared package is a workspace dependency; transpiling it keeps Next's
  // bundler happy whether it resolves to dist/ (CJS) or, later, to sources.
  transpilePackages: ['@tensorscope/shared'],
  reactStrictMode: true,
  // The run list lives at /, but /runs/<id> and /runs/new make people type /runs too (a filter or
  // sort in the query string goes along).
  async redirects() {
    return [{ source: '/runs', destination: '/', permanent: false }];
  },
  // ESLint is not part of this workspace; type checking still runs during the build.
  eslint: { ignoreDuringBuilds: true },
  webpack(config) {
    // One zod in the bundle: the shared package's CJS dist `require`s zod's CJS build, while the
    // dashboard's own `import { z } from 'zod'` would pick its ESM build, and every page would
    // carry both (zod's dual-package hazard). Point bare `zod` at the build shared uses.
    config.resolve.alias = { ...config.resolve.alias, zod$: require.resolve('zod') };
    return config;
  },
};

export default nextConfig;
