import { type Connection, connectionFields, gql } from '@mutua/web-kernel';

/** A payer as the page shows it: with its region or district named. */
export interface PayerRow {
  id: string;
  type: string;
  name: string;
  address: string | null;
  locationId: string;
  location: { id: string; code: string; name: string } | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  validFrom: string;
}

export interface PayerFormInput {
  type: string;
  name: string;
  address: string | null;
  locationId: string;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

export interface PayerFilters {
  search: string;
  type: string;
  locationId: string;
}

const PAYER = 'id type name address locationId location { id code name } phone fax email validFrom';

/** A fresh clientMutationId (crypto.randomUUID exists only in secure contexts; Mutua often runs over plain HTTP). */
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

export const searchPayers = (f: PayerFilters, after: string | null) =>
  gql<{ payers: Connection<PayerRow> }>(
    `query Payers($search: String, $type: String, $locationId: ID, $after: String) {
      payers(search: $search, type: $type, locationId: $locationId, first: 50, after: $after) { ${connectionFields(PAYER)} }
    }`,
    { search: f.search || null, type: f.type || null, locationId: f.locationId || null, after },
  ).then((d) => d.payers);

export const createPayer = (input: PayerFormInput) => mutate<PayerRow>('createPayer', input, 'payer', PAYER);
export const updatePayer = (id: string, input: PayerFormInput) =>
  mutate<PayerRow>('updatePayer', { ...input, id }, 'payer', PAYER);
export const deletePayer = (id: string) => mutate<string>('deletePayer', { id }, 'deletedId');

/** Every location of a level the user may see, for pickers. */
export const listLevel = (type: string) =>
  gql<{ locations: Connection<{ id: string; code: string; name: string }> }>(
    'query Level($type: String) { locations(type: $type, first: 500) { edges { node { id code name } } } }',
    { type },
  ).then((d) => d.locations.edges.map((e) => e.node));
