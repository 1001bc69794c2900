import { expect, type Page, test } from '@playwright/test';
import { consoleErrors, login } from '../support/session';

/**
 * A moment strictly after every change made so far, as a `datetime-local` value in the browser's time zone, and its
 * epoch ms. Whole seconds, as a user types them; the normalized form (Chromium drops ":00" seconds).
 */
async function nextSecond(page: Page): Promise<{ value: string; ms: number }> {
  return page.evaluate(() => {
    const d = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
    const p = (n: number) => String(n).padStart(2, '0');
    const minutes = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    return { value: d.getSeconds() ? `${minutes}:${p(d.getSeconds())}` : minutes, ms: d.getTime() };
  });
}

test('a product with items and services; a changed term and premium keep their old values as of a past moment', async ({
  page,
}) => {
  // A long journey (two saves of each kind, three reloads) on a shared CI machine.
  test.setTimeout(180_000);
  const errors = consoleErrors(page);
  const code = `E${Date.now().toString(36).slice(-6).toUpperCase()}`;
  await login(page, 'admin', 'admin123');
  await page.goto('/admin/products');
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByLabel('Name', { exact: true }).fill('Mutuelle E2E santé');
  await page.getByLabel('Date from', { exact: true }).fill('2025-01-01');
  await page.getByLabel('Date to', { exact: true }).fill('2030-12-31');
  await page.getByLabel('Premium adult', { exact: true }).fill('5000');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Product ${code}`);

  // Items and services by code; a term edited before the first save.
  const items = page.getByRole('region', { name: 'Covered items' });
  await items.getByLabel('Item or service code').fill('D001');
  await items.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(items.getByRole('row', { name: /D001/ })).toContainText('Amoxicilline 500 mg');
  await items.getByLabel('Item or service code').fill('D002');
  await items.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(items.getByRole('row', { name: /D002/ })).toBeVisible();
  await items.getByLabel('Item or service code').fill('NOPE-404');
  await items.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(items.getByText('No item or service with this code')).toBeVisible();
  await items.getByLabel('D001 Limit adult', { exact: true }).fill('80');
  await items.getByRole('button', { name: 'Save lines' }).click();
  await expect(page.getByText('Covered items: saved')).toBeVisible();
  await expect(items.getByRole('heading')).toHaveText('Covered items (2)');

  const services = page.getByRole('region', { name: 'Covered services' });
  await services.getByLabel('Item or service code').fill('S001');
  await services.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(services.getByRole('row', { name: /S001/ })).toBeVisible();
  await services.getByRole('button', { name: 'Save lines' }).click();
  await expect(page.getByText('Covered services: saved')).toBeVisible();

  // Reloaded from the server: the lines and the edited term are there.
  await page.reload();
  await expect(items.getByRole('heading')).toHaveText('Covered items (2)');
  await expect(services.getByRole('heading')).toHaveText('Covered services (1)');
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toHaveValue('80.00');

  // A moment between the first version and the changes below.
  const before = await nextSecond(page);
  await expect.poll(() => page.evaluate(() => Date.now())).toBeGreaterThan(before.ms);

  await items.getByLabel('D001 Limit adult', { exact: true }).fill('60');
  await items.getByRole('button', { name: 'Save lines' }).click();
  await expect(page.getByText('Covered items: saved')).toBeVisible();
  await page.getByLabel('Premium adult', { exact: true }).fill('6000');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  await page.reload();
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toHaveValue('60.00');
  await expect(page.getByLabel('Premium adult', { exact: true })).toHaveValue('6000.00');

  // As of that moment: the old term and premium, read-only.
  await page.getByLabel('Show as of (date and time)').fill(before.value);
  await expect(page.getByText(/Shown as it was on .* \(read-only\)/)).toBeVisible();
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toHaveValue('80.00');
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Premium adult', { exact: true })).toHaveValue('5000.00');
  await expect(items.getByRole('button', { name: 'Save lines' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

  // Before the product existed: nothing to show.
  await page.getByLabel('Show as of (date and time)').fill('2024-06-01T10:00');
  await expect(page.getByText('This product did not exist at that date and time.')).toBeVisible();

  // Back to the current version: the new values, editable again.
  await page.getByRole('button', { name: 'Back to the current version' }).click();
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toHaveValue('60.00');
  await expect(items.getByLabel('D001 Limit adult', { exact: true })).toBeEnabled();
  await expect(page.getByLabel('Premium adult', { exact: true })).toHaveValue('6000.00');
  expect(errors).toEqual([]);
});
