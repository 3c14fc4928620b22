import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'uplot/dist/uPlot.min.css';
import './globals.css';
import { AppHeader } from '../components/app-header';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Tensorscope',
  description: 'Train neural networks with TensorFlow.js and watch them learn.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppHeader />
          <main className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
