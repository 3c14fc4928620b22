'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useLogin, useSignedInUser } from '../../../hooks/use-me';
import { placeFieldErrors } from '../../../lib/field-errors';
import { safeNextPath } from '../../../lib/login-redirect';

const LOGIN_FIELDS = ['email', 'password'] as const;
type TLoginField = (typeof LOGIN_FIELDS)[number];
interface TLoginErrors {
  email?: string;
  password?: string;
  form?: string;
}

/**
 * Email and password. A refused sign-in keeps what was typed and shows the API's own words: one
 * message for a wrong pair (401), the wait (429), or one per field (400). Success goes to the
 * page that sent us here (?next=, paths of this app only) or home.
 */
export function LoginForm() {
  const router = useRouter();
  const search = useSearchParams();
  const next = safeNextPath(search.get('next'));
  const login = useLogin();
  const current = useSignedInUser();
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<TLoginErrors>({});

  const setField = (field: TLoginField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setErrors({});
    login.mutate(values, {
      onSuccess: () => router.replace(next),
      onError: (error) => setErrors(loginErrors(error)),
    });
  };

  const field = (name: TLoginField, label: string, type: string, autoComplete: string) => (
    <div className={`field ${errors[name] ? 'field--invalid' : ''}`} data-field={name}>
      <label htmlFor={`login-${name}`}>{label}</label>
      <input
        id={`login-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        data-testid={`login-${name}`}
        value={values[name]}
        onChange={(e) => setField(name, e.target.value)}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={errors[name] ? `login-${name}-error` : undefined}
      />
      {errors[name] && (
        <div className="field-error" id={`login-${name}-error`} data-testid={`field-error-${name}`}>
          {errors[name]}
        </div>
      )}
    </div>
  );

  return (
    // noValidate: the API's messages, not the browser's bubbles, so both say the same thing.
    <form className="login-form card" data-testid="login-form" onSubmit={onSubmit} noValidate>
      {current && (
        <p className="muted small" data-testid="login-current">
          Signed in as <strong>{current.email}</strong>. <Link href={next}>Continue</Link>, or sign in as someone else.
        </p>
      )}
      {field('email', 'Email', 'email', 'username')}
      {field('password', 'Password', 'password', 'current-password')}
      {errors.form && (
        <div className="form-error" role="alert" data-testid="login-error">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" data-testid="login-submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}

/** A refused sign-in as messages: per field from a 400, otherwise the API's message for the form. */
function loginErrors(error: unknown): TLoginErrors {
  const { fields, form } = placeFieldErrors(error, LOGIN_FIELDS);
  // Field messages sit by their fields; the alert above the button still says something went
  // wrong (and is what a screen reader announces). A 401 or 429 is the API's message as it is.
  return { ...fields, form: form ?? 'Sign-in refused: see the fields marked above.' };
}
