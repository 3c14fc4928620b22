import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

test('Cancel asks first; a kept run goes on, a confirmed one ends and the list says how', async ({ page }) => {
  // Long enough (several epochs of full MNIST) that it is still queued or running when we cancel.
  const name = `e2e-cancel-${Date.now()}`;
  const res = await apiFetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, model: 'lstm', hiddenSize: 64, epochs: 5, batchSize: 32, logInterval: 10 }),
  });
  expect(res.status).toBe(201);
  const run = (await res.json()) as { id: string };
  await page.goto(`/runs/${run.id}`);

  // First press only asks.
  await page.getByTestId('cancel-run').click();
  await expect(page.getByTestId('cancel-run-confirm-box')).toContainText(name);
  await page.getByRole('button', { name: 'Keep running' }).click();
  await expect(page.getByTestId('cancel-run-confirm-box')).toBeHidden();
  await expect(page.getByTestId('run-status')).not.toHaveText('cancelled');

  await page.getByTestId('cancel-run').click();
  await page.getByTestId('cancel-run-confirm').click();
  await expect(page.getByTestId('run-status')).toHaveText('cancelled', { timeout: 60_000 });

  // The run list words the ending without a dash: "stopped after 4s" or "cancelled before it started".
  await page.goto(`/?name=${encodeURIComponent(name)}`);
  const row = page.locator('tr', { hasText: name });
  await expect(row).toContainText(/stopped after \d|cancelled before it started/);
  await expect(row).not.toContainText('after —');
});
