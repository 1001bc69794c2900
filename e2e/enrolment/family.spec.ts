import { expect, type Locator, type Page, test } from '@playwright/test';
import { choose, consoleErrors, login, openMenu } from '../support/session';
import { smallPng } from './png';

/** A whole option text ("Male" must not pick "Female"). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);

/** Fills the insuree fields of a form (the family form's head, or the member dialog). */
async function fillInsuree(
  scope: Page | Locator,
  page: Page,
  p: { last: string; other: string; dob: string; gender: string; relationship?: string },
) {
  await scope.getByLabel('Last name', { exact: true }).fill(p.last);
  await scope.getByLabel('Other names', { exact: true }).fill(p.other);
  await scope.getByLabel('Birth date', { exact: true }).fill(p.dob);
  await choose(page, 'Gender', exactly(p.gender));
  if (p.relationship) await choose(page, 'Relationship to the head', exactly(p.relationship));
}

/** Saves an enrolment form, confirming "different people" if the duplicate check finds look-alikes. */
async function saveEnrolment(page: Page, save: Locator, done: () => Promise<unknown>) {
  await save.click();
  const different = page.getByRole('button', { name: 'These are different people: save' });
  await Promise.race([done(), different.waitFor({ state: 'visible' }).then(() => different.click())]);
  await done();
}

test('enrol a family of four with a photo, create its policy, pay in two installments, see it active, find the child by number at the enquiry page', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors = consoleErrors(page);
  const family = `Kountché${String(Date.now()).slice(-5)}`;
  const photo = testInfo.outputPath('head.png');
  await (await import('node:fs/promises')).writeFile(photo, smallPng());

  // An enrolment officer of district R1D1 enrols the family and its head, with a photo.
  await login(page, 'eo', 'demo123');
  await openMenu(page, 'Insurees and Policies', 'Add family/group');
  await expect(page).toHaveURL(/\/families\/new$/);
  const village = page.getByLabel('Village', { exact: true });
  await village.fill('Affala');
  await page.getByRole('option', { name: 'R1D1M1V1 — Affala' }).click();
  await fillInsuree(page, page, { last: family, other: 'Adamou', dob: '1979-02-14', gender: 'Male' });
  await page.getByLabel('Choose a file').setInputFiles(photo);
  await expect(page.getByRole('img', { name: 'Photo' })).toBeVisible();
  await saveEnrolment(page, page.getByRole('button', { name: 'Save' }), () =>
    expect(page).toHaveURL(/\/families\/[0-9a-f-]{36}$/, { timeout: 30_000 }),
  );
  const familyUrl = page.url();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row', { name: /Adamou/ })).toBeVisible();
  // The head's photo was stored: his page shows it.
  await members
    .getByRole('row', { name: /Adamou/ })
    .getByRole('link')
    .first()
    .click();
  const stored = page.getByRole('img', { name: 'Photo' });
  await expect(stored).toBeVisible();
  await expect.poll(() => stored.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  await page.goto(familyUrl);

  // Three more members: the spouse and two children.
  const others = [
    { other: 'Mariama', dob: '1984-09-01', gender: 'Female', relationship: 'Spouse' },
    { other: 'Issa', dob: '2012-03-20', gender: 'Male', relationship: 'Son/Daughter' },
    { other: 'Zeinabou', dob: '2016-11-05', gender: 'Female', relationship: 'Son/Daughter' },
  ];
  for (const m of others) {
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog');
    await fillInsuree(dialog, page, { last: family, ...m });
    await saveEnrolment(page, dialog.getByRole('button', { name: 'Save' }), () =>
      expect(members.getByRole('row', { name: new RegExp(m.other) })).toBeVisible({ timeout: 30_000 }),
    );
  }
  await expect(members.getByRole('row')).toHaveCount(5); // header + four members
  const childNumber =
    (
      await members
        .getByRole('row', { name: /Zeinabou/ })
        .getByRole('link')
        .first()
        .textContent()
    )?.trim() ?? '';
  expect(childNumber).toMatch(/^\d+$/);

  // The family's policy: fee-for-service product, enrolled today, value computed before saving.
  await page.getByRole('link', { name: 'New policy' }).click();
  await expect(page).toHaveURL(/\/policies\/new$/);
  await choose(page, 'Product', /MUS-FFS/);
  const shown = (await page.getByTestId('value').textContent({ timeout: 30_000 }))?.trim() ?? '';
  expect(shown).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/); // money as English writes it
  const value = shown.replace(/,/g, '');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page).toHaveURL(/\/policies\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByText('Idle', { exact: true }).first()).toBeVisible();

  // First installment: 10 000. The form says what remains and that the policy stays waiting.
  const panel = page.getByRole('region', { name: 'Contributions' });
  await expect(panel.getByTestId('payment-value')).toContainText(
    Number(value).toLocaleString('en-GB', { minimumFractionDigits: 2 }),
  );
  await panel.getByRole('button', { name: 'Add contribution' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add contribution' });
  await dialog.getByLabel('Receipt number').fill(`${family}-1`);
  await dialog.getByLabel('Amount').fill('10000');
  const preview = dialog.getByTestId('contribution-preview');
  const due = (Number(value) - 10000).toLocaleString('en-GB', { minimumFractionDigits: 2 });
  await expect(preview).toContainText(`Remaining after this payment: ${due}`);
  await expect(preview).toContainText('The policy stays waiting for payment until the value is reached.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Contribution saved.')).toBeVisible();
  await expect(panel.getByTestId('payment-due')).toContainText(due);
  await expect(page.getByText('Idle', { exact: true }).first()).toBeVisible();

  // The same receipt again is refused, naming the receipt.
  await panel.getByRole('button', { name: 'Add contribution' }).click();
  dialog = page.getByRole('dialog', { name: 'Add contribution' });
  await dialog.getByLabel('Receipt number').fill(`${family}-1`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    dialog.getByText(`The receipt number ${family}-1 is already used for this product`).first(),
  ).toBeVisible();

  // Second installment: the remaining amount is proposed; the form announces the activation before saving.
  await dialog.getByLabel('Receipt number').fill(`${family}-2`);
  await dialog.getByLabel('Payment type').click();
  await page.getByRole('option', { name: 'Mobile money' }).click();
  await expect(dialog.getByLabel('Amount')).toHaveValue((Number(value) - 10000).toFixed(2));
  await expect(dialog.getByTestId('contribution-preview')).toContainText('Remaining after this payment: 0.00');
  await expect(dialog.getByTestId('contribution-preview')).toContainText(
    'This payment completes the value: the policy becomes active on',
  );
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Contribution saved: the policy is now active from \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
  await expect(panel.getByTestId('payment-due')).toContainText('0.00');
  // Every member is covered from the effective date.
  const covered = page.getByRole('region', { name: 'Members covered' });
  await expect(covered).not.toContainText('not covered yet');

  // The family page sums what the family paid.
  await page.goto(familyUrl);
  await expect(page.getByTestId('family-contributions-total')).toContainText(
    Number(value).toLocaleString('en-GB', { minimumFractionDigits: 2 }),
  );

  // At the enquiry page, the child's number finds her, covered by the active policy.
  await openMenu(page, 'Insurees and Policies', 'Enquiry');
  await page.getByLabel('Insurance number').fill(childNumber);
  await page.getByRole('button', { name: 'Check' }).click();
  const card = page.getByLabel(`${family} Zeinabou`);
  await expect(card).toContainText(childNumber);
  await expect(card).toContainText('MUS-FFS');
  await expect(card.getByText('Active', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
