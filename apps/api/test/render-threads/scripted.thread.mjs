// A render thread for RenderPool's tests: speaks render.protocol.ts, and does what the task's
// `kind` says (answer, use a snapshot, refuse the input, miss the snapshot, lose the database,
// crash, exit, hang) so the pool's supervision can be tested with real threads.
import { parentPort, threadId } from 'node:worker_threads';

const held = new Set();
parentPort.on('message', ({ id, task, snapshot }) => {
  const send = (msg) => parentPort.postMessage(msg);
  const answer = (value) =>
    send({ type: 'done', id, result: { kind: 'png', png: Uint8Array.from([value, threadId]) }, loadedSnapshot: false });
  const fail = (failure, message, code) => send({ type: 'failed', id, message, failure, ...(code ? { code } : {}) });
  if (task.kind === 'answer' || task.kind === 'filter-grid') answer(task.value);
  else if (task.kind === 'snapshot') {
    // 1: this thread had the snapshot already; 0: it loads it now.
    const key = `${snapshot.runId}/${snapshot.step}`;
    send({
      type: 'done',
      id,
      result: { kind: 'png', png: Uint8Array.from([held.has(key) ? 1 : 0, threadId]) },
      loadedSnapshot: !held.has(key),
    });
    held.add(key);
  } else if (task.kind === 'refuse') fail('input', 'no such layer');
  else if (task.kind === 'missing') fail('not-found', 'snapshot gone');
  else if (task.kind === 'db-down') fail('error', 'connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
  else if (task.kind === 'crash')
    setImmediate(() => {
      throw new Error('wasm abort');
    });
  else if (task.kind === 'exit') process.exit(3);
  else if (task.kind === 'hang') for (;;);
});
