import { expect, test, type Locator, type Page } from '@playwright/test';

const FASHION = '/usr/share/datasets/fashion-mnist';

/** Uploads Fashion-MNIST through the Datasets page; answers its catalogue id. */
async function uploadFashion(page: Page, name: string): Promise<string> {
  await page.goto('/datasets');
  const form = page.getByTestId('dataset-upload-form');
  await form.getByTestId('dataset-name').fill(name);
  await form.getByTestId('dataset-file-trainImages').setInputFiles(`${FASHION}/train-images-idx3-ubyte.gz`);
  await form.getByTestId('dataset-file-trainLabels').setInputFiles(`${FASHION}/train-labels-idx1-ubyte.gz`);
  await form.getByTestId('dataset-file-testImages').setInputFiles(`${FASHION}/t10k-images-idx3-ubyte.gz`);
  await form.getByTestId('dataset-file-testLabels').setInputFiles(`${FASHION}/t10k-labels-idx1-ubyte.gz`);
  await form.getByTestId('dataset-class-names').fill('T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot');
  await form.getByTestId('dataset-upload').click();
  const row = page.getByTestId('dataset-row').filter({ hasText: name });
  await expect(row).toHaveCount(1, { timeout: 90_000 });
  const id = await row.getAttribute('data-id');
  if (!id) throw new Error('the uploaded dataset has no id');
  return id;
}

/** Adds a layer of `type` at the end of the stack and sets its fields; answers its row. */
async function addLayer(editor: Locator, type: string, fields: Record<string, string> = {}): Promise<Locator> {
  await editor.getByTestId('layer-add-type').selectOption(type);
  await editor.getByTestId('layer-add').click();
  const row = editor.getByTestId('layer-row').last();
  await expect(row.getByTestId('layer-type')).toHaveValue(type);
  for (const [key, value] of Object.entries(fields)) {
    const input = row.getByTestId(`layer-field-${key}`);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  return row;
}

test('builds a CNN in the layer editor on uploaded Fashion-MNIST, trains it and looks inside its layers', async ({ page }) => {
  const datasetName = `Fashion-MNIST net ${Date.now()}`;
  const datasetId = await uploadFashion(page, datasetName);

  await page.goto('/runs/new');
  const form = page.getByTestId('new-run-form');
  await expect(page.getByTestId('submit-run')).toBeEnabled();
  await form.locator('[name="model"]').selectOption('custom');
  await form.getByTestId('run-dataset').selectOption(datasetId);
  const editor = page.getByTestId('layer-editor');
  // A Keras topology with a layer the schema lacks is refused with that layer named, and changes nothing.
  await editor.getByTestId('network-import-toggle').click();
  const topology = (layers: object[]) => JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers } });
  const keras = (class_name: string, config: object) => ({ class_name, config: { name: `${class_name.toLowerCase()}_1`, ...config } });
  await editor
    .getByTestId('network-import-text')
    .fill(topology([keras('Conv2D', { filters: 4, kernel_size: [3, 3] }), keras('Conv3D', { filters: 2 }), keras('Flatten', {})]));
  await editor.getByTestId('network-import').click();
  await expect(editor.getByTestId('network-import-problems')).toContainText('Conv3D layers are not supported');
  await expect(editor.getByTestId('layer-row')).toHaveCount(3);
  await editor
    .getByTestId('network-import-text')
    .fill(topology([keras('Conv2D', { filters: 4, kernel_size: [3, 3] }), keras('Flatten', {})]));
  await editor.getByTestId('network-import').click();
  await expect(editor.getByTestId('layer-row')).toHaveCount(2);
  await expect(editor.getByTestId('layer-row').first().getByTestId('layer-field-name')).toHaveValue('conv2d_1');
  await expect(editor.getByTestId('layer-row').first().getByTestId('layer-params')).toHaveText('40');
  await editor.getByTestId('network-import-toggle').click();
  await editor.getByTestId('network-clear').click();
  await expect(editor.getByTestId('layer-row')).toHaveCount(0);
  await expect(editor.getByTestId('network-problems')).toContainText('at least one layer');

  // Each row shows its output shape and parameters as it is typed.
  const conv = await addLayer(editor, 'conv2d', { filters: '16', kernelSize: '3', activation: 'relu' });
  await expect(conv.getByTestId('layer-shape')).toHaveText('[26, 26, 16]');
  await expect(conv.getByTestId('layer-params')).toHaveText('160');
  await conv.getByTestId('layer-field-filters').fill('8');
  await expect(conv.getByTestId('layer-params')).toHaveText('80');
  // The server's head is shown until the stack ends in one logit per class.
  await expect(editor.getByTestId('layer-head')).toHaveCount(2); // flatten, then dense
  await expect(editor.getByTestId('network-notes')).toContainText('added a dense head of 10 units');
  const pool = await addLayer(editor, 'maxPool2d');
  await expect(pool.getByTestId('layer-shape')).toHaveText('[13, 13, 8]');
  // A kernel larger than its input is refused on its row, before anything is sent.
  await pool.getByTestId('layer-field-poolSize').fill('30');
  await expect(pool.getByTestId('layer-error')).toContainText('larger than its 26×26 input');
  await pool.getByTestId('layer-field-poolSize').fill('2');
  await expect(pool.getByTestId('layer-error')).toHaveCount(0);
  await addLayer(editor, 'flatten');
  const dense = await addLayer(editor, 'dense', { units: '10', activation: 'linear' });
  await expect(dense.getByTestId('layer-shape')).toHaveText('[10]');
  await expect(dense.getByTestId('layer-params')).toHaveText('13,530');
  await expect(editor.getByTestId('layer-head')).toHaveCount(0);
  await expect(editor.getByTestId('network-params')).toHaveText('13,610');

  const name = `fashion-cnn-${Date.now()}`;
  await form.locator('[name="name"]').fill(name);
  await form.locator('[name="batchSize"]').fill('32');
  await form.locator('[name="epochs"]').fill('1');
  await form.locator('[name="trainSubset"]').fill('960');
  await form.locator('[name="evalSubset"]').fill('500');
  await form.locator('[name="evalInterval"]').fill('10');
  await form.locator('[name="logInterval"]').fill('5');
  await form.locator('[name="statsInterval"]').fill('10');
  await form.locator('[name="snapshotsPerEpoch"]').fill('1');
  await page.screenshot({ path: 'test-results/custom-network-form.png', fullPage: true });
  await page.getByTestId('submit-run').click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 200_000 });
  const network = page.getByTestId('run-network');
  await expect(network.getByTestId('run-network-layer')).toHaveCount(4);
  await expect(network.getByTestId('run-network-params')).toHaveText('13,610');
  await page.screenshot({ path: 'test-results/custom-network-run.png', fullPage: true });

  // Filters of its first conv layer and feature maps of one test image.
  await page.getByTestId('tab-layers').click();
  const filters = page.getByTestId('filter-grid');
  await expect.poll(() => filters.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const maps = page.getByTestId('feature-maps-img');
  await expect
    .poll(() => maps.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('feature-layer')).toHaveValue('conv1');
  await page.screenshot({ path: 'test-results/custom-network-layers.png', fullPage: true });

  // Top-9 of every one of its 8 feature maps.
  await page.getByTestId('tab-visualize').click();
  await expect(page.getByTestId('visualize-panel')).toBeVisible();
  await page.getByTestId('top9-compute').click();
  const grid = page.getByTestId('top9-grid');
  await expect(grid).toHaveAttribute('data-maps', '8', { timeout: 120_000 });
  await expect(grid).toHaveAttribute('data-sprite', 'loaded', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/custom-network-top9.png', fullPage: false });

  // "Run again" fills the editor with its layers and dataset, and posts a config the API takes.
  const runUrl = page.url().split('?')[0]!;
  await page.goto(runUrl);
  await page.getByTestId('clone-run').click();
  await expect(page.getByTestId('clone-source')).toContainText(name);
  await expect(form.getByTestId('run-dataset')).toHaveValue(datasetId);
  await expect(editor.getByTestId('layer-row')).toHaveCount(4);
  await expect(editor.getByTestId('network-params')).toHaveText('13,610');
  await page.getByTestId('submit-run').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  expect(page.url().split('?')[0]).not.toBe(runUrl);
  await expect(page.getByTestId('run-network').getByTestId('run-network-params')).toHaveText('13,610');

  // Its width as a sweep: a list in the conv's filters box is an axis over network.layers.0.filters.
  await page.goto('/runs/new?mode=sweep');
  await form.locator('[name="name"]').fill(`width-${Date.now()}`);
  const models = page.getByTestId('sweep-choices-model');
  await models.locator('input[value="custom"]').check();
  await models.locator('input[value="lenet5"]').uncheck();
  await form.getByTestId('run-dataset').selectOption(datasetId);
  const first = editor.getByTestId('layer-row').first();
  await first.getByTestId('layer-field-filters').fill('4, 8');
  await expect(first.getByTestId('layer-shape')).toHaveText('[26, 26, 4]');
  await form.locator('[name="batchSize"]').fill('32');
  await form.locator('[name="trainSubset"]').fill('320');
  await form.locator('[name="evalSubset"]').fill('100');
  await form.locator('[name="evalInterval"]').fill('2');
  await form.locator('[name="logInterval"]').fill('1');
  await form.locator('[name="snapshotsPerEpoch"]').fill('1');
  await expect(page.getByTestId('sweep-run-count')).toContainText('2');
  await expect(page.getByTestId('sweep-preview')).toContainText('network.layers.0.filters');
  await page.screenshot({ path: 'test-results/custom-network-sweep-form.png', fullPage: true });
  await page.getByTestId('submit-sweep').click();
  await expect(page).toHaveURL(/\/sweeps\/[0-9a-f-]{36}/);
  await expect(page.locator('[data-testid="sweep-run-row"][data-status="completed"]')).toHaveCount(2, { timeout: 200_000 });
  await page.getByTestId('sweep-compare-link').click();
  await expect(page.locator('[data-testid="compare-chart"][data-tag="train/loss"]')).toHaveAttribute('data-series', '2', {
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/custom-network-compare.png', fullPage: true });
});
