import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

test('run page charts: compare controls, size, downloads and the dark-mode toggle', async ({ page }) => {
  const res = await apiFetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `e2e-charts-${Date.now()}`,
      model: 'rnn',
      hiddenSize: 16,
      batchSize: 32,
      trainSubset: 320,
      evalSubset: 200,
      logInterval: 1,
    }),
  });
  const run = (await res.json()) as { id: string };
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 200_000 });

  const loss = page.getByTestId('chart-loss');
  await expect(loss).not.toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('run-smoothing')).toBeVisible();
  await page.getByTestId('run-x-axis').selectOption('epoch');
  await page.getByTestId('run-log-y').check();
  await expect(loss).not.toHaveAttribute('data-points', '0');

  // L gives each chart a row: the accuracy chart moves below the loss chart.
  await page.getByTestId('run-chart-size').selectOption('L');
  const lossBox = (await loss.boundingBox())!;
  const accBox = (await page.getByTestId('chart-accuracy').boundingBox())!;
  expect(accBox.y).toBeGreaterThan(lossBox.y + lossBox.height - 1);

  const download = page.waitForEvent('download');
  await page.locator('.chart-card').first().getByRole('button', { name: 'SVG' }).click();
  expect((await download).suggestedFilename()).toBe('loss.svg');

  // auto → light → dark: the page's data-theme follows.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
