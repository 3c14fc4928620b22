import type { TRun, TRunStatus, TUser } from '@tensorscope/shared';
import { describe, expect, it } from 'vitest';
import {
  canArchiveRun,
  canDeleteRun,
  canEditRun,
  canLaunch,
  canManageRun,
  canManageUsers,
  manageableRuns,
  othersRunsNote,
} from './permissions';

const user = (role: TUser['role'], id = `u-${role}`): TUser => ({
  id,
  email: `${role}@example.com`,
  role,
  disabled: false,
  createdAt: '2025-01-01T00:00:00Z',
});
const viewer = user('viewer');
const launcher = user('launcher');
const admin = user('admin');

// Only the fields the rules read; the rest of a run doesn't matter to them.
const run = (id: string, ownerId: string | null | undefined, status: TRunStatus = 'running'): TRun =>
  ({ id, status, ...(ownerId === undefined ? {} : { ownerId }) }) as unknown as TRun;

describe('canLaunch', () => {
  it('lets launchers and admins launch, and tells viewers why not', () => {
    expect(canLaunch(launcher)).toEqual({ ok: true });
    expect(canLaunch(admin, 'sweeps')).toEqual({ ok: true });
    expect(canLaunch(viewer)).toEqual({ ok: false, reason: 'viewers cannot launch runs' });
    expect(canLaunch(viewer, 'sweeps')).toEqual({ ok: false, reason: 'viewers cannot launch sweeps' });
    expect(canLaunch(viewer, 'visualizations')).toEqual({ ok: false, reason: 'viewers cannot compute visualizations' });
  });

  it('allows nothing, silently, before the user is known', () => {
    expect(canLaunch(undefined)).toEqual({ ok: false, reason: null });
  });
});

describe('canManageRun', () => {
  it('lets admins manage every run, launchers only their own', () => {
    expect(canManageRun(admin, run('r', 'someone-else')).ok).toBe(true);
    expect(canManageRun(admin, run('r', null)).ok).toBe(true);
    expect(canManageRun(launcher, run('r', launcher.id)).ok).toBe(true);
    expect(canManageRun(launcher, run('r', 'someone-else'))).toEqual({
      ok: false,
      reason: "only the run's owner or an admin can cancel it",
    });
    // A run from before accounts has no owner: only an admin may touch it.
    expect(canManageRun(launcher, run('r', null)).ok).toBe(false);
  });

  it('refuses viewers even on runs they would own, and names the verb', () => {
    expect(canManageRun(viewer, run('r', viewer.id))).toEqual({ ok: false, reason: 'viewers cannot cancel runs' });
    expect(canManageRun(viewer, run('r', null), 'archive')).toEqual({ ok: false, reason: 'viewers cannot archive runs' });
  });

  it('leaves it to the API when the run carries no owner field at all', () => {
    expect(canManageRun(launcher, run('r', undefined)).ok).toBe(true);
    expect(canManageRun(viewer, run('r', undefined)).ok).toBe(false);
    expect(canManageRun(undefined, run('r', launcher.id))).toEqual({ ok: false, reason: null });
  });
});

describe('manageableRuns', () => {
  const runs = [run('mine', launcher.id), run('theirs', 'other'), run('done', launcher.id, 'completed'), run('legacy', null)];

  it('keeps the runs the user may manage, in order', () => {
    expect(manageableRuns(launcher, runs).map((r) => r.id)).toEqual(['mine', 'done']);
    expect(manageableRuns(admin, runs).map((r) => r.id)).toEqual(['mine', 'theirs', 'done', 'legacy']);
    expect(manageableRuns(viewer, runs)).toEqual([]);
    expect(manageableRuns(undefined, runs)).toEqual([]);
  });
});

describe('othersRunsNote', () => {
  it('says why runs were left out of a bulk cancel, and nothing when none were', () => {
    expect(othersRunsNote(launcher, 0)).toEqual({ ok: true });
    expect(othersRunsNote(undefined, 3)).toEqual({ ok: true });
    expect(othersRunsNote(viewer, 3)).toEqual({ ok: false, reason: 'viewers cannot cancel runs' });
    expect(othersRunsNote(launcher, 1)).toEqual({
      ok: false,
      reason: '1 unfinished run is not yours: only the owner or an admin can cancel it',
    });
    expect(othersRunsNote(launcher, 2)).toEqual({
      ok: false,
      reason: '2 unfinished runs are not yours: only the owner or an admin can cancel them',
    });
  });
});

describe('canManageUsers', () => {
  it('is for admins only', () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(launcher)).toBe(false);
    expect(canManageUsers(viewer)).toBe(false);
    expect(canManageUsers(undefined)).toBe(false);
  });
});

describe('canEditRun', () => {
  it('lets the owner or an admin rename, tag and annotate a run at any status; nobody else', () => {
    const finished = { ...run('r', launcher.id), status: 'completed' } as TRun;
    expect(canEditRun(launcher, finished).ok).toBe(true);
    expect(canEditRun(admin, run('r', 'someone-else')).ok).toBe(true);
    expect(canEditRun(launcher, run('r', 'someone-else'))).toEqual({ ok: false, reason: "only the run's owner or an admin can edit it" });
    expect(canEditRun(viewer, run('r', viewer.id))).toEqual({ ok: false, reason: 'viewers cannot edit runs' });
  });
});

describe('canArchiveRun', () => {
  it('lets the owner or an admin archive, and names restore for an archived run', () => {
    expect(canArchiveRun(launcher, run('r', launcher.id)).ok).toBe(true);
    expect(canArchiveRun(admin, run('r', 'someone-else')).ok).toBe(true);
    expect(canArchiveRun(launcher, run('r', 'someone-else'))).toEqual({
      ok: false,
      reason: "only the run's owner or an admin can archive it",
    });
    const archived = { ...run('r', 'someone-else'), archivedAt: '2025-01-02T00:00:00Z' } as TRun;
    expect(canArchiveRun(viewer, archived)).toEqual({ ok: false, reason: 'viewers cannot restore runs' });
  });

  it('allows nothing, silently, before the user is known', () => {
    expect(canArchiveRun(undefined, run('r', null))).toEqual({ ok: false, reason: null });
  });
});

describe('canDeleteRun', () => {
  it('lets the owner or an admin delete a finished run', () => {
    expect(canDeleteRun(launcher, run('r', launcher.id, 'completed')).ok).toBe(true);
    expect(canDeleteRun(admin, run('r', null, 'failed')).ok).toBe(true);
    expect(canDeleteRun(admin, run('r', null, 'cancelled')).ok).toBe(true);
  });

  it('refuses a queued or running run, saying why', () => {
    expect(canDeleteRun(admin, run('r', null, 'running'))).toEqual({
      ok: false,
      reason: 'a running run cannot be deleted: cancel it or let it finish first',
    });
    expect(canDeleteRun(launcher, run('r', launcher.id, 'queued'))).toEqual({
      ok: false,
      reason: 'a queued run cannot be deleted: cancel it or let it finish first',
    });
  });

  it('says who may before when: a viewer is told viewers cannot', () => {
    expect(canDeleteRun(viewer, run('r', viewer.id, 'running'))).toEqual({ ok: false, reason: 'viewers cannot delete runs' });
    expect(canDeleteRun(launcher, run('r', 'someone-else', 'completed'))).toEqual({
      ok: false,
      reason: "only the run's owner or an admin can delete it",
    });
    expect(canDeleteRun(undefined, run('r', null, 'completed'))).toEqual({ ok: false, reason: null });
  });
});
