import { expect, test, type Page } from '@playwright/test';

/*
 * The compare pickers float over the toolbar: they must close on Escape (focus back on their
 * button) and on a press outside, and that press must still work the control it landed on.
 */

async function expectDismissable(page: Page, buttonTestId: string, panelSearchTestId: string) {
  const button = page.getByTestId(buttonTestId);
  const panel = page.getByTestId(panelSearchTestId);

  await button.click();
  await expect(panel).toBeVisible();
  await panel.focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(panel).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(panel).toBeHidden();
}

test('the Add runs picker closes on Escape and on an outside click', async ({ page }) => {
  await page.goto('/compare');
  await expectDismissable(page, 'compare-add-runs', 'compare-run-search');
});

test('the Tags picker closes on Escape and on an outside click, which still reaches the toolbar', async ({ page }) => {
  // A run id that doesn't exist is enough: the page shows it as missing, with the full head and toolbar.
  await page.goto('/compare?runs=00000000-0000-4000-8000-000000000000');
  await expectDismissable(page, 'compare-pick-tags', 'compare-tag-filter');

  // Open again, then press "+ Add runs" beside it: one click closes the Tags panel and opens the other.
  await page.getByTestId('compare-pick-tags').click();
  await expect(page.getByTestId('compare-tag-filter')).toBeVisible();
  await page.getByTestId('compare-add-runs').click();
  await expect(page.getByTestId('compare-tag-filter')).toBeHidden();
  await expect(page.getByTestId('compare-run-search')).toBeVisible();
});
