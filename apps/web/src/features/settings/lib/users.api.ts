import type { TUserCreate, TUserUpdate } from '@tensorscope/shared';
import { ZUser, ZUserList } from '@tensorscope/shared';
import { apiGet, apiSend } from '../../../lib/api-client';

/** Admins only. */
export const userApi = {
  listUsers: (signal?: AbortSignal) => apiGet(ZUserList, '/api/users', signal),

  createUser: (body: TUserCreate) => apiSend(ZUser, 'POST', '/api/users', body),

  updateUser: (id: string, body: TUserUpdate) => apiSend(ZUser, 'PATCH', `/api/users/${encodeURIComponent(id)}`, body),
};
