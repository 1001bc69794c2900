import { expect, type Page } from '@playwright/test';

/** Signs in through the login page, as a user would. */
export async function login(
  page: Page,
  username: string,
  password: string,
  language: 'English' | 'Français' = 'English',
) {
  await page.goto('/login');
  await page.getByRole('button', { name: language }).click();
  const fr = language === 'Français';
  await page.getByLabel(fr ? "Nom d'utilisateur" : 'Username').fill(username);
  await page.getByLabel(fr ? 'Mot de passe' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: fr ? 'Connexion' : 'Login', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fr ? 'Bienvenue' : 'Welcome');
}

/** Opens an app-bar menu group and clicks one of its items. */
export async function openMenu(page: Page, group: string, item: string) {
  await page.getByRole('banner').getByRole('button', { name: group }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Picks an option of an MUI select by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: typeof label === 'string' }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Collects console errors other than the browser's own log line for an expected 401 (signed-out check). */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
