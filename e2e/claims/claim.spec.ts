import { expect, type Page, test } from '@playwright/test';
import { consoleErrors, login } from '../support/session';

/** The insurance number of a demo claim's patient (a covered adult man), read through the API as the signed-in user. */
async function demoPatient(page: Page): Promise<string> {
  const res = await page.request.post('/api/graphql', {
    data: {
      query: '{ claims(filter: { code: "DEMO-001" }, first: 1) { edges { node { insuree { chfId } } } } }',
    },
  });
  const body = (await res.json()) as { data: { claims: { edges: Array<{ node: { insuree: { chfId: string } } }> } } };
  return body.data.claims.edges[0]!.node.insuree.chfId;
}

/** Picks the first option of a search-as-you-type field after typing `text`. */
async function pick(page: Page, label: string, text: string, option: RegExp) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

test('a clerk enters a claim with two items and a service, submits, sees one line rejected with its reason; a medical officer reviews and adjusts a line; the claim is processed and shows its valuated amount', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = consoleErrors(page);
  const code = `E2E${Date.now().toString(36).slice(-7).toUpperCase()}`;

  // The facility's claim clerk (claim administrator) enters the claim.
  await login(page, 'claimadmin', 'demo123');
  const chfId = await demoPatient(page);
  await page.goto('/claims/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New claim');
  // A claim administrator works at one facility: the form sets it and does not let it change.
  const facility = page.getByRole('combobox', { name: 'Health facility', exact: true });
  await expect(facility).toHaveText(/^HF1101 /);
  await expect(facility).toHaveAttribute('aria-disabled', 'true');
  await page.getByLabel('Claim code', { exact: true }).fill(code);
  await page.getByLabel('Insurance number', { exact: true }).fill(chfId);
  await expect(page.getByRole('region', { name: 'Insuree' })).toContainText(chfId);
  const yesterday = await page.evaluate(() => {
    const d = new Date(Date.now() - 86_400_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  await page.getByLabel('Visit from', { exact: true }).fill(yesterday);
  await pick(page, 'Main diagnosis', 'A0', /^A0/);

  const items = page.getByRole('region', { name: 'Items' });
  await items.getByRole('button', { name: 'Add an item' }).click();
  await pick(page, 'Item 1', 'D001', /^D001 /);
  await expect(items.getByLabel('Price asked, line 1', { exact: true })).not.toHaveValue('');
  await items.getByLabel('Quantity, line 1', { exact: true }).fill('3');
  await items.getByRole('button', { name: 'Add an item' }).click();
  await pick(page, 'Item 2', 'D002', /^D002 /);
  const services = page.getByRole('region', { name: 'Services' });
  await services.getByRole('button', { name: 'Add a service' }).click();
  // A delivery, for a man: the check rejects this line (not allowed for the patient's sex).
  await pick(page, 'Service 1', 'Accouchement eutocique simple', /Accouchement eutocique simple$/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Claim ${code}`);
  await expect(page.getByTestId('claim-status')).toContainText('Status: Entered');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByTestId('claim-status')).toContainText('Status: Checked');
  const serviceRow = page.getByRole('region', { name: 'Services' }).getByRole('row', { name: /Accouchement/ });
  await expect(serviceRow).toContainText('Rejected');
  await expect(serviceRow).toContainText("Not allowed for the patient's sex or age group");
  await expect(page.getByRole('region', { name: 'Items' }).getByRole('row', { name: /D001/ })).toContainText(
    'Accepted',
  );
  const claimUrl = page.url();

  // The medical officer selects it for review, approves one unit less of the first item, delivers and processes.
  await page.context().clearCookies();
  await login(page, 'medofficer', 'demo123');
  await page.goto('/claims');
  await page.getByLabel('Claim code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('checkbox', { name: `Select claim ${code}` }).check();
  await page.getByRole('button', { name: 'Review selection…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Select for review' });
  await dialog.getByRole('button', { name: 'Select', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('1 selected, 0 not selected.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto(claimUrl);
  await expect(page.getByTestId('claim-status')).toContainText('Review status: Selected');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review of claim ${code}`);
  const first = page.getByRole('region', { name: /^D001 / });
  await first.getByLabel(/^Quantity approved for D001/).fill('2');
  await first.getByLabel(/^Justification for D001/).fill('Two days of treatment are enough');
  await page.getByRole('button', { name: 'Save and deliver the review' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Claim ${code}`);
  await expect(page.getByTestId('claim-status')).toContainText('Review status: Delivered');
  const d001 = page.getByRole('region', { name: 'Items' }).getByRole('row', { name: /D001/ });
  await expect(d001).toContainText('Two days of treatment are enough');
  await page.getByRole('button', { name: 'Process', exact: true }).click();
  await expect(page.getByTestId('claim-status')).toContainText('Status: Valuated');
  await expect(page.getByTestId('amount-valuated')).toHaveText(/^\d[\d,]*\.\d\d$/);
  const approved = await page.getByTestId('amount-approved').textContent();
  const claimed = await page.getByTestId('amount-claimed').textContent();
  expect(approved).not.toBe(claimed);
  expect(errors).toEqual([]);
});
