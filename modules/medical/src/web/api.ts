import { type Connection, connectionFields, gql } from '@mutua/web-kernel';
import type { Diagnosis, MedicalItem, MedicalServiceRow } from '../domain/types';

export type { Diagnosis, MedicalItem, MedicalServiceRow } from '../domain/types';

export type RegisterKind = 'items' | 'services';
export type RegisterRow = MedicalItem | MedicalServiceRow;

const ITEM =
  'id code name type package price quantity maximumQuantity careType frequency patientCategory validFrom validTo';
const SERVICE =
  'id code name type category level price maximumQuantity careType frequency patientCategory packageType manualPrice validFrom validTo';
const DIAGNOSIS = 'id code name nameFr validFrom validTo';

/** How the API names each register. */
export const REGISTERS = {
  items: { list: 'medicalItems', one: 'medicalItem', op: 'MedicalItem', fields: ITEM },
  services: { list: 'medicalServices', one: 'medicalService', op: 'MedicalService', fields: SERVICE },
} as const;

/** A fresh clientMutationId, so a retried request never applies twice (randomUUID needs a secure context). */
function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const FILTER_ARGS: Record<RegisterKind, string[]> = {
  items: ['search', 'code', 'type', 'careType', 'asOf'],
  services: ['search', 'code', 'type', 'careType', 'category', 'level', 'asOf'],
};

/** One page of a register, filtered; blank filters are left out. */
export function searchRegister(
  kind: RegisterKind,
  filters: Record<string, string>,
  after: string | null,
): Promise<Connection<RegisterRow>> {
  const r = REGISTERS[kind];
  const args = FILTER_ARGS[kind];
  return gql<Record<string, Connection<RegisterRow>>>(
    `query Search${r.op}s(${args.map((a) => `$${a}: String`).join(', ')}, $after: String) {
      ${r.list}(${args.map((a) => `${a}: $${a}`).join(', ')}, first: 50, after: $after) { ${connectionFields(r.fields)} }
    }`,
    { ...Object.fromEntries(args.map((a) => [a, filters[a] || null])), after },
  ).then((d) => d[r.list]!);
}

export const getRegisterRow = (kind: RegisterKind, id: string) => {
  const r = REGISTERS[kind];
  return gql<Record<string, RegisterRow | null>>(`query Get${r.op}($id: ID!) { ${r.one}(id: $id) { ${r.fields} } }`, {
    id,
  }).then((d) => d[r.one] ?? null);
};

function mutate<T>(name: string, input: object, key: string, fields?: string): Promise<T> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, Record<string, T>>>(
    `mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { ${key}${fields ? ` { ${fields} }` : ''} } }`,
    { input: { ...input, clientMutationId: mutationId() } },
  ).then((d) => d[name]![key]!);
}

export const saveRegisterRow = (kind: RegisterKind, id: string | null, input: Record<string, unknown>) => {
  const r = REGISTERS[kind];
  const key = r.one;
  return id
    ? mutate<RegisterRow>(`update${r.op}`, { ...input, id }, key, r.fields)
    : mutate<RegisterRow>(`create${r.op}`, input, key, r.fields);
};

export const deleteRegisterRow = (kind: RegisterKind, id: string) =>
  mutate<string>(`delete${REGISTERS[kind].op}`, { id }, 'deletedId');

export const searchDiagnoses = (search: string, asOf: string, after: string | null) =>
  gql<{ diagnoses: Connection<Diagnosis> }>(
    `query Diagnoses($search: String, $asOf: String, $after: String) {
      diagnoses(search: $search, asOf: $asOf, first: 50, after: $after) { ${connectionFields(DIAGNOSIS)} }
    }`,
    { search: search || null, asOf: asOf || null, after },
  ).then((d) => d.diagnoses);

/** Creates or updates a diagnosis (code, English and French names). */
export const saveDiagnosis = (id: string | null, input: { code: string; name: string; nameFr: string | null }) =>
  id
    ? mutate<Diagnosis>('updateDiagnosis', { ...input, id }, 'diagnosis', DIAGNOSIS)
    : mutate<Diagnosis>('createDiagnosis', input, 'diagnosis', DIAGNOSIS);

export const deleteDiagnosis = (id: string) => mutate<string>('deleteDiagnosis', { id }, 'deletedId');
