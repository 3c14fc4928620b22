import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

test('refuses an invalid config in the form, field by field', async ({ page }) => {
  await page.goto('/runs/new');
  const form = page.getByTestId('new-run-form');
  await expect(form).toBeVisible();
  // Launching waits for the signed-in user (a viewer may not): the header shows who that is.
  await expect(page.getByTestId('user-email')).toHaveText('admin@e2e.local');
  await expect(page.getByTestId('submit-run')).toBeEnabled();
  await form.locator('[name="name"]').fill('bad-values');
  await form.locator('[name="learningRate"]').fill('-1');
  await form.locator('[name="batchSize"]').fill('0');
  await page.getByTestId('submit-run').click();
  await expect(page.getByTestId('field-error-learningRate')).toBeVisible();
  await expect(page.getByTestId('field-error-batchSize')).toBeVisible();
  // What was typed is still there.
  await expect(form.locator('[name="name"]')).toHaveValue('bad-values');
  const list = (await (await apiFetch('/api/runs?name=bad-values')).json()) as { total: number };
  expect(list.total).toBe(0);
});

test('launches a LeNet run from the form and watches live points arrive', async ({ page }) => {
  const name = `e2e-${Date.now()}`;
  await page.goto('/');
  await page.getByTestId('new-run').click();
  const form = page.getByTestId('new-run-form');
  await form.locator('[name="name"]').fill(name);
  await form.locator('[name="variant"]').selectOption('cifar-gray28');
  await form.locator('[name="optimizer"]').selectOption('adam');
  await form.locator('[name="learningRate"]').fill('0.001');
  await form.locator('[name="batchSize"]').fill('32');
  await form.locator('[name="epochs"]').fill('1');
  await form.locator('[name="trainSubset"]').fill('1600');
  await form.locator('[name="evalSubset"]').fill('200');
  await form.locator('[name="evalInterval"]').fill('10');
  await form.locator('[name="logInterval"]').fill('2');
  await form.locator('[name="statsInterval"]').fill('10');
  await form.locator('[name="snapshotsPerEpoch"]').fill('2');
  await page.getByTestId('submit-run').click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}/);
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText(/queued|running/);
  const loss = page.getByTestId('chart-loss');

  // Live: the chart's point count grows while the page stays loaded (no reload).
  const seen = new Set<number>();
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    seen.add(Number(await loss.getAttribute('data-points')));
    if ((await status.textContent()) === 'completed') break;
    await page.waitForTimeout(300);
  }
  await expect(status).toHaveText('completed');
  const counts = [...seen].filter((n) => n > 0);
  expect(counts.length).toBeGreaterThanOrEqual(2);
  // 50 steps, train/loss every 2 steps (25) + test/loss every 10 steps (5).
  await expect(loss).toHaveAttribute('data-points', '30');
  await expect(page.getByTestId('chart-accuracy')).toHaveAttribute('data-points', '30');
  // The worker's own lines about the run, the last one saying how it ended.
  const log = page.getByTestId('run-log-line');
  await expect(log.first()).toContainText('training on ');
  await expect(log.last()).toContainText('completed after 50 steps');
  await page.screenshot({ path: 'test-results/run-page.png', fullPage: true });

  // Layers tab: what each layer learned, from the same run.
  await page.getByTestId('tab-layers').click();
  await expect(page).toHaveURL(/tab=layers/);
  const grid = page.getByTestId('filter-grid');
  await expect(grid).toBeVisible();
  await expect.poll(() => grid.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('snapshot-slider')).toBeVisible();
  // Stats every 10 of 50 steps: 5 points in the distribution view.
  await expect(page.getByTestId('distribution-chart')).toHaveAttribute('data-steps', '5');
  await expect(page.getByTestId('histogram-chart')).toBeVisible();
  // One test image through the newest snapshot, layer by layer.
  const maps = page.getByTestId('feature-maps-img');
  await expect(maps).toBeVisible();
  // The API's first feature-map request loads the TF.js backend and the test split: give it time.
  await expect
    .poll(() => maps.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('feature-image').fill('42');
  await expect(page.getByTestId('feature-maps-caption')).toContainText('42');
  await expect.poll(() => maps.evaluate((img: HTMLImageElement) => img.src), { timeout: 30_000 }).toContain('image=42');
  await page.screenshot({ path: 'test-results/run-layers.png', fullPage: true });

  await page.goto('/');
  const row = page.getByTestId('run-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('run-status')).toHaveText('completed');
  await page.screenshot({ path: 'test-results/run-list.png', fullPage: true });
});
