import { type Connection, connectionFields, gql } from '@mutua/web-kernel';
import { PRODUCT_FIELDS } from '../domain/fields';

/** A product line as the editor shows it: the terms plus the item's or service's code and name. */
export interface LineRow {
  id: string;
  medicalId: string;
  code: string | null;
  name: string | null;
  [term: string]: string | number | null;
}

export interface DistributionRow {
  careType: string;
  periods: string[];
}

/** A product as the API sends it: every field of DOMAIN.md §7.1 by name. */
export type ProductRow = Record<string, string | number | null> & {
  id: string;
  code: string;
  name: string;
  relativeDistribution: DistributionRow[];
  items?: LineRow[];
  services?: LineRow[];
};

export interface ProductListRow {
  id: string;
  code: string;
  name: string;
  dateFrom: string;
  dateTo: string;
  location: { code: string; name: string } | null;
}

export const LINE_TERMS = [
  'priceOrigin',
  'limitationType',
  'limitAdult',
  'limitChild',
  'limitationTypeE',
  'limitAdultE',
  'limitChildE',
  'limitationTypeR',
  'limitAdultR',
  'limitChildR',
  'waitingPeriodAdult',
  'waitingPeriodChild',
  'limitNoAdult',
  'limitNoChild',
  'ceilingExclusionAdult',
  'ceilingExclusionChild',
] as const;
export const INT_TERMS = new Set(['waitingPeriodAdult', 'waitingPeriodChild', 'limitNoAdult', 'limitNoChild']);

const LINE = `id medicalId code name ${LINE_TERMS.join(' ')}`;
const PRODUCT = `id ${PRODUCT_FIELDS.map((f) => f.name).join(' ')} relativeDistribution { careType periods }
  items { ${LINE} } services { ${LINE} }`;

function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function mutate<T>(name: string, input: object, key: string, fields?: string): Promise<T> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, Record<string, T>>>(
    `mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { ${key}${fields ? ` { ${fields} }` : ''} } }`,
    { input: { ...input, clientMutationId: mutationId() } },
  ).then((d) => d[name]![key]!);
}

export const searchProducts = (search: string, after: string | null) =>
  gql<{ products: Connection<ProductListRow> }>(
    `query Products($search: String, $after: String) {
      products(search: $search, first: 50, after: $after) {
        ${connectionFields('id code name dateFrom dateTo location { code name }')}
      }
    }`,
    { search: search || null, after },
  ).then((d) => d.products);

export const getProduct = (id: string) =>
  gql<{ product: ProductRow | null }>(`query Product($id: ID!) { product(id: $id) { ${PRODUCT} } }`, { id }).then(
    (d) => d.product,
  );

const PRODUCT_AS_OF = `id ${PRODUCT_FIELDS.map((f) => f.name).join(' ')} relativeDistribution { careType periods }
  items(asOf: $asOf) { ${LINE} } services(asOf: $asOf) { ${LINE} }`;

/** The product and its lines as they were at `asOf` (ISO timestamp); null if it did not exist then. */
export const getProductAsOf = (id: string, asOf: string) =>
  gql<{ product: ProductRow | null }>(
    `query ProductAsOf($id: ID!, $asOf: String) { product(id: $id, asOf: $asOf) { ${PRODUCT_AS_OF} } }`,
    { id, asOf },
  ).then((d) => d.product);

export const createProduct = (input: object) => mutate<ProductRow>('createProduct', input, 'product', PRODUCT);
export const updateProduct = (id: string, input: object) =>
  mutate<ProductRow>('updateProduct', { ...input, id }, 'product', PRODUCT);
export const deleteProduct = (id: string) => mutate<string>('deleteProduct', { id }, 'deletedId');
export const duplicateProduct = (id: string, code: string, name: string) =>
  mutate<ProductRow>('duplicateProduct', { id, code, name }, 'product', 'id');
export const setProductLines = (input: object) => mutate<ProductRow>('setProductLines', input, 'product', PRODUCT);

/** The current item or service with this exact code, or null. */
export async function findMedical(kind: 'item' | 'service', code: string) {
  const field = kind === 'item' ? 'medicalItems' : 'medicalServices';
  const d = await gql<Record<string, Connection<{ id: string; code: string; name: string }>>>(
    `query FindMedical($code: String) { ${field}(code: $code, first: 10) { ${connectionFields('id code name')} } }`,
    { code },
  );
  return d[field]!.edges.map((e) => e.node).find((n) => n.code.toLowerCase() === code.trim().toLowerCase()) ?? null;
}

/** Regions and districts (for the product's location) and products (for the conversion product). */
export const listOptions = () =>
  gql<{
    regions: Connection<{ id: string; code: string; name: string }>;
    districts: Connection<{ id: string; code: string; name: string }>;
    products: Connection<{ id: string; code: string; name: string }>;
  }>(
    `query ProductOptions {
      regions: locations(type: "R", first: 500) { ${connectionFields('id code name')} }
      districts: locations(type: "D", first: 500) { ${connectionFields('id code name')} }
      products(first: 500) { ${connectionFields('id code name')} }
    }`,
  );

export interface LimitDefaults {
  priceOrigin: string;
  limitationType: string;
  waitingPeriodAdult: number | null;
  waitingPeriodChild: number | null;
}

/** What a new line starts with (module config). */
export const getLimitDefaults = () =>
  gql<{ productLimitDefaults: LimitDefaults }>(
    '{ productLimitDefaults { priceOrigin limitationType waitingPeriodAdult waitingPeriodChild } }',
  ).then((d) => d.productLimitDefaults);
