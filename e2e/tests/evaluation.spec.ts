import { expect, test } from '@playwright/test';
import { trainedLenet } from '../trained-lenet';

test('Evaluate tab on a trained LeNet: confusion matrix and per-class table, mistakes gallery linking to Visualize, embedding', async ({
  page,
}) => {
  // Barely trained, so it makes plenty of mistakes to show.
  await trainedLenet(page, 'e2e-eval', { trainSubset: 640, evalSubset: 200 });

  // Opening the tab asks for the evaluation of the newest snapshot by itself.
  await page.getByTestId('tab-evaluate').click();
  await expect(page.getByTestId('evaluate-panel')).toBeVisible();
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toBeVisible({ timeout: 120_000 });
  // 10 × 10 counts over the whole test split.
  const counts = await matrix.locator('tbody td').allInnerTexts();
  expect(counts).toHaveLength(100);
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(10_000);
  await expect(page.getByTestId('evaluation-summary')).toContainText('of 10,000 test images right');
  await expect(page.getByTestId('class-metrics').locator('tbody tr')).toHaveCount(10);

  const mistakes = page.getByTestId('mistake');
  await expect(mistakes.first()).toBeVisible();
  expect(await mistakes.count()).toBeGreaterThan(0);
  const thumb = mistakes.first().locator('img');
  await thumb.scrollIntoViewIfNeeded(); // thumbnails load lazily
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(28);
  await page.screenshot({ path: 'test-results/evaluate-confusion.png', fullPage: true });

  // The embedding is computed on request.
  await page.getByTestId('embedding-compute').click();
  await expect(page.getByTestId('embedding-scatter').locator('circle')).toHaveCount(2_000, { timeout: 120_000 });
  await page.getByTestId('embedding-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/evaluate-embedding.png', fullPage: false });

  // A mistake opens in the Visualize tab's image panel, at the same test image.
  const image = await mistakes.first().getAttribute('data-image');
  await mistakes.first().getByTestId('mistake-link').click();
  await expect(page).toHaveURL(new RegExp(`tab=visualize.*image=${image}`));
  const panel = page.getByTestId('image-panel');
  await expect(panel).toHaveAttribute('data-image', image!, { timeout: 30_000 });
  await expect(panel.getByTestId('image-prediction')).toBeVisible({ timeout: 120_000 });
});
