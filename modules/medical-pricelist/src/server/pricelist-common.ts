import { type Ctx, InputError } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { MedicalApi } from '@mutua/medical';
import { clean } from '../domain/rules.js';
import type { PricelistKind } from '../manifest.js';

export interface Deps {
  location: LocationService;
  medical: MedicalApi;
}

/** Audit entity names of the two kinds. */
export const ENTITY: Record<PricelistKind, string> = { items: 'ItemsPricelist', services: 'ServicesPricelist' };

/** An ISO date or timestamp given as `asOf`; anything else is refused naming the field (never a 500). */
export function checkAsOf(asOf: string | null | undefined): string | null {
  const v = clean(asOf);
  if (v === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(new Date(v).getTime())) {
    throw InputError.fields([{ field: 'asOf', key: 'medical-pricelist.error.asOf' }]);
  }
  return v;
}

export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Register rows (code, name, price) of the kind, valid at `asOf`. */
export async function registerRows(
  deps: Deps,
  kind: PricelistKind,
  ctx: Ctx,
  ids: readonly string[],
  asOf: string | null,
): Promise<Map<string, { code: string; name: string; price: string }>> {
  const rows =
    kind === 'items' ? await deps.medical.getItems(ctx, ids, asOf) : await deps.medical.getServices(ctx, ids, asOf);
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, price: r.price }]));
}
