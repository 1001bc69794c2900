import { expect, type Page, test } from '@playwright/test';
import { login } from '../support/session';

/** Code and district of each row of the health-facility results table. */
async function rows(page: Page): Promise<Array<{ code: string; text: string }>> {
  await expect(page.getByText(/\d+ results/)).toBeVisible();
  const texts = await page.getByRole('row').allInnerTexts();
  return texts
    .map((text) => ({ code: text.split(/\s/)[0] ?? '', text }))
    .filter((r) => /^[A-Z0-9]+$/.test(r.code) && r.code !== 'Code');
}

// Other journeys may add facilities (in R1D2), so these check membership, not totals.
test('a district-limited user sees only the health facilities of their district', async ({ page }) => {
  await login(page, 'schemeadmin.d2', 'demo123');
  await page.goto('/admin/health-facilities');
  const found = await rows(page);
  const codes = found.map((r) => r.code);
  expect(codes).toEqual(expect.arrayContaining(['HF1201', 'HF1202']));
  for (const other of ['HF1101', 'HF1102', 'HF2101', 'HF2201']) expect(codes).not.toContain(other);
  for (const r of found) expect(r.text).toContain("Birni N'Konni");
  // The district filter offers only their district.
  await page.getByRole('combobox', { name: 'District', exact: true }).click();
  await expect(page.getByRole('option', { name: /Birni N'Konni/ })).toHaveCount(1);
  await expect(page.getByRole('option', { name: /Dosso|Gaya|Tahoua/ })).toHaveCount(0);
});

test('a national user sees the health facilities of every district', async ({ page }) => {
  await login(page, 'schemeadmin', 'demo123');
  await page.goto('/admin/health-facilities');
  const codes = (await rows(page)).map((r) => r.code);
  expect(codes).toEqual(expect.arrayContaining(['HF1101', 'HF1102', 'HF1201', 'HF1202', 'HF2101', 'HF2201']));
});
