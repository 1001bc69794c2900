import { expect, test } from '@playwright/test';
import { consoleErrors, login, openMenu } from '../support/session';

test('the administrator reaches every page from the menus without errors', async ({ page }) => {
  const errors = consoleErrors(page);
  await login(page, 'admin', 'admin123');
  const pages: Array<[string, string, RegExp, string]> = [
    ['Administration', 'Users', /\/admin\/users$/, 'Users'],
    ['Administration', 'Roles', /\/admin\/roles$/, 'Roles'],
    ['Administration', 'Locations', /\/admin\/locations$/, 'Locations'],
    ['Administration', 'Health facilities', /\/admin\/health-facilities$/, 'Health facilities'],
    ['Tools', 'Imports', /\/tools\/imports/, 'Imports'],
    ['Profile', 'My profile', /\/profile$/, 'My profile'],
    ['Profile', 'Change password', /\/profile\/password$/, 'Change password'],
  ];
  for (const [group, item, url, heading] of pages) {
    await openMenu(page, group, item);
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(errors).toEqual([]);
});

test('menus show only what the user has the right to use', async ({ page }) => {
  await login(page, 'eo', 'demo123');
  // An enrolment officer has no administration rights: the group is absent, the page refused.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/admin/roles');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access denied');
});
