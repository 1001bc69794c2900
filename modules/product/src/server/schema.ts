import { versionColumns } from '@mutua/kernel';
import {
  char,
  date,
  integer,
  jsonb,
  numeric,
  type PgColumnBuilderBase,
  pgTable,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { columnName, PRODUCT_FIELDS } from '../domain/fields.js';
import type { RelativeDistribution } from '../domain/types.js';

function column(name: string, kind: string, max?: number): PgColumnBuilderBase {
  const col = columnName(name);
  switch (kind) {
    case 'money':
      return numeric(col, { precision: 18, scale: 2 });
    case 'percent':
      return numeric(col, { precision: 5, scale: 2 });
    case 'int':
      return integer(col);
    case 'date':
      return date(col, { mode: 'string' });
    case 'uuid':
      return uuid(col);
    case 'enum':
      return char(col, { length: 1 });
    case 'cycle':
      return char(col, { length: 5 });
    default:
      return varchar(col, { length: max ?? 255 });
  }
}

/** Every scalar field of DOMAIN.md §7.1, one column each (migrations/0001_product.sql, same names). */
const productFieldColumns = Object.fromEntries(
  PRODUCT_FIELDS.filter((f) => !['code', 'name', 'locationId', 'conversionProductId'].includes(f.name)).map((f) => [
    f.name,
    column(f.name, f.kind, f.max),
  ]),
);

/** Product versions (effective-dated: a change closes the row and opens a new one with the same `id`). */
export const product = pgTable('product', {
  ...versionColumns(),
  code: varchar('code', { length: 8 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  locationId: uuid('location_id'),
  conversionProductId: uuid('conversion_product_id'),
  ...(productFieldColumns as Record<string, ReturnType<typeof varchar>>),
  relativeDistribution: jsonb('relative_distribution').$type<RelativeDistribution[]>().notNull(),
  periodRelPrices: char('period_rel_prices', { length: 1 }),
  periodRelPricesIp: char('period_rel_prices_ip', { length: 1 }),
  periodRelPricesOp: char('period_rel_prices_op', { length: 1 }),
});

const lineColumns = () => ({
  ...versionColumns(),
  productId: uuid('product_id').notNull(),
  priceOrigin: char('price_origin', { length: 1 }).notNull(),
  limitationType: char('limitation_type', { length: 1 }).notNull(),
  limitationTypeE: char('limitation_type_e', { length: 1 }).notNull(),
  limitationTypeR: char('limitation_type_r', { length: 1 }).notNull(),
  limitAdult: numeric('limit_adult', { precision: 18, scale: 2 }).notNull(),
  limitChild: numeric('limit_child', { precision: 18, scale: 2 }).notNull(),
  limitAdultE: numeric('limit_adult_e', { precision: 18, scale: 2 }).notNull(),
  limitChildE: numeric('limit_child_e', { precision: 18, scale: 2 }).notNull(),
  limitAdultR: numeric('limit_adult_r', { precision: 18, scale: 2 }).notNull(),
  limitChildR: numeric('limit_child_r', { precision: 18, scale: 2 }).notNull(),
  waitingPeriodAdult: integer('waiting_period_adult'),
  waitingPeriodChild: integer('waiting_period_child'),
  limitNoAdult: integer('limit_no_adult'),
  limitNoChild: integer('limit_no_child'),
  ceilingExclusionAdult: char('ceiling_exclusion_adult', { length: 1 }),
  ceilingExclusionChild: char('ceiling_exclusion_child', { length: 1 }),
});

/** Items a product covers (DOMAIN.md §7.2), one versioned row per line. */
export const productItem = pgTable('product_item', { ...lineColumns(), medicalId: uuid('item_id').notNull() });
/** Services a product covers (DOMAIN.md §7.2). */
export const productServiceLine = pgTable('product_service', {
  ...lineColumns(),
  medicalId: uuid('service_id').notNull(),
});
