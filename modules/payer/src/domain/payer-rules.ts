import { checkEmail, checkText, clean, type FieldProblem } from '@mutua/kernel';
import { PAYER_TYPES, type PayerInput } from './types.js';

export const PAYER_NAME_MAX = 100;

/** Field rules of a payer (DOMAIN.md §8); the location's level and scope need the database and live in the service. */
export function checkPayer(input: PayerInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  const type = clean(input.type);
  if (type === null) p.push({ field: 'type', key: 'payer.error.required', params: { field: 'payer.field.type' } });
  else if (!(PAYER_TYPES as readonly string[]).includes(type)) {
    p.push({ field: 'type', key: 'payer.error.type', params: { value: type, allowed: PAYER_TYPES.join(', ') } });
  }
  checkText('payer', p, 'name', input.name, PAYER_NAME_MAX, true);
  checkText('payer', p, 'address', input.address, 100, false);
  if (clean(input.locationId) === null) {
    p.push({ field: 'locationId', key: 'payer.error.required', params: { field: 'payer.field.location' } });
  }
  checkText('payer', p, 'phone', input.phone, 50, false);
  checkText('payer', p, 'fax', input.fax, 50, false);
  checkEmail('payer', p, 'email', input.email, 50);
  return p;
}

/** Whether a location of this level letter may hold a payer: a region (level 0) or a district (level 1). */
export const isPayerLevel = (type: string, levels: readonly string[]): boolean =>
  type === levels[0] || type === levels[1];
