import * as tf from '@tensorflow/tfjs';
import type { TApiError, TLayerProbe, TRun } from '@tensorscope/shared';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { authedFetch, http, useTestApi } from '../../test/api.harness';
import { runWithSnapshot } from '../../test/snapshot.fixture';
import { InspectRepository } from './inspect.repository';
import { RenderService } from './render/render.service';

// The real API on real Postgres; snapshots of untrained models written straight to the store.
describe('Inspection images: rendered off the request thread, cached', () => {
  const api = useTestApi({ TENSORSCOPE_BACKEND: 'wasm' });
  let mnist: TRun;
  let render: RenderService;
  let repo: InspectRepository;

  beforeAll(async () => {
    render = api.app.get(RenderService);
    repo = api.app.get(InspectRepository);
    mnist = await runWithSnapshot(api.base, { model: 'lenet5', variant: 'mnist', trainSubset: 128, evalSubset: 100 }, 8, (...a) =>
      repo.saveSnapshot(...a),
    );
  });

  const png = async (path: string) => {
    const res = await authedFetch(`${api.base}/api/runs/${mnist.id}/snapshots/8/${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    return Buffer.from(await res.arrayBuffer());
  };

  it('renders a feature map once: the same URL again is the cached image, another image reuses the loaded snapshot', async () => {
    // The request thread never reads the 17 MB itself: the render thread does.
    const reads = vi.spyOn(repo, 'readSnapshot');
    const before = render.rendered;
    const loadsBefore = render.snapshotLoads;
    const first = await png('activations/conv1.png?image=3&zoom=1');
    expect([first.readUInt32BE(16), first.readUInt32BE(20)]).toEqual([6 * 28 + 5, 6 * 28 + 5]);
    expect(render.rendered).toBe(before + 1);
    const hits = render.hits;
    const again = await png('activations/conv1.png?image=3&zoom=1');
    expect(again.equals(first)).toBe(true);
    expect(render.rendered).toBe(before + 1);
    expect(render.hits).toBe(hits + 1);

    // A different image, layer or zoom is another render, on the snapshot the thread keeps loaded.
    const other = await png('activations/conv1.png?image=4&zoom=1');
    expect(other.equals(first)).toBe(false);
    await png('activations/conv2.png?image=4&zoom=2');
    expect(render.rendered).toBe(before + 3);
    expect(render.snapshotLoads).toBe(loadsBefore + 1);

    // The JSON beside it and the filter grids: cached the same way.
    const probe = () => http<TLayerProbe>(api.base, `/api/runs/${mnist.id}/snapshots/8/activations/fc2/probe?image=3`);
    const p1 = await probe();
    expect(p1.body).toMatchObject({ image: 3, shape: [10] });
    expect((await probe()).body).toEqual(p1.body);
    const grid = await png('filters/conv2.png?zoom=2');
    expect((await png('filters/conv2.png?zoom=2')).equals(grid)).toBe(true);
    expect(render.rendered).toBe(before + 5);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
  });

  it('never runs TF.js on the request thread: its engine here has no backend and no tensors', async () => {
    await png('activations/pool2.png?image=9');
    await http(api.base, `/api/runs/${mnist.id}/snapshots/8/activations/conv2/probe?image=9`);
    expect(Object.keys(tf.engine().registry)).toEqual([]);
    expect(tf.engine().state.numTensors).toBe(0);
  });

  it('keeps answering GET /api/runs while a render is running in its thread', async () => {
    // A CIFAR-RGB LeNet (17 MB of weights, a test split to load): a cold render of many event-loop turns.
    const rgb = await runWithSnapshot(api.base, { model: 'lenet5', variant: 'cifar-rgb32', trainSubset: 128, evalSubset: 100 }, 4, (...a) =>
      repo.saveSnapshot(...a),
    );
    let done = false;
    const rendering = authedFetch(`${api.base}/api/runs/${rgb.id}/snapshots/4/activations/conv2.png?image=1`).then(async (r) => {
      done = true;
      return r;
    });
    let answeredWhileRendering = 0;
    while (!done) {
      const res = await http<{ items: unknown[] }>(api.base, '/api/runs');
      expect(res.status).toBe(200);
      // Answered while a thread was busy rendering (not before it started, not after it ended).
      if (render.busy > 0 && !done) answeredWhileRendering += 1;
    }
    expect((await rendering).status).toBe(200);
    expect(answeredWhileRendering).toBeGreaterThan(0);
  });

  it('answers bad requests with the error shape, renders nothing for them, and no cached image outlives its run', async () => {
    const cases: [string, number][] = [
      [`/api/runs/${mnist.id}/snapshots/8/activations/conv9.png`, 400],
      [`/api/runs/${mnist.id}/snapshots/8/activations/conv1.png?image=10000`, 400],
      [`/api/runs/${mnist.id}/snapshots/8/activations/conv1.png?zoom=32`, 400],
      [`/api/runs/${mnist.id}/snapshots/8/activations/conv9/probe?image=1`, 400],
      [`/api/runs/${mnist.id}/snapshots/9/activations/conv1.png`, 404],
      [`/api/runs/${mnist.id}/snapshots/9/activations/conv1/probe`, 404],
      [`/api/runs/${randomUUID()}/snapshots/8/activations/conv1.png`, 404],
      [`/api/runs/${mnist.id}/snapshots/8/filters/fc1.png`, 400],
      [`/api/runs/${mnist.id}/snapshots/9/filters/conv1.png`, 404],
    ];
    for (const [path, status] of cases) {
      const res = await http<TApiError>(api.base, path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(typeof res.body.code).toBe('string');
      expect(typeof res.body.message).toBe('string');
    }
    // A refused render is not remembered: asking again renders (and refuses) again.
    const before = render.rendered;
    expect((await http(api.base, cases[0]![0])).status).toBe(400);
    expect(render.rendered).toBe(before + 1);

    const gone = await runWithSnapshot(api.base, { model: 'lenet5', variant: 'mnist', trainSubset: 128, evalSubset: 100 }, 2, (...a) =>
      repo.saveSnapshot(...a),
    );
    const url = `${api.base}/api/runs/${gone.id}/snapshots/2/activations/conv1.png?image=0`;
    expect((await authedFetch(url)).status).toBe(200);
    expect((await http(api.base, `/api/runs/${gone.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await authedFetch(url)).status).toBe(404);
  });
});
