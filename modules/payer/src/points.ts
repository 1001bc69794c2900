import {
  type Builder,
  type Connection,
  type Ctx,
  defineHook,
  defineServiceRef,
  type MutuaSchemaTypes,
} from '@mutua/kernel';
import type { ObjectRef } from '@pothos/core';
import type { Payer, PayerInput } from './domain/types.js';

export type { Payer, PayerInput, PayerType } from './domain/types.js';
export { PAYER_TYPES } from './domain/types.js';

export interface PayerFilter {
  /** Part of the name, case-insensitive. */
  search?: string | null;
  type?: string | null;
  /** A region or district: payers at it or anywhere under it. */
  locationId?: string | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * The payer service (DOMAIN.md §8). Payers are effective-dated: a change closes the current version and inserts a
 * new one with the same `id`. Reads return only payers in the user's location scope.
 */
export interface PayerService {
  searchPayers(ctx: Ctx, filter: PayerFilter, page: PageArgs): Promise<Connection<Payer>>;
  /** The current version, when visible to the user. */
  getPayer(ctx: Ctx, id: string): Promise<Payer | null>;
  /** The version in force at `at` (a Date or ISO date/time), e.g. for a contribution paid on that day. */
  getPayerAt(ctx: Ctx, id: string, at: Date | string): Promise<Payer | null>;
  /** Every version, oldest first. */
  payerVersions(ctx: Ctx, id: string): Promise<Payer[]>;
  createPayer(ctx: Ctx, input: PayerInput): Promise<Payer>;
  updatePayer(ctx: Ctx, id: string, input: PayerInput): Promise<Payer>;
  deletePayer(ctx: Ctx, id: string): Promise<void>;
}

/**
 * The payer service, for modules that list 'payer' in dependsOn (contributions name their payer).
 * @example
 * const payers = setup.service(payerService);
 */
export const payerService = defineServiceRef<PayerService>('payer');

/**
 * A payer is deleted (its current version closed); `validate` listeners may veto, e.g. while contributions name it.
 * @example
 * hooks.validate(payerDeleted, async ({ payer }, ctx) => (await paidBy(ctx, payer.id) ? [problem] : []));
 */
export const payerDeleted = defineHook<{ payer: Payer }>('payer.payerDeleted');

type Types = PothosSchemaTypes.ExtendDefaultTypes<MutuaSchemaTypes>;
const refs = new WeakMap<Builder, ObjectRef<Types, Payer>>();

/**
 * The GraphQL `Payer` type on this builder, for other modules to add fields to.
 * @example
 * builder.objectField(payerObject(builder), 'premiumCount', (t) => t.int({ resolve: ... }));
 */
export function payerObject(builder: Builder): ObjectRef<Types, Payer> {
  let r = refs.get(builder);
  if (!r) {
    r = builder.objectRef<Payer>('Payer');
    refs.set(builder, r);
  }
  return r;
}
