import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

/** A small run made over REST (the workers may train it meanwhile: managing works at any status). */
async function createRun(body: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const res = await apiFetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'lstm', hiddenSize: 32, trainSubset: 256, evalSubset: 100, evalInterval: 4, ...body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

test('renames, tags and annotates a run from its page; the run list shows the same', async ({ page }) => {
  const stamp = Date.now();
  const run = await createRun({ name: `e2e-manage-${stamp}` });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId('run-name')).toHaveText(run.name);

  // Rename in place.
  await page.getByTestId('rename-run').click();
  await page.getByTestId('rename-run-input').fill(`e2e-renamed-${stamp}`);
  await page.getByTestId('rename-run-save').click();
  await expect(page.getByTestId('run-name')).toHaveText(`e2e-renamed-${stamp}`);

  // Tags: two added, a bad one refused with the API's words, one removed.
  const tags = page.getByTestId('run-tags');
  for (const tag of ['baseline', 'lr sweep']) {
    await tags.getByTestId('add-tag').click();
    await tags.getByTestId('add-tag-input').fill(tag);
    await tags.getByTestId('add-tag-input').press('Enter');
    await expect(tags.getByTestId('run-tag').filter({ hasText: tag })).toBeVisible();
  }
  await tags.getByTestId('add-tag').click();
  await tags.getByTestId('add-tag-input').fill('<b>');
  await tags.getByTestId('add-tag-save').click();
  await expect(tags.getByTestId('add-tag-error')).toContainText('a tag starts with a letter or digit');
  await tags.getByTestId('add-tag-input').press('Escape');
  await tags.getByTestId('run-tag').filter({ hasText: 'lr sweep' }).getByTestId('remove-tag').click();
  await expect(tags.getByTestId('run-tag')).toHaveText(['baseline×']);

  // Notes in Markdown, rendered; raw HTML stays text.
  await page.getByTestId('edit-notes').click();
  await page.getByTestId('notes-input').fill('## Why\nlr **too high**\n\n<img src=x onerror=alert(1)>');
  await expect(page.getByTestId('notes-preview').locator('strong')).toHaveText('too high');
  await page.getByTestId('save-notes').click();
  const notes = page.getByTestId('run-notes-body');
  await expect(notes.locator('h4')).toHaveText('Why');
  await expect(notes.locator('strong')).toHaveText('too high');
  await expect(notes).toContainText('<img src=x onerror=alert(1)>');
  await expect(notes.locator('img')).toHaveCount(0);

  // The API has all of it, and the list shows the new name and the tag.
  const stored = (await (await apiFetch(`/api/runs/${run.id}`)).json()) as { name: string; tags: string[]; notes: string };
  expect(stored).toMatchObject({ name: `e2e-renamed-${stamp}`, tags: ['baseline'] });
  expect(stored.notes).toContain('## Why');
  await page.goto(`/?name=e2e-renamed-${stamp}`);
  const row = page.getByTestId('run-row').filter({ hasText: `e2e-renamed-${stamp}` });
  await expect(row.getByTestId('run-tag')).toHaveText(['baseline×']);
  await page.screenshot({ path: 'test-results/run-manage-list.png', fullPage: true });
});

test('renames and tags from the run list', async ({ page }) => {
  const stamp = Date.now();
  const run = await createRun({ name: `e2e-listed-${stamp}` });
  await page.goto(`/?name=e2e-listed-${stamp}`);
  const row = page.locator(`[data-testid="run-row"][data-run-id="${run.id}"]`);
  await row.getByTestId('rename-run').click();
  await row.getByTestId('rename-run-input').fill(`e2e-listed-${stamp}-b`);
  await row.getByTestId('rename-run-input').press('Enter');
  await expect(row.getByTestId('run-name-link')).toHaveText(`e2e-listed-${stamp}-b`);
  await row.getByTestId('add-tag').click();
  await row.getByTestId('add-tag-input').fill('from-list');
  await row.getByTestId('add-tag-input').press('Enter');
  await expect(row.getByTestId('run-tag')).toHaveText(['from-list×']);
});

test('"Run again" opens the new-run form filled with the run\'s settings', async ({ page }) => {
  const stamp = Date.now();
  const run = await createRun({ name: `e2e-source-${stamp}`, hiddenSize: 48, layers: 2, learningRate: 0.01, optimizer: 'sgd' });
  await page.goto(`/runs/${run.id}`);
  await page.getByTestId('clone-run').first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/new\\?from=${run.id}`));
  await expect(page.getByTestId('clone-source')).toContainText(`e2e-source-${stamp}`);
  const form = page.getByTestId('new-run-form');
  await expect(form.locator('[name="name"]')).toHaveValue(`e2e-source-${stamp} (2)`);
  await expect(form.locator('[name="model"]')).toHaveValue('lstm');
  await expect(form.locator('[name="hiddenSize"]')).toHaveValue('48');
  await expect(form.locator('[name="layers"]')).toHaveValue('2');
  await expect(form.locator('[name="learningRate"]')).toHaveValue('0.01');
  await expect(form.locator('[name="optimizer"]')).toHaveValue('sgd');
  await expect(form.locator('[name="trainSubset"]')).toHaveValue('256');

  // A blank name previews, then gets, the generated one.
  await form.locator('[name="name"]').fill('');
  await expect(form.locator('[name="name"]')).toHaveAttribute('placeholder', 'lstm-48x2-sgd-lr0.01-train256');
  await page.getByTestId('submit-run').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('run-name')).toHaveText('lstm-48x2-sgd-lr0.01-train256');
});
