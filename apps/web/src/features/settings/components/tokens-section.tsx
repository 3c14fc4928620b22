'use client';

import type { TTokenCreated } from '@tensorscope/shared';
import { useState, type FormEvent } from 'react';
import { useCreateToken, useTokens } from '../hooks/use-tokens';
import { placeFieldErrors } from '../../../lib/field-errors';
import { DataTable } from '../../../components/data-table';
import { QueryList } from '../../../components/query-list';
import { TextField } from '../../../components/text-field';
import { NewTokenBox } from './new-token-box';
import { TokenRow } from './token-row';

const TOKEN_COLUMNS = ['Name', 'Prefix', 'Created', 'Last used', 'Status', ''];

/**
 * Personal API tokens, for scripts: created here with a name, shown once, listed by prefix, revoked.
 * A token acts as its owner, with the owner's role.
 */
export function TokensSection() {
  const tokens = useTokens();
  const create = useCreateToken();
  const [name, setName] = useState('');
  // The one time the secret exists on this page: component state, gone on "Done" or on leaving.
  const [created, setCreated] = useState<TTokenCreated | null>(null);
  const placed = create.isError ? placeFieldErrors(create.error, ['name'] as const) : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    // A blank name takes the API's default ("API token").
    const trimmed = name.trim();
    create.mutate(trimmed ? { name: trimmed } : {}, {
      onSuccess: (token) => {
        setCreated(token);
        setName('');
      },
    });
  };

  return (
    <section className="card settings-section" data-testid="tokens-section">
      <h2>API tokens</h2>
      <p className="muted small">
        For scripts and the command line: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your role, until
        it is revoked.
      </p>
      <form className="inline-form" onSubmit={onSubmit} noValidate data-testid="create-token-form">
        <TextField
          label="Name"
          testId="token-name"
          placeholder="API token"
          value={name}
          invalid={Boolean(placed?.fields.name)}
          onChange={setName}
        />
        <button type="submit" className="button button--primary" data-testid="create-token" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
        {placed && (
          <span className="field-error" role="alert" data-testid="create-token-error">
            {[placed.fields.name, placed.form].filter(Boolean).join('; ')}
          </span>
        )}
      </form>
      {created && <NewTokenBox token={created} onDone={() => setCreated(null)} />}
      <QueryList
        query={tokens}
        what="API tokens"
        loading="Loading tokens…"
        empty={
          <p className="muted" data-testid="token-list-empty">
            No API tokens yet.
          </p>
        }
      >
        {(data) => (
          <DataTable testId="token-list" columns={TOKEN_COLUMNS}>
            {data.items.map((token) => (
              <TokenRow key={token.id} token={token} />
            ))}
          </DataTable>
        )}
      </QueryList>
    </section>
  );
}
