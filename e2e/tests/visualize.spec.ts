import { expect, test } from '@playwright/test';
import { trainedLenet } from '../trained-lenet';

test('Zeiler & Fergus on a trained LeNet: top-9 grid with deconv projections, then one image’s occlusion and gradient maps', async ({
  page,
}) => {
  await trainedLenet(page, 'e2e-zf', { trainSubset: 1920, evalSubset: 500, learningRate: 0.002 });

  await page.getByTestId('tab-visualize').click();
  await expect(page.getByTestId('visualize-panel')).toBeVisible();
  await page.getByTestId('visualize-subset').selectOption({ index: 2 }); // 1,000 images: a quick look
  await page.getByTestId('top9-compute').click();
  const grid = page.getByTestId('top9-grid');
  await expect(grid).toHaveAttribute('data-maps', '32', { timeout: 120_000 });
  // Every cell draws from one sprite PNG: the grid is complete once it has loaded.
  await expect(grid).toHaveAttribute('data-sprite', 'loaded', { timeout: 60_000 });
  const cell = page.getByTestId('top9-cell').first();
  await expect(cell).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('top9-cell')).toHaveCount(32 * 9 * 2);
  // The cells' background is a real PNG the browser decodes.
  const spriteSize = await cell.evaluate(async (el) => {
    const url = /url\("(.*)"\)/.exec(getComputedStyle(el).backgroundImage)?.[1];
    if (!url) return null;
    const img = new Image();
    img.src = url;
    await img.decode();
    return img.naturalWidth * img.naturalHeight;
  });
  expect(spriteSize).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/visualize-top9.png', fullPage: false });

  await cell.click();
  const panel = page.getByTestId('image-panel');
  await expect(panel).toBeVisible();
  for (const id of ['occlusion-map', 'grad-cam', 'saliency', 'guided-backprop', 'deconv-projection']) {
    const img = panel.getByTestId(id);
    await expect(img).toBeVisible({ timeout: 120_000 });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  }
  // The finished top-9 stays finished while the image job comes and goes.
  await expect(grid).toHaveAttribute('data-maps', '32');
  await expect(page.getByTestId('top9-progress')).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/visualize-image.png', fullPage: true });
});
