import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

/** A queued run cancelled at once: the list shows it with its config, and no worker spends time on it. */
async function createCancelled(body: Record<string, unknown>): Promise<string> {
  const res = await apiFetch('/api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trainSubset: 64, ...body }),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await apiFetch(`/api/runs/${id}/cancel`, { method: 'POST' });
  return id;
}

test('filters the run list with an expression, says what is wrong with a bad one, and sorts by a column', async ({ page }) => {
  const stamp = `flt${Date.now()}`;
  await createCancelled({ name: `${stamp}-a`, model: 'lstm', hiddenSize: 64 });
  await createCancelled({ name: `${stamp}-b`, model: 'lstm', hiddenSize: 512 });
  await createCancelled({ name: `${stamp}-c`, model: 'gru', hiddenSize: 256 });
  await createCancelled({ name: `${stamp}-d`, model: 'lenet5', variant: 'mnist' });

  await page.goto('/');
  const names = page.getByTestId('run-row').getByTestId('run-name-link');
  const box = page.getByTestId('filter-expression');
  await box.fill(`name ~ ${stamp} and hiddenSize >= 256`);
  await expect(names).toHaveText([`${stamp}-c`, `${stamp}-b`]);
  // The filter lives in the URL: a reload (or a shared link) shows the same list.
  await expect(page).toHaveURL(/filter=/);
  await page.reload();
  await expect(names).toHaveText([`${stamp}-c`, `${stamp}-b`]);

  // A typo: the message names it, and the last good list stays.
  await box.fill(`name ~ ${stamp} and hiddensize >= 256`);
  await expect(page.getByTestId('filter-expression-help')).toContainText('did you mean hiddenSize?');
  await expect(names).toHaveText([`${stamp}-c`, `${stamp}-b`]);

  await box.fill(`name ~ ${stamp} and (model in (gru) or variant = mnist)`);
  await expect(names).toHaveText([`${stamp}-d`, `${stamp}-c`]);

  // Sorting by name: descending first, then ascending.
  await box.fill(`name ~ ${stamp}`);
  await expect(names).toHaveCount(4);
  await page.getByTestId('sort-name').click();
  await expect(names).toHaveText([`${stamp}-d`, `${stamp}-c`, `${stamp}-b`, `${stamp}-a`]);
  await page.getByTestId('sort-name').click();
  await expect(names).toHaveText([`${stamp}-a`, `${stamp}-b`, `${stamp}-c`, `${stamp}-d`]);

  // A config field as a column, sortable like the others; the choice outlives a reload.
  await page.getByTestId('run-columns').click();
  await page.getByTestId('column-hiddenSize').check();
  await page.keyboard.press('Escape');
  await box.fill(`name ~ ${stamp} and model in (lstm, gru)`);
  await expect(names).toHaveCount(3);
  await page.getByTestId('sort-hiddenSize').click();
  await expect(names).toHaveText([`${stamp}-b`, `${stamp}-c`, `${stamp}-a`]);
  await page.reload();
  await expect(page.getByTestId('sort-hiddenSize')).toBeVisible();
  await expect(page.getByTestId('run-row').first().locator('td').last()).toHaveText('512');
});
