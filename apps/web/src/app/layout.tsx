import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'uplot/dist/uPlot.min.css';
import './globals.css';
import './evaluate.css';
import './sweep.css';
import './visualize.css';
import './run-manage.css';
import './datasets.css';
import './network.css';
import { AppHeader } from '../components/app-header';
import type { RuntimeApiConfig } from '../lib/api-base-url';
import { serverEnv } from '../env';
import { THEME_BOOT_SCRIPT } from '../lib/theme';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Tensorscope',
  description: 'Train neural networks with TensorFlow.js and watch them learn.',
};

// Rendered per request so API_PUBLIC_URL / API_PORT are read at run time, not baked in at build.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  const env = serverEnv();
  const runtime: RuntimeApiConfig = { url: env.API_PUBLIC_URL ?? '', port: String(env.API_PORT) };
  return (
    // The boot script sets data-theme before React hydrates: not a mismatch to warn about.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: `window.__TENSORSCOPE_API__=${JSON.stringify(runtime).replace(/</g, '\\u003c')}` }} />
      </head>
      <body>
        <Providers>
          <AppHeader />
          <main className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
