import { isIsoDate } from './dates.js';
import { fromCents, MAX_CENTS, toCents } from './money.js';
import { type ContributionInput, type ContributionValues, PAY_TYPES, type PayType, type Problem } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trimmed text, or null when empty. */
export function clean(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

export const RECEIPT_MAX = 50;

/** A problem whose message can name the field in the user's language (`label` is an i18n key). */
export const problem = (field: string, key: string, params: Record<string, unknown> = {}): Problem => ({
  field,
  key,
  params: { label: `contribution.field.${field}`, ...params },
});

/**
 * Field rules of a contribution (DOMAIN.md §11): amount > 0 with at most two decimals, receipt required (≤ 50),
 * pay date a real date not after `today`, pay type one of C, B, M, F, payer a well-formed id when given. Returns the
 * normalised values, or the problems naming each field (the receipt's uniqueness and the payer's existence need
 * the database and are checked by the service).
 */
export function checkContribution(
  input: ContributionInput,
  today: string,
): { values: ContributionValues | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const amountText = clean(input.amount);
  const cents = toCents(amountText);
  if (amountText === null) problems.push(problem('amount', 'contribution.error.required'));
  else if (cents === null) problems.push(problem('amount', 'contribution.error.amount'));
  else if (cents <= 0n) problems.push(problem('amount', 'contribution.error.amountPositive'));
  else if (cents > MAX_CENTS) problems.push(problem('amount', 'contribution.error.amount'));

  const receipt = clean(input.receipt);
  if (receipt === null) problems.push(problem('receipt', 'contribution.error.required'));
  else if (receipt.length > RECEIPT_MAX)
    problems.push(problem('receipt', 'contribution.error.tooLong', { max: RECEIPT_MAX }));

  const payDate = clean(input.payDate);
  if (payDate === null) problems.push(problem('payDate', 'contribution.error.required'));
  else if (!isIsoDate(payDate)) problems.push(problem('payDate', 'contribution.error.date'));
  else if (payDate > today) problems.push(problem('payDate', 'contribution.error.payDateFuture', { today }));

  const payType = clean(input.payType)?.toUpperCase() ?? null;
  if (payType === null) problems.push(problem('payType', 'contribution.error.required'));
  else if (!(PAY_TYPES as readonly string[]).includes(payType))
    problems.push(problem('payType', 'contribution.error.payType', { allowed: PAY_TYPES.join(', ') }));

  const payerId = clean(input.payerId);
  if (payerId !== null && !UUID.test(payerId)) problems.push(problem('payerId', 'contribution.error.payer'));

  const source = clean(input.source);
  if (source !== null && source.length > 50)
    problems.push(problem('source', 'contribution.error.tooLong', { max: 50 }));

  if (problems.length) return { values: null, problems };
  return {
    values: {
      payerId,
      amount: fromCents(cents!),
      receipt: receipt!,
      payDate: payDate!,
      payType: payType as PayType,
      isPhotoFee: input.isPhotoFee === true,
      isOffline: input.isOffline === true,
      source,
    },
    problems,
  };
}

/** Receipts compare trimmed and case-insensitively: "rc-01" and "RC-01" are the same paper receipt. */
export const receiptKey = (receipt: string): string => receipt.trim().toLowerCase();
