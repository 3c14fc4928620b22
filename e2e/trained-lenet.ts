import { expect, type Page } from '@playwright/test';
import { apiFetch } from './api-auth';

/**
 * A small LeNet on MNIST launched over REST (the form is covered by launch-run.spec.ts), its page
 * open and the run completed: what the snapshot-job specs (Visualize, Evaluate) start from.
 * `config` sets the size of the run (trainSubset, evalSubset, learningRate…).
 */
export async function trainedLenet(page: Page, namePrefix: string, config: Record<string, number>): Promise<string> {
  const res = await apiFetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `${namePrefix}-${Date.now()}`,
      model: 'lenet5',
      variant: 'mnist',
      batchSize: 64,
      evalInterval: 10,
      logInterval: 5,
      statsInterval: 10,
      snapshotsPerEpoch: 1,
      ...config,
    }),
  });
  const run = (await res.json()) as { id: string };
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 200_000 });
  return run.id;
}
