import { expect, test } from '@playwright/test';
import { choose, login } from '../support/session';

test('a scheme administrator creates a health facility and finds it in the search', async ({ page }) => {
  await login(page, 'schemeadmin', 'demo123');
  await page.goto('/admin/health-facilities');
  await page.getByRole('link', { name: 'New health facility' }).click();
  await page.getByLabel('Code', { exact: true }).fill('E2E01');
  await page.getByLabel('Name', { exact: true }).fill('CSI de Konni Est');
  await choose(page, 'Legal form', 'Government');
  await choose(page, 'Level', 'Health centre');
  await choose(page, 'Care type', /Out-patient/);
  await choose(page, 'District', /R1D2/);
  await page.getByRole('button', { name: 'Save' }).click();
  // Saved: back to the search page.
  await expect(page).toHaveURL(/\/admin\/health-facilities$/);

  await page.getByLabel('Code', { exact: true }).fill('E2E01');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /E2E01/ });
  await expect(row).toContainText('CSI de Konni Est');
  await expect(row).toContainText("Birni N'Konni");

  // The same code again is refused with a message naming the field.
  await page.getByRole('link', { name: 'New health facility' }).click();
  await page.getByLabel('Code', { exact: true }).fill('E2E01');
  await page.getByLabel('Name', { exact: true }).fill('Doublon');
  await choose(page, 'Legal form', 'Government');
  await choose(page, 'Level', 'Dispensary');
  await choose(page, 'Care type', /Out-patient/);
  await choose(page, 'District', /R1D2/);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The code E2E01 is already used by another health facility').first()).toBeVisible();
  await expect(page).toHaveURL(/\/new$/);
});
