import { HttpStatus } from '@nestjs/common';
import { hasRole } from '@tensorscope/shared';
import type { TPrincipal } from '../auth/principal';
import { ApiError } from '../common/api-error';

/**
 * Cancel, archive and delete: admins on any run, launchers on their own. A run from before
 * accounts existed (no owner) is the admins'.
 */
export function assertMayManage(principal: TPrincipal, run: { id: string; ownerId: string | null }, action: string): void {
  if (principal.user.role === 'admin') return;
  if (hasRole(principal.user.role, 'launcher') && run.ownerId !== null && run.ownerId === principal.user.id) return;
  throw new ApiError(HttpStatus.FORBIDDEN, {
    code: 'FORBIDDEN',
    message: `Only the run's owner or an admin may ${action} run ${run.id}.`,
  });
}
