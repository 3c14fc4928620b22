import { expect, test } from '@playwright/test';

test('a sweep of three tiny recurrent runs completes and the compare view overlays them', async ({ page }) => {
  const name = `e2e-sweep-${Date.now()}`;
  await page.goto('/runs/new');
  await page.getByTestId('sweep-toggle').check();
  const form = page.getByTestId('new-run-form');
  await form.locator('[name="name"]').fill(name);
  // RNN vs LSTM vs GRU on MNIST rows, one run each.
  const models = page.getByTestId('sweep-choices-model');
  for (const model of ['lenet5', 'rnn', 'lstm', 'gru']) {
    const box = models.locator(`input[value="${model}"]`);
    if (model === 'lenet5') await box.uncheck();
    else await box.check();
  }
  await form.locator('[name="hiddenSize"]').fill('16');
  await form.locator('[name="batchSize"]').fill('32');
  await form.locator('[name="epochs"]').fill('1');
  await form.locator('[name="trainSubset"]').fill('320');
  await form.locator('[name="evalSubset"]').fill('200');
  await form.locator('[name="evalInterval"]').fill('2');
  await form.locator('[name="logInterval"]').fill('1');
  await form.locator('[name="statsInterval"]').fill('5');
  await form.locator('[name="snapshotsPerEpoch"]').fill('1');
  await expect(page.getByTestId('sweep-run-count')).toContainText('3');
  await page.getByTestId('submit-sweep').click();

  await expect(page).toHaveURL(/\/sweeps\/[0-9a-f-]{36}/);
  const rows = page.getByTestId('sweep-run-row');
  await expect(rows).toHaveCount(3);
  // One worker trains them one after another; the page follows live.
  await expect(page.locator('[data-testid="sweep-run-row"][data-status="completed"]')).toHaveCount(3, { timeout: 200_000 });
  await expect(page.getByTestId('sweep-results')).toContainText('gru');
  await page.screenshot({ path: 'test-results/sweep-page.png', fullPage: true });

  await page.getByTestId('sweep-compare-link').click();
  await expect(page).toHaveURL(/\/compare\?/);
  for (const tag of ['train/loss', 'train/accuracy', 'test/accuracy']) {
    await expect(page.locator(`[data-testid="compare-chart"][data-tag="${tag}"]`)).toHaveAttribute('data-series', '3', { timeout: 60_000 });
  }
  await expect(page.getByTestId('compare-legend').first()).toBeVisible();
  await expect(page.getByTestId('smoothing-slider')).toBeVisible();
  const table = page.getByTestId('hparam-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText('lstm');
  await expect(page.getByTestId('parallel-coords')).toBeVisible();
  await expect(page.getByTestId('overfit-badge').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/compare-page.png', fullPage: true });

  // Remove the GRU run, then add it back by name through the picker: its line returns.
  const loss = page.locator('[data-testid="compare-chart"][data-tag="train/loss"]');
  const gruRow = page.getByTestId('compare-legend-row').filter({ hasText: 'gru' });
  await gruRow.getByTestId('compare-remove-run').click();
  await expect(loss).toHaveAttribute('data-series', '2');
  await page.getByTestId('compare-add-runs').click();
  await page.getByTestId('compare-run-search').fill(name);
  // The picker lists the newest runs until the typed search lands (other specs' runs among them): pick ours by name.
  const option = page.getByTestId('compare-run-option').filter({ hasText: name }).filter({ hasText: 'model=gru' });
  await option.click();
  await expect(loss).toHaveAttribute('data-series', '3');
  await expect(page).toHaveURL(/runs=[^&]*,[^&]*,[^&]*/);
});
