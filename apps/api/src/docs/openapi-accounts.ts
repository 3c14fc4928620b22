import {
  ZApiToken,
  ZLoginBody,
  ZRunEvents,
  ZRunUpdate,
  ZTokenCreate,
  ZTokenCreated,
  ZTokenList,
  ZUser,
  ZUserCreate,
  ZUserList,
  ZUserUpdate,
  ZWhoAmI,
} from '@tensorscope/shared';
import type { z } from 'zod';

type Schema = (s: z.ZodType, io?: 'input' | 'output') => Record<string, unknown>;
import { error, errors, idParam, json } from './openapi.parts';

/** Sign-in, tokens, users, run management and the live-event catch-up, for the OpenAPI document. */
export function accountPaths(): Record<string, unknown> {
  return {
    '/api/auth/login': {
      post: {
        summary: 'Sign in: sets the ts_session (HTTP-only) and ts_csrf cookies',
        security: [],
        requestBody: { required: true, content: json('LoginBody') },
        responses: {
          '200': { description: 'signed in', content: json('WhoAmI') },
          '400': error('invalid body'),
          '401': error('INVALID_CREDENTIALS: wrong email or password, or a disabled account'),
          '429': error('TOO_MANY_ATTEMPTS: too many failed sign-ins; details.retryAfterSeconds'),
        },
      },
    },
    '/api/auth/logout': { post: { summary: 'End this session (cookie)', responses: { '200': { description: 'signed out' } } } },
    '/api/auth/me': {
      get: {
        summary: 'Who is calling, and how',
        responses: { '200': { description: 'the caller', content: json('WhoAmI') }, '401': error('not signed in') },
      },
    },
    '/api/tokens': {
      get: { summary: 'Your API tokens (never the secrets)', responses: { '200': { description: 'tokens', content: json('TokenList') } } },
      post: {
        summary: 'Create a personal API token: the answer is the only time it is shown',
        requestBody: { required: false, content: json('TokenCreate') },
        responses: { '201': { description: 'the token', content: json('TokenCreated') }, '400': error('invalid body') },
      },
    },
    '/api/tokens/{id}': {
      delete: {
        summary: 'Revoke one of your tokens',
        parameters: [idParam],
        responses: { '200': { description: 'revoked', content: json('ApiToken') }, '404': error('no such token of yours') },
      },
    },
    '/api/users': {
      get: {
        summary: 'Users (admin)',
        responses: { '200': { description: 'users', content: json('UserList') }, '403': error('not an admin') },
      },
      post: {
        summary: 'Add a user (admin)',
        requestBody: { required: true, content: json('UserCreate') },
        responses: { '201': { description: 'the user', content: json('User') }, '400': error('invalid body'), '409': error('email taken') },
      },
    },
    '/api/users/{id}': {
      patch: {
        summary: 'Change role, disable/enable, or set a password (admin); disabling or a new password ends their sessions',
        parameters: [idParam],
        requestBody: { required: true, content: json('UserUpdate') },
        responses: { '200': { description: 'the user', content: json('User') }, '404': error('no such user'), '409': error('LAST_ADMIN') },
      },
    },
    '/api/runs/{id}/events': {
      get: {
        summary: "A run's live events after a sequence number (what a reconnecting client missed)",
        parameters: [idParam, { name: 'afterSeq', in: 'query', required: true, schema: { type: 'integer', minimum: 0 } }],
        responses: {
          '200': { description: 'events; complete: false when some were already pruned', content: json('RunEvents') },
          '404': error('no such run'),
        },
      },
    },
  };
}

/** PATCH and DELETE of /api/runs/{id}, merged into that path's GET. */
export function runManagementOperations(): Record<string, unknown> {
  return {
    patch: {
      summary: 'Rename, annotate, tag, archive or restore a run (its owner or an admin)',
      description:
        'Give any of `name`, `notes` (Markdown, ≤ 20,000 characters), `tags` (the whole list: ≤ 20 tags of ≤ 32 letters, digits, spaces and `. _ - : / + #`, no tag twice; last writer wins), or `addTags` / `removeTags` (changes applied to the list as stored, under a row lock, so concurrent edits all count; removal ignores case), and `archived`. Open dashboards get the new row over the socket (`run:updated`).',
      parameters: [idParam],
      requestBody: { required: true, content: json('RunUpdate') },
      responses: {
        '200': { description: 'the run', content: json('Run') },
        ...errors({ '400': 'invalid field, one message per field in details', '403': 'not the owner', '404': 'no such run' }),
      },
    },
    delete: {
      summary: 'Delete a finished run and everything it stored, in one transaction (its owner or an admin)',
      parameters: [idParam],
      responses: {
        '204': { description: 'deleted' },
        '403': error('not the owner'),
        '404': error('no such run'),
        '409': error('queued or running: cancel it first'),
      },
    },
  };
}

export function accountSchemas(schema: Schema): Record<string, unknown> {
  return {
    LoginBody: schema(ZLoginBody, 'input'),
    WhoAmI: schema(ZWhoAmI),
    User: schema(ZUser),
    UserList: schema(ZUserList),
    UserCreate: schema(ZUserCreate, 'input'),
    UserUpdate: schema(ZUserUpdate, 'input'),
    TokenCreate: schema(ZTokenCreate, 'input'),
    TokenCreated: schema(ZTokenCreated),
    TokenList: schema(ZTokenList),
    ApiToken: schema(ZApiToken),
    RunUpdate: schema(ZRunUpdate, 'input'),
    RunEvents: schema(ZRunEvents),
  };
}

/** Bearer tokens for scripts, the session cookie (plus x-csrf-token on writes) for the dashboard. */
export const securitySchemes = {
  bearer: { type: 'http', scheme: 'bearer', description: 'a personal API token (POST /api/tokens)' },
  session: { type: 'apiKey', in: 'cookie', name: 'ts_session', description: 'dashboard sign-in; writes also need the x-csrf-token header' },
};
