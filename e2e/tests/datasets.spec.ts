import { expect, test } from '@playwright/test';

const FASHION = '/usr/share/datasets/fashion-mnist';

test('uploads Fashion-MNIST from the dashboard, refuses a bad upload with the reason, and deletes it', async ({ page }) => {
  await page.goto('/datasets');
  const rows = page.getByTestId('dataset-row');
  await expect(rows.filter({ hasText: 'MNIST' }).first()).toContainText('60,000 / 10,000');
  await expect(page.locator('[data-testid="dataset-row"][data-id="cifar10"]')).toContainText('32×32×3');

  const name = `Fashion-MNIST e2e ${Date.now()}`;
  const form = page.getByTestId('dataset-upload-form');
  await form.getByTestId('dataset-name').fill(name);
  // A bad upload first: the test labels (10,000) given as train labels (60,000 images).
  await form.getByTestId('dataset-file-trainImages').setInputFiles(`${FASHION}/train-images-idx3-ubyte.gz`);
  await form.getByTestId('dataset-file-trainLabels').setInputFiles(`${FASHION}/t10k-labels-idx1-ubyte.gz`);
  await form.getByTestId('dataset-file-testImages').setInputFiles(`${FASHION}/t10k-images-idx3-ubyte.gz`);
  await form.getByTestId('dataset-file-testLabels').setInputFiles(`${FASHION}/t10k-labels-idx1-ubyte.gz`);
  await form.getByTestId('dataset-upload').click();
  await expect(form.getByTestId('dataset-upload-error')).toContainText('train: 10000 labels but 60000 images', { timeout: 60_000 });
  await expect(rows.filter({ hasText: name })).toHaveCount(0);

  await form.getByTestId('dataset-file-trainLabels').setInputFiles(`${FASHION}/train-labels-idx1-ubyte.gz`);
  await form.getByTestId('dataset-class-names').fill('T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot');
  await form.getByTestId('dataset-upload').click();
  const row = rows.filter({ hasText: name });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toContainText('60,000 / 10,000');
  await expect(row).toContainText('28×28×1');
  await expect(row).toContainText('T-shirt/top');
  await expect(row.getByTestId('dataset-balance')).toHaveText('6,000 each');
  // Its sample grid, drawn when it was decoded: 10 rows of 10 images (28 px, 2-px gaps).
  await row.getByTestId('dataset-show-samples').click();
  const grid = page.getByTestId('dataset-samples').locator('img');
  await expect.poll(() => grid.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([302, 302]);
  await expect(page.getByTestId('dataset-samples')).toContainText('Ankle boot');
  await page.screenshot({ path: 'test-results/datasets-page.png', fullPage: true });

  await row.getByTestId('dataset-delete').click();
  await row.getByTestId('dataset-delete-confirm').click();
  await expect(rows.filter({ hasText: name })).toHaveCount(0);
});
