import { expect, test } from '@playwright/test';
import { apiFetch } from '../api-auth';

// Signed out: a fresh browser with no cookies.
test.use({ storageState: { cookies: [], origins: [] } });

test('a viewer signs in through the form, reads runs, cannot launch, and signs out', async ({ page }) => {
  const viewer = { email: `viewer-${Date.now()}@e2e.local`, password: 'viewer-password-e2e' };
  const created = await apiFetch('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...viewer, role: 'viewer' }),
  });
  expect(created.status).toBe(201);

  await page.goto('/runs/new');
  await expect(page).toHaveURL(/\/login\?next=%2Fruns%2Fnew/);
  await page.getByTestId('login-email').fill(viewer.email);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(/wrong email or password/i);
  await expect(page.getByTestId('login-email')).toHaveValue(viewer.email);

  await page.getByTestId('login-password').fill(viewer.password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/runs\/new$/);
  await expect(page.getByTestId('user-email')).toHaveText(viewer.email);
  await expect(page.getByTestId('user-role')).toHaveText(/viewer/i);
  await expect(page.getByTestId('permission-note').first()).toBeVisible();
  await expect(page.getByTestId('submit-run')).toBeDisabled();

  await page.goto('/');
  await expect(page.getByTestId('new-run')).toBeDisabled();
  await page.screenshot({ path: 'test-results/viewer-run-list.png' });

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
