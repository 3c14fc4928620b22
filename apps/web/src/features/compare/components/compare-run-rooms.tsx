'use client';

import { useRunSubscription } from '../../../socket/socket-provider';

function RunRoom({ runId }: { runId: string }) {
  useRunSubscription(runId);
  return null;
}

/** Joins each selected run's socket room while the comparison shows it (one hook per run, hence a component each). */
export function CompareRunRooms({ runIds }: { runIds: readonly string[] }) {
  return (
    <>
      {runIds.map((id) => (
        <RunRoom key={id} runId={id} />
      ))}
    </>
  );
}
