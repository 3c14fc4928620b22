// A render thread for RenderPool's tests: speaks render.protocol.ts, and does what the task's
// `kind` says (answer, ask for a snapshot, refuse the input, crash, exit, hang) so the pool's
// supervision can be tested with real threads.
import { parentPort, threadId } from 'node:worker_threads';

const held = new Set();
parentPort.on('message', (m) => {
  const send = (msg) => parentPort.postMessage(msg);
  if (m.type !== 'task') {
    // The answer to need-model: report what came (or why nothing did).
    if (m.type === 'model') held.add(m.model.key);
    send(
      m.type === 'model'
        ? { type: 'done', id: m.id, result: { kind: 'png', png: Uint8Array.from([m.model.tensors.length, threadId]) } }
        : { type: 'failed', id: m.id, message: m.message, input: false },
    );
    return;
  }
  const { id, task, modelKey } = m;
  if (task.kind === 'answer') send({ type: 'done', id, result: { kind: 'png', png: Uint8Array.from([task.value, threadId]) } });
  else if (task.kind === 'snapshot') {
    if (held.has(modelKey)) send({ type: 'done', id, result: { kind: 'png', png: Uint8Array.from([255, threadId]) } });
    else send({ type: 'need-model', id });
  } else if (task.kind === 'refuse') send({ type: 'failed', id, message: 'no such layer', input: true });
  else if (task.kind === 'crash')
    setImmediate(() => {
      throw new Error('wasm abort');
    });
  else if (task.kind === 'exit') process.exit(3);
  else if (task.kind === 'hang') for (;;);
});
