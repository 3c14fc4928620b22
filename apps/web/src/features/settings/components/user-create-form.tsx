'use client';

import { ROLES, type TRole } from '@tensorscope/shared';
import { useState, type FormEvent } from 'react';
import { useCreateUser } from '../hooks/use-users';
import { placeFieldErrors } from '../../../lib/field-errors';
import { Picker } from '../../../components/picker';
import { TextField } from '../../../components/text-field';

const FIELDS = ['email', 'password', 'role'] as const;
type TField = (typeof FIELDS)[number];

/** A new account. The API checks it (email, a password of 10+ characters); its messages land by each field. */
export function UserCreateForm() {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<TRole>('viewer');
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  const placed = create.isError ? placeFieldErrors(create.error, FIELDS) : null;
  const fieldError = (field: TField) => placed?.fields[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreatedEmail(null);
    create.mutate(
      { email, password, role },
      {
        // Cleared only on success: a refused form keeps what was typed.
        onSuccess: (user) => {
          setCreatedEmail(user.email);
          setEmail('');
          setPassword('');
          setRole('viewer');
        },
      },
    );
  };

  const error = (field: TField) =>
    fieldError(field) && (
      <span className="field-error" data-testid={`new-user-${field}-error`}>
        {fieldError(field)}
      </span>
    );

  return (
    <form className="user-create-form" data-testid="create-user-form" onSubmit={onSubmit} noValidate>
      <h3>New user</h3>
      <div className="user-create-fields">
        <TextField
          label="Email"
          className="stacked-field"
          testId="new-user-email"
          type="email"
          spellCheck={false}
          value={email}
          invalid={Boolean(fieldError('email'))}
          onChange={setEmail}
        >
          {error('email')}
        </TextField>
        <TextField
          label="Password"
          className="stacked-field"
          testId="new-user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          invalid={Boolean(fieldError('password'))}
          onChange={setPassword}
        >
          {error('password')}
        </TextField>
        <Picker label="Role" className="stacked-field" testId="new-user-role" options={ROLES} value={role} onChange={setRole}>
          {error('role')}
        </Picker>
        <button type="submit" className="button button--primary" data-testid="create-user" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </button>
      </div>
      {placed?.form && (
        <div className="form-error" role="alert" data-testid="create-user-error">
          {placed.form}
        </div>
      )}
      {createdEmail && !create.isError && (
        <p className="muted small" role="status" data-testid="create-user-result">
          Created {createdEmail}.
        </p>
      )}
    </form>
  );
}
