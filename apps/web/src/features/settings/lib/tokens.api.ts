import type { TTokenCreate } from '@tensorscope/shared';
import { ZApiToken, ZTokenCreated, ZTokenList } from '@tensorscope/shared';
import { apiGet, apiSend } from '../../../lib/api-client';

export const tokenApi = {
  listTokens: (signal?: AbortSignal) => apiGet(ZTokenList, '/api/tokens', signal),

  /** The answer is the only time the token itself is shown. */
  createToken: (body: TTokenCreate) => apiSend(ZTokenCreated, 'POST', '/api/tokens', body),

  revokeToken: (id: string) => apiSend(ZApiToken, 'DELETE', `/api/tokens/${encodeURIComponent(id)}`),
};
