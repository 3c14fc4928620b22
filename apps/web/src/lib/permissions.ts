import type { TRun, TUser } from '@tensorscope/shared';
import { FINISHED_STATUSES, hasRole } from '@tensorscope/shared';

/*
 * What the signed-in user may do, so the dashboard can disable what the API would refuse and say
 * why. The API still decides (its 403 is shown where it happens); this only spares the click.
 * An unknown user (the /auth/me answer not in yet) may do nothing, without a reason to show, so
 * viewers never see a launch button flash by.
 */

export type TVerdict = { ok: true } | { ok: false; reason: string | null };

export const ALLOWED: TVerdict = { ok: true };
const UNKNOWN: TVerdict = { ok: false, reason: null };

/** What a launcher may start. */
export type TLaunchable = 'runs' | 'sweeps' | 'visualizations' | 'datasets';
const LAUNCH_VERB: Record<TLaunchable, string> = {
  runs: 'launch runs',
  sweeps: 'launch sweeps',
  visualizations: 'compute visualizations',
  datasets: 'upload datasets',
};

/** Launching runs, sweeps and visualization jobs takes a launcher (or an admin). */
export function canLaunch(user: TUser | undefined, what: TLaunchable = 'runs'): TVerdict {
  if (!user) return UNKNOWN;
  return hasRole(user.role, 'launcher') ? ALLOWED : { ok: false, reason: `viewers cannot ${LAUNCH_VERB[what]}` };
}

/**
 * Who launched the run: null for runs from before accounts. Read loosely, because the field is
 * new to the API's run rows; undefined means "not told", which is not the same as "nobody".
 */
export const runOwnerId = (run: TRun): string | null | undefined => (run as { ownerId?: string | null }).ownerId;

/** Cancelling (and archiving, deleting) a run: an admin, or a launcher who owns it. */
export function canManageRun(user: TUser | undefined, run: TRun, verb = 'cancel'): TVerdict {
  if (!user) return UNKNOWN;
  if (hasRole(user.role, 'admin')) return ALLOWED;
  if (!hasRole(user.role, 'launcher')) return { ok: false, reason: `viewers cannot ${verb} runs` };
  const owner = runOwnerId(run);
  // An API that doesn't send owners yet decides alone: its 403, if any, is shown on click.
  if (owner === undefined || owner === user.id) return ALLOWED;
  return { ok: false, reason: `only the run's owner or an admin can ${verb} it` };
}

/** Archiving and restoring: the owner or an admin, at any status. */
export function canArchiveRun(user: TUser | undefined, run: TRun): TVerdict {
  return canManageRun(user, run, run.archivedAt ? 'restore' : 'archive');
}

/** Renaming, notes and tags: the owner or an admin (the API's rule for archive), at any status. */
export const canEditRun = (user: TUser | undefined, run: TRun): TVerdict => canManageRun(user, run, 'edit');

/**
 * Deleting: the owner or an admin, and only once the run has finished (the API answers 409 while
 * it is queued or running, since a worker may still write to it). Who may comes first: a viewer
 * is told that, not to wait for the run.
 */
export function canDeleteRun(user: TUser | undefined, run: TRun): TVerdict {
  const who = canManageRun(user, run, 'delete');
  if (!who.ok) return who;
  if (!FINISHED_STATUSES.includes(run.status))
    return { ok: false, reason: `a ${run.status} run cannot be deleted: cancel it or let it finish first` };
  return ALLOWED;
}

/** The runs among `runs` that this user may cancel (archive, delete), in their order. */
export function manageableRuns(user: TUser | undefined, runs: readonly TRun[]): TRun[] {
  return runs.filter((run) => canManageRun(user, run).ok);
}

/**
 * Why a bulk action leaves `others` runs out (a sweep's "cancel unfinished"): viewers may touch
 * none, launchers only their own. Nothing to say when none is left out or the user is unknown.
 */
export function othersRunsNote(user: TUser | undefined, others: number, verb = 'cancel'): TVerdict {
  if (!user || others <= 0) return ALLOWED;
  if (!hasRole(user.role, 'launcher')) return { ok: false, reason: `viewers cannot ${verb} runs` };
  const one = others === 1;
  return {
    ok: false,
    reason: `${others} unfinished run${one ? ' is' : 's are'} not yours: only the owner or an admin can ${verb} ${one ? 'it' : 'them'}`,
  };
}

/** The users section of the settings page, and every /api/users call behind it. */
export const canManageUsers = (user: TUser | undefined): boolean => user !== undefined && hasRole(user.role, 'admin');
