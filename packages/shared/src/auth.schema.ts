import { z } from 'zod';
import { safeText } from './safe-text.schema';

/**
 * Who may do what. viewer: read runs, charts, visualisations. launcher: also launch and cancel
 * their own runs, sweeps and analyses. admin: users and everything. Ranked: each role can do
 * what the ones before it can.
 */
export const ROLES = ['viewer', 'launcher', 'admin'] as const;
export const ZRole = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });
export type TRole = z.infer<typeof ZRole>;
export const hasRole = (role: TRole, atLeast: TRole): boolean => ROLES.indexOf(role) >= ROLES.indexOf(atLeast);

/** The dashboard's session cookie (HTTP-only) and its CSRF companion (readable by the page). */
export const SESSION_COOKIE = 'ts_session';
export const CSRF_COOKIE = 'ts_csrf';
/** Cookie-authenticated writes send the CSRF cookie's value back in this header. */
export const CSRF_HEADER = 'x-csrf-token';

export const ZEmail = safeText('email')
  .trim()
  .toLowerCase()
  .max(254, 'email must be at most 254 characters')
  .pipe(z.email({ error: 'email must be an email address' }));
/** A new password: long enough to resist guessing, bounded so hashing cannot be abused. */
export const ZNewPassword = safeText('password')
  .min(10, 'password must be at least 10 characters')
  .max(256, 'password must be at most 256 characters');

export const ZLoginBody = z.strictObject({
  email: ZEmail,
  password: safeText('password').min(1, 'password is required').max(256, 'password must be at most 256 characters'),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

/** GET /api/auth/me and the login answer: who is calling, and how. */
export const ZWhoAmI = z.object({
  user: ZUser,
  /** 'session' (dashboard cookie) or 'token' (Authorization: Bearer). */
  via: z.enum(['session', 'token']),
});
export type TWhoAmI = z.infer<typeof ZWhoAmI>;

export const ZUserCreate = z.strictObject({ email: ZEmail, password: ZNewPassword, role: ZRole.default('viewer') });
export type TUserCreate = z.input<typeof ZUserCreate>;
export const ZUserUpdate = z
  .strictObject({
    role: ZRole.optional(),
    disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
    password: ZNewPassword.optional(),
  })
  .refine((u) => u.role !== undefined || u.disabled !== undefined || u.password !== undefined, {
    message: 'give role, disabled or password',
  });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
export const ZUserList = z.object({ items: z.array(ZUser) });
export type TUserList = z.infer<typeof ZUserList>;

export const ZTokenCreate = z.strictObject({
  name: safeText('name').trim().min(1, 'name is required').max(80, 'name must be at most 80 characters').default('API token'),
});
export type TTokenCreate = z.input<typeof ZTokenCreate>;
export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart; the rest is never shown again. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
/** The answer of POST /api/tokens: the only time the token itself is shown. */
export const ZTokenCreated = ZApiToken.extend({ token: z.string() });
export type TTokenCreated = z.infer<typeof ZTokenCreated>;
export const ZTokenList = z.object({ items: z.array(ZApiToken) });
export type TTokenList = z.infer<typeof ZTokenList>;
