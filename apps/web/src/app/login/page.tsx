import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginForm } from '../../features/auth/components/login-form';

export const metadata: Metadata = { title: 'Sign in · Tensorscope' };

export default function LoginPage() {
  return (
    <div className="login-page">
      <h1>Sign in</h1>
      {/* The form reads where to go next (?next=) from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <LoginForm />
      </Suspense>
    </div>
  );
}
