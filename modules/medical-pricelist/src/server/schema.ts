import { versionColumns } from '@mutua/kernel';
import { date, numeric, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Tables owned by the price-list module; migrations/0001_medical-pricelist.sql creates them. Headers and details are
 * effective-dated (kernel `versionColumns`). Both kinds have the same TypeScript shape (the detail's register id is
 * `medicalId`, column `item_id` or `service_id`), so one implementation serves both.
 */
const header = (name: string) =>
  pgTable(name, {
    ...versionColumns(),
    name: varchar('name', { length: 100 }).notNull(),
    pricelistDate: date('pricelist_date', { mode: 'string' }).notNull(),
    locationId: uuid('location_id'),
  });
const detail = (name: string, column: string) =>
  pgTable(name, {
    ...versionColumns(),
    pricelistId: uuid('pricelist_id').notNull(),
    medicalId: uuid(column).notNull(),
    priceOverride: numeric('price_override', { precision: 18, scale: 2 }),
  });

export const itemsPricelist = header('items_pricelist');
export const itemsPricelistDetail = detail('items_pricelist_detail', 'item_id');
export const servicesPricelist = header('services_pricelist');
export const servicesPricelistDetail = detail('services_pricelist_detail', 'service_id');

export type HeaderTable = typeof itemsPricelist;
export type DetailTable = typeof itemsPricelistDetail;

export const TABLES: Record<'items' | 'services', { header: HeaderTable; detail: DetailTable }> = {
  items: { header: itemsPricelist, detail: itemsPricelistDetail },
  services: { header: servicesPricelist, detail: servicesPricelistDetail },
};

/** Which lists a health facility uses (keyed by the location module's facility id). */
export const hfPricelist = pgTable('hf_pricelist', {
  hfId: uuid('hf_id').primaryKey(),
  itemsPricelistId: uuid('items_pricelist_id'),
  servicesPricelistId: uuid('services_pricelist_id'),
});
