import type { TLoginBody } from '@tensorscope/shared';
import { ZWhoAmI } from '@tensorscope/shared';
import { z } from 'zod';
import { apiGet, apiSend } from './api-client';

/** Who is signed in: read by every page (roles gate what it offers), so shared. */
export const authApi = {
  /** Sets the session and CSRF cookies on the API's host (200), or 401 / 429 / 400. */
  login: (body: TLoginBody) => apiSend(ZWhoAmI, 'POST', '/api/auth/login', body),

  logout: () => apiSend(z.object({ ok: z.literal(true) }), 'POST', '/api/auth/logout'),

  /** 401 UNAUTHENTICATED when signed out. */
  me: (signal?: AbortSignal) => apiGet(ZWhoAmI, '/api/auth/me', signal),
};
