import { ilike, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { clean } from '../domain/text.js';
import type {
  CareType,
  HealthFacility,
  HealthFacilityInput,
  HfLevel,
  HfStatus,
  HfSubLevel,
  LegalForm,
  Location,
  LocationInput,
} from '../domain/types.js';
import type { healthFacility, location } from './schema.js';

type LocationRow = typeof location.$inferSelect;
type HfRow = typeof healthFacility.$inferSelect;

/** Columns selected for a Location (timestamps stay in the database and the audit log). */
export function toLocation(r: LocationRow): Location {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    parentId: r.parentId,
    malePopulation: r.malePopulation,
    femalePopulation: r.femalePopulation,
    otherPopulation: r.otherPopulation,
    families: r.families,
  };
}

export function toHealthFacility(r: HfRow, catchments: HealthFacility['catchments']): HealthFacility {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    accCode: r.accCode,
    // The table's CHECK constraints hold these to the closed lists.
    legalForm: r.legalForm as LegalForm,
    level: r.level as HfLevel,
    subLevel: r.subLevel as HfSubLevel | null,
    careType: r.careType as CareType,
    locationId: r.locationId,
    address: r.address,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    status: r.status as HfStatus,
    offline: r.offline,
    contractStartDate: r.contractStartDate,
    contractEndDate: r.contractEndDate,
    catchments,
  };
}

/** The stored values of a location input (already validated); `type` is decided by the tree rules. */
export function locationValues(input: LocationInput, type: string, parentId: string | null) {
  return {
    code: clean(input.code)!,
    name: clean(input.name)!,
    type,
    parentId,
    malePopulation: input.malePopulation ?? null,
    femalePopulation: input.femalePopulation ?? null,
    otherPopulation: input.otherPopulation ?? null,
    families: input.families ?? null,
  };
}

/** The stored values of a health-facility input (already validated). */
export function hfValues(input: HealthFacilityInput) {
  return {
    code: clean(input.code)!,
    name: clean(input.name)!,
    accCode: clean(input.accCode),
    legalForm: clean(input.legalForm)!,
    level: clean(input.level)!,
    subLevel: clean(input.subLevel),
    careType: clean(input.careType)!,
    locationId: input.locationId,
    address: clean(input.address),
    phone: clean(input.phone),
    fax: clean(input.fax),
    email: clean(input.email),
    status: clean(input.status) ?? 'AC',
    offline: input.offline ?? false,
    contractStartDate: clean(input.contractStartDate),
    contractEndDate: clean(input.contractEndDate),
  };
}

/** A health facility from its stored values (timestamps stay in the database). */
export const hfRecord = (id: string, values: ReturnType<typeof hfValues>, catchments: HealthFacility['catchments']) =>
  toHealthFacility({ id, ...values, createdAt: new Date(), updatedAt: new Date(), deletedAt: null }, catchments);

/** The columns of a facility's own row (its id goes in the key, its catchments in their table). */
export const hfColumns = ({ id: _id, catchments: _c, ...rest }: HealthFacility) => rest;

/** Escapes LIKE wildcards so a user's `%` or `_` is searched literally. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `code` starts with the text or `name` contains it, case-insensitive (both served by trigram indexes). */
export function textMatch(codeCol: AnyPgColumn, nameCol: AnyPgColumn, text: string): SQL | undefined {
  const t = likeEscape(text);
  return or(ilike(codeCol, `${t}%`), ilike(nameCol, `%${t}%`));
}
