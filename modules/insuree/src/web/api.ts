import { apiHeaders, type Connection, connectionFields, GqlError, gql } from '@mutua/web-kernel';

export interface PlaceRef {
  id: string;
  code: string;
  name: string;
}

export interface InsureeRow {
  id: string;
  familyId: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string | null;
  isHead: boolean;
  relationship: string | null;
  maritalStatus: string | null;
  profession: string | null;
  education: string | null;
  phone: string | null;
  email: string | null;
  typeOfId: string | null;
  passport: string | null;
  currentVillageId: string | null;
  currentAddress: string | null;
  healthFacilityId: string | null;
  cardIssued: boolean;
  photoUrl: string | null;
  validityFrom: string;
  validityTo: string | null;
  currentVillage?: PlaceRef | null;
  family?: { id: string; location: PlaceRef | null } | null;
}

export interface FamilyRow {
  id: string;
  headInsureeId: string | null;
  locationId: string;
  poverty: boolean | null;
  familyType: string | null;
  confirmationType: string | null;
  confirmationNo: string | null;
  address: string | null;
  ethnicity: string | null;
  location: PlaceRef | null;
  members: InsureeRow[];
}

export interface Duplicate {
  insureeId: string;
  familyId: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  reasons: string[];
}

/** The editable insuree fields, as the forms hold them (blank = not given). */
export interface InsureeDraft {
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string;
  relationship: string;
  maritalStatus: string;
  profession: string;
  education: string;
  phone: string;
  email: string;
  typeOfId: string;
  passport: string;
  currentVillage: PlaceRef | null;
  currentAddress: string;
  cardIssued: boolean;
}

export interface FamilyDraft {
  village: PlaceRef | null;
  poverty: boolean;
  familyType: string;
  confirmationType: string;
  confirmationNo: string;
  address: string;
}

export const emptyInsuree = (): InsureeDraft => ({
  chfId: '',
  lastName: '',
  otherNames: '',
  dob: '',
  gender: '',
  relationship: '',
  maritalStatus: '',
  profession: '',
  education: '',
  phone: '',
  email: '',
  typeOfId: '',
  passport: '',
  currentVillage: null,
  currentAddress: '',
  cardIssued: false,
});

export const draftOf = (i: InsureeRow): InsureeDraft => ({
  chfId: i.chfId,
  lastName: i.lastName,
  otherNames: i.otherNames,
  dob: i.dob,
  gender: i.gender ?? '',
  relationship: i.relationship ?? '',
  maritalStatus: i.maritalStatus ?? '',
  profession: i.profession ?? '',
  education: i.education ?? '',
  phone: i.phone ?? '',
  email: i.email ?? '',
  typeOfId: i.typeOfId ?? '',
  passport: i.passport ?? '',
  currentVillage: i.currentVillage ?? null,
  currentAddress: i.currentAddress ?? '',
  cardIssued: i.cardIssued,
});

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** The GraphQL `InsureeDataInput` of a draft. */
export const insureeInput = (d: InsureeDraft) => ({
  chfId: blank(d.chfId),
  lastName: d.lastName,
  otherNames: d.otherNames,
  dob: d.dob,
  gender: blank(d.gender),
  relationship: blank(d.relationship),
  maritalStatus: blank(d.maritalStatus),
  profession: blank(d.profession),
  education: blank(d.education),
  phone: blank(d.phone),
  email: blank(d.email),
  typeOfId: blank(d.typeOfId),
  passport: blank(d.passport),
  currentVillageId: d.currentVillage?.id ?? null,
  currentAddress: blank(d.currentAddress),
  cardIssued: d.cardIssued,
});

export const familyInput = (d: FamilyDraft) => ({
  locationId: d.village?.id ?? '',
  poverty: d.poverty,
  familyType: blank(d.familyType),
  confirmationType: blank(d.confirmationType),
  confirmationNo: blank(d.confirmationNo),
  address: blank(d.address),
});

const INSUREE = `id familyId chfId lastName otherNames dob gender isHead relationship maritalStatus profession
  education phone email typeOfId passport currentVillageId currentAddress healthFacilityId cardIssued photoUrl
  validityFrom validityTo currentVillage { id code name }`;
const FAMILY = `id headInsureeId locationId poverty familyType confirmationType confirmationNo address ethnicity
  location { id code name } members { ${INSUREE} }`;

function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function mutate<T>(name: string, input: object, select: string): Promise<T> {
  const op = name.charAt(0).toUpperCase() + name.slice(1);
  return gql<Record<string, T>>(`mutation ${op}($input: ${op}Input!) { ${name}(input: $input) { ${select} } }`, {
    input: { ...input, clientMutationId: mutationId() },
  }).then((d) => d[name]!);
}

export interface SearchFilter {
  chfId: string;
  lastName: string;
  otherNames: string;
  dobFrom: string;
  dobTo: string;
  gender: string;
  location: PlaceRef | null;
  status: 'active' | 'all';
}

export const searchInsurees = (f: SearchFilter, after: string | null) =>
  gql<{ insurees: Connection<InsureeRow> }>(
    `query Insurees($chfId: String, $lastName: String, $otherNames: String, $dobFrom: String, $dobTo: String,
      $gender: String, $locationId: ID, $status: String, $after: String) {
      insurees(chfId: $chfId, lastName: $lastName, otherNames: $otherNames, dobFrom: $dobFrom, dobTo: $dobTo,
        gender: $gender, locationId: $locationId, status: $status, first: 50, after: $after) {
        ${connectionFields(`${INSUREE} family { id location { id code name } }`)}
      }
    }`,
    {
      chfId: blank(f.chfId),
      lastName: blank(f.lastName),
      otherNames: blank(f.otherNames),
      dobFrom: blank(f.dobFrom),
      dobTo: blank(f.dobTo),
      gender: blank(f.gender),
      locationId: f.location?.id ?? null,
      status: f.status,
      after,
    },
  ).then((d) => d.insurees);

export const getFamily = (id: string) =>
  gql<{ family: FamilyRow | null }>(`query Family($id: ID!) { family(id: $id) { ${FAMILY} } }`, { id }).then(
    (d) => d.family,
  );

export const getInsuree = (id: string) =>
  gql<{ insuree: InsureeRow | null }>(`query Insuree($id: ID!) { insuree(id: $id) { ${INSUREE} } }`, { id }).then(
    (d) => d.insuree,
  );

export const insureeHistory = (id: string) =>
  gql<{ insureeHistory: InsureeRow[] }>(`query InsureeHistory($id: ID!) { insureeHistory(id: $id) { ${INSUREE} } }`, {
    id,
  }).then((d) => d.insureeHistory);

export const findDuplicates = (draft: InsureeDraft, villageId: string | null, exceptId: string | null = null) =>
  gql<{ insureeDuplicates: Duplicate[] }>(
    `query InsureeDuplicates($input: InsureeDataInput!, $villageId: ID, $exceptId: ID) {
      insureeDuplicates(input: $input, villageId: $villageId, exceptId: $exceptId) {
        insureeId familyId chfId lastName otherNames dob reasons
      }
    }`,
    { input: insureeInput(draft), villageId, exceptId },
  ).then((d) => d.insureeDuplicates);

export const findByNumber = (chfId: string) =>
  gql<{ insureeByNumber: InsureeRow | null }>(
    `query InsureeByNumber($chfId: String!) { insureeByNumber(chfId: $chfId) { ${INSUREE} } }`,
    { chfId },
  ).then((d) => d.insureeByNumber);

export const createFamily = (fam: FamilyDraft, head: InsureeDraft, confirmDuplicates: boolean) =>
  mutate<{ family: { id: string }; head: { id: string } }>(
    'createFamily',
    { ...familyInput(fam), head: insureeInput(head), confirmDuplicates },
    'family { id } head { id }',
  );
export const updateFamily = (id: string, fam: FamilyDraft) =>
  mutate<{ family: { id: string } }>('updateFamily', { id, ...familyInput(fam) }, 'family { id }');
export const addInsuree = (familyId: string, d: InsureeDraft, confirmDuplicates: boolean) =>
  mutate<{ insuree: { id: string } }>(
    'addInsuree',
    { familyId, insuree: insureeInput(d), confirmDuplicates },
    'insuree { id }',
  );
export const updateInsuree = (id: string, d: InsureeDraft) =>
  mutate<{ insuree: { id: string } }>('updateInsuree', { id, insuree: insureeInput(d) }, 'insuree { id }');
export const moveInsuree = (id: string, familyId: string) =>
  mutate<{ insuree: { id: string } }>('moveInsuree', { id, familyId }, 'insuree { id }');
export const removeInsuree = (id: string, newHeadId: string | null) =>
  mutate<{ deletedId: string }>('removeInsuree', { id, newHeadId }, 'deletedId');
export const changeHead = (familyId: string, insureeId: string) =>
  mutate<{ family: { id: string } }>('changeHead', { familyId, insureeId }, 'family { id }');

/** Uploads a photo (file or camera capture) over REST multipart. */
export async function uploadPhoto(insureeId: string, photo: Blob): Promise<void> {
  const form = new FormData();
  form.append('photo', photo, photo.type === 'image/png' ? 'photo.png' : 'photo.jpg');
  const res = await fetch(`/api/insuree/insurees/${insureeId}/photo`, {
    method: 'POST',
    credentials: 'include',
    headers: apiHeaders(),
    body: form,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new GqlError(body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, [], res.status);
  }
}
