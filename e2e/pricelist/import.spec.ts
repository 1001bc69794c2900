import { writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { consoleErrors, login, openMenu } from '../support/session';

/** The price list page's line for a register code. */
const line = (page: Page, code: string) =>
  page.getByRole('table', { name: 'Lines' }).getByRole('row').filter({ hasText: code });

test('a price list import with a bad row is refused until the row is fixed, then applied', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors = consoleErrors(page);
  const name = `Tarif E2E ${Date.now().toString(36)}`;
  await login(page, 'admin', 'admin123');

  // A new items price list with one line at the register price.
  await openMenu(page, 'Administration', 'Items price lists');
  await page.getByRole('button', { name: 'New price list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New price list' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Price list date', { exact: true }).fill('2025-01-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const listUrl = page.url();
  await page.getByLabel('Add by code or name').fill('D001');
  await page.getByRole('button', { name: /^Add D001 / }).click();
  await expect(line(page, 'D001')).toContainText('25.00');

  // A file whose third row has a negative price.
  const bad = testInfo.outputPath('tarif.csv');
  await writeFile(bad, `pricelist,code,price\n${name},D001,30\n${name},D002,-5\n`);
  await openMenu(page, 'Tools', 'Price list import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Price list import');
  await page.getByLabel('Choose a file').setInputFiles(bad);
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(page.getByText('Nothing was imported: fix the rows below.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows with errors' });
  await expect(problems.getByRole('row')).toHaveCount(2); // header + the bad row
  const problem = problems.getByRole('row').nth(1);
  await expect(problem).toContainText('3');
  await expect(problem).toContainText('Price applied');
  await expect(problem).toContainText('The price cannot be negative.');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  // Chosen again and imported without a dry run: refused with the same problem, nothing written.
  await page.getByLabel('Choose a file').setInputFiles(bad);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Nothing was imported: fix the rows below.')).toBeVisible();
  await expect(problems.getByRole('row').nth(1)).toContainText('The price cannot be negative.');
  await page.goto(listUrl);
  await expect(line(page, 'D001')).toContainText('25.00');
  await expect(line(page, 'D001')).not.toContainText('30.00');
  await expect(line(page, 'D002')).toHaveCount(0);

  // The row fixed: a clean dry run, then the import.
  const fixed = testInfo.outputPath('tarif-corrige.csv');
  await writeFile(fixed, `pricelist,code,price\n${name},D001,30\n${name},D002,800.50\n`);
  await openMenu(page, 'Tools', 'Price list import');
  await page.getByLabel('Choose a file').setInputFiles(fixed);
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(page.getByText('No errors: you can import.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Rows: 2 · Added: 1 · Repriced: 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported: 1 added, 1 repriced.')).toBeVisible();

  await page.goto(listUrl);
  await expect(line(page, 'D001')).toContainText('30.00');
  await expect(line(page, 'D002')).toContainText('800.50');
  expect(errors).toEqual([]);
});
