import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { consoleErrors, login, openMenu } from '../support/session';

/** The demo's October claims were processed in the last October before today (claim demo-october.ts). */
function lastOctober(): string {
  const now = new Date();
  return `${now.getMonth() + 1 > 10 ? now.getFullYear() : now.getFullYear() - 1}-10`;
}

/** Clicks a download link and returns the downloaded file's name and bytes (Playwright download event). */
async function download(page: Page, name: string): Promise<{ filename: string; data: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await file.path();
  return { filename: file.suggestedFilename(), data: await readFile(path) };
}

test('preview then run October for the demo country, open a facility bill, download it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = consoleErrors(page);
  await login(page, 'admin', 'admin123');
  await openMenu(page, 'Claims', 'Monthly batch');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run the monthly batch');
  await page.getByLabel('Month', { exact: true }).fill(lastOctober());
  await expect(page.getByRole('combobox', { name: 'Level' })).toContainText('National');
  await expect(page.getByRole('button', { name: 'Run the batch' })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview' }).click();

  // The preview: MUS-FAM's in-patient index for October and the amounts per facility; nothing saved.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: /^Preview of October/ })).toBeVisible();
  const indexRow = preview.getByRole('table', { name: 'Relative index' }).getByRole('row', { name: /MUS-FAM/ });
  await expect(indexRow).toContainText('In-patient');
  await expect(indexRow).toContainText('Monthly');
  await expect(indexRow.getByRole('cell').last()).toHaveText(/^\d+\.\d{4}$/);
  const amounts = preview.getByRole('table', { name: 'Amounts per health facility' });
  const hospitalRow = amounts.getByRole('row', { name: /Birni N'Konni/ });
  await expect(hospitalRow).toContainText(/\d[\d,]*\.\d{2}/);
  await expect(amounts.getByRole('row', { name: /CSI de Bambeye/ })).toBeVisible();
  const remunerated = (await hospitalRow.getByRole('cell').nth(3).textContent())?.trim() ?? '';
  expect(remunerated).toMatch(/^\d[\d,]*\.\d{2}$/);

  // The run: a background job with its progress bar, then the run's page with the same per-facility totals.
  await page.getByRole('button', { name: 'Run the batch' }).click();
  const progress = page.getByRole('progressbar', { name: 'Batch run in progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText('The batch is done.')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await page.getByRole('link', { name: 'Open the run' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Batch of October \d{4} — National$/);
  await expect(page.getByText('Done', { exact: true })).toBeVisible();
  const bills = page.getByRole('table', { name: 'Provider bills' });
  const billRow = bills.getByRole('row', { name: /Birni N'Konni/ });
  await expect(billRow.getByRole('cell').nth(3)).toHaveText(remunerated);
  await expect(bills.getByRole('row', { name: /CSI de Bambeye/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Relative index' }).getByRole('row', { name: /MUS-FAM/ })).toBeVisible();

  // The hospital's bill and its files.
  await billRow.getByRole('link', { name: /Birni N'Konni/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Provider bill — HF1201 Hôpital de district de Birni N'Konni",
  );
  const claims = page.getByRole('table', { name: 'Claims on the bill' });
  await expect(claims.getByRole('link', { name: /^DEMO-OCT-\d+$/ })).toHaveCount(3);

  const csv = await download(page, 'Download CSV');
  expect(csv.filename).toMatch(/\.csv$/);
  const text = csv.data.toString('utf8');
  expect(text).toContain("Hôpital de district de Birni N'Konni");
  expect(text).toContain(remunerated.replaceAll(',', ''));

  const pdf = await download(page, 'Download PDF');
  expect(pdf.filename).toMatch(/\.pdf$/);
  expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.data.toString('latin1')).toContain('Birni N');

  const xlsx = await download(page, 'Download XLSX');
  expect(xlsx.filename).toMatch(/\.xlsx$/);
  expect(xlsx.data.subarray(0, 2).toString('latin1')).toBe('PK');

  expect(errors).toEqual([]);
});
