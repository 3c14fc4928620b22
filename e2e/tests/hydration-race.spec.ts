import { expect, test } from '@playwright/test';

// The form is server-rendered with its launch button off (nobody is signed in on the server).
// React hydrates the page's shell (the header, which asks /auth/me) before the form's Suspense
// boundary; on a busy machine the answer came in between, the form hydrated with the user known,
// and since React does not patch attributes while hydrating, `disabled` stayed in the DOM for
// good (a flaky CI failure). A slowed-down CPU makes that window wide enough to hit each time.
test('the launch button comes on even when the user is known before the form hydrates', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.E2E_THROTTLE ?? 8) });
  for (let i = 0; i < 3; i++) {
    await page.goto('/runs/new');
    await expect(page.getByTestId('user-email')).toHaveText('admin@e2e.local');
    await expect(page.getByTestId('submit-run')).toBeEnabled();
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
