import { expect, test } from '@playwright/test';
import { consoleErrors, login, openMenu } from '../support/session';

test('a wrong password keeps the user on the login page with a translated message', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  const button = page.getByRole('button', { name: 'Login', exact: true });
  await expect(button).toBeDisabled();
  await page.getByLabel('Username').fill('admin');
  await expect(button).toBeDisabled();
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('Wrong username or password');
  await expect(page).toHaveURL(/\/login/);

  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('button', { name: 'Connexion', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText("Nom d'utilisateur ou mot de passe incorrect");
});

test('the administrator signs in in English, sees the greeting, and signs out', async ({ page }) => {
  const errors = consoleErrors(page);
  await login(page, 'admin', 'admin123');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await openMenu(page, 'Profile', 'Logout');
  await expect(page).toHaveURL(/\/login/);
  // Signed out: a protected page sends back to the login page.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login/);
  expect(errors).toEqual([]);
});

test('a user signs in in French and the whole shell speaks French', async ({ page }) => {
  await login(page, 'schemeadmin', 'demo123', 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Profil' })).toBeVisible();
  await openMenu(page, 'Administration', 'Formations sanitaires');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Formations sanitaires');
  // The choice is remembered for this user: a new browser, signing in without choosing, gets French.
  const again = await page.context().browser()!.newPage();
  await again.goto('/login');
  await again.getByLabel(/Username|Nom d'utilisateur/).fill('schemeadmin');
  await again.getByLabel(/^(Password|Mot de passe)$/).fill('demo123');
  await again.keyboard.press('Enter');
  await expect(again.getByRole('heading', { level: 1 })).toContainText('Bienvenue');
  await again.close();
  // Back to English at runtime, without signing in again.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health facilities');
});
