import { type Connection, connectionFields, gql } from '@mutua/web-kernel';

export type Kind = 'items' | 'services';

/** GraphQL names of each kind. */
export const KIND = {
  items: {
    type: 'ItemsPricelist',
    plural: 'itemsPricelists',
    single: 'itemsPricelist',
    register: 'medicalItems',
    path: '/admin/items-pricelists',
    entity: 'ItemsPricelist',
    right: 'medical-pricelist.items',
  },
  services: {
    type: 'ServicesPricelist',
    plural: 'servicesPricelists',
    single: 'servicesPricelist',
    register: 'medicalServices',
    path: '/admin/services-pricelists',
    entity: 'ServicesPricelist',
    right: 'medical-pricelist.services',
  },
} as const;

export interface PricelistRow {
  id: string;
  name: string;
  pricelistDate: string;
  locationId: string | null;
  location: { code: string; name: string } | null;
}
export interface DetailRow {
  id: string;
  medicalId: string;
  code: string | null;
  name: string | null;
  registerPrice: string | null;
  override: string | null;
  price: string | null;
}
export interface PricelistFull extends PricelistRow {
  details: DetailRow[];
  healthFacilities: Array<{ id: string; code: string; name: string }>;
}
export interface HeaderInput {
  name: string;
  pricelistDate: string;
  locationId: string | null;
}

const LIST = 'id name pricelistDate locationId location { code name }';
const FULL = `${LIST} details { id medicalId code name registerPrice override price } healthFacilities { id code name }`;

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

export const searchPricelists = (kind: Kind, search: string, after: string | null) =>
  gql<Record<string, Connection<PricelistRow>>>(
    `query Search($search: String, $after: String) { ${KIND[kind].plural}(search: $search, first: 50, after: $after) {
      ${connectionFields(LIST)} } }`,
    { search: search || null, after },
  ).then((d) => d[KIND[kind].plural]!);

export const getPricelist = (kind: Kind, id: string) =>
  gql<Record<string, PricelistFull | null>>(`query Get($id: ID!) { ${KIND[kind].single}(id: $id) { ${FULL} } }`, {
    id,
  }).then((d) => d[KIND[kind].single] ?? null);

export const createPricelist = (kind: Kind, input: HeaderInput) =>
  mutate<PricelistRow>(`create${KIND[kind].type}`, input, 'pricelist', LIST);
export const updatePricelist = (kind: Kind, id: string, input: HeaderInput) =>
  mutate<PricelistRow>(`update${KIND[kind].type}`, { id, ...input }, 'pricelist', LIST);
export const duplicatePricelist = (kind: Kind, id: string, input: HeaderInput) =>
  mutate<PricelistRow>(`duplicate${KIND[kind].type}`, { id, ...input }, 'pricelist', LIST);
export const deletePricelist = (kind: Kind, id: string) =>
  mutate<string>(`delete${KIND[kind].type}`, { id }, 'deletedId');
export const setDetails = (
  kind: Kind,
  id: string,
  changes: {
    add?: Array<{ id: string; price?: string | null }>;
    remove?: string[];
    prices?: Array<{ id: string; price: string | null }>;
  },
) => mutate<PricelistRow>(`set${KIND[kind].type}Details`, { id, ...changes }, 'pricelist', 'id');

export const assignToFacility = (hfId: string, itemsPricelistId: string | null, servicesPricelistId: string | null) =>
  mutate<{ hfId: string }>(
    'assignPricelistsToFacility',
    { hfId, itemsPricelistId, servicesPricelistId },
    'assignment',
    'hfId',
  );

/** Register entries whose code starts with or name contains `search`. */
export const searchRegister = (kind: Kind, search: string) =>
  gql<Record<string, Connection<{ id: string; code: string; name: string; price: string }>>>(
    `query Reg($search: String) { ${KIND[kind].register}(search: $search, first: 10) { ${connectionFields('id code name price')} } }`,
    { search },
  ).then((d) => d[KIND[kind].register]!.edges.map((e) => e.node));

/** Regions and districts (a list's location). */
export const listLocations = async () => {
  const q = (type: string) =>
    gql<{ locations: Connection<{ id: string; code: string; name: string }> }>(
      `query L($type: String) { locations(type: $type, first: 500) { ${connectionFields('id code name')} } }`,
      { type },
    ).then((d) => d.locations.edges.map((e) => e.node));
  return [...(await q('R')), ...(await q('D'))];
};

/** Facilities with their current lists (assignment editor). */
export const searchFacilities = (search: string) =>
  gql<{
    healthFacilities: Connection<{
      id: string;
      code: string;
      name: string;
      itemsPricelist: { id: string } | null;
      servicesPricelist: { id: string } | null;
    }>;
  }>(
    `query F($search: String) { healthFacilities(search: $search, first: 20) {
      ${connectionFields('id code name itemsPricelist { id } servicesPricelist { id }')} } }`,
    { search: search || null },
  ).then((d) => d.healthFacilities.edges.map((e) => e.node));
