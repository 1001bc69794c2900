import { type Connection, connectionFields, GqlError, gql } from '@mutua/web-kernel';

export interface Option {
  id: string;
  code: string;
  name: string;
}
export interface MedicalOption extends Option {
  /** The facility's price (decimal), null when the price list has none. */
  price: string | null;
}

export interface ClaimListRow {
  id: string;
  code: string;
  status: number;
  reviewStatus: number;
  feedbackStatus: number;
  dateFrom: string;
  dateClaimed: string;
  visitType: string;
  claimed: string;
  approved: string | null;
  valuated: string | null;
  healthFacility: { code: string; name: string } | null;
  insuree: { chfId: string; lastName: string; otherNames: string } | null;
  diagnosis: { code: string; name: string } | null;
}

export interface ClaimLineRow {
  id: string;
  kind: 'item' | 'service';
  medicalId: string;
  item: { code: string; name: string } | null;
  service: { code: string; name: string } | null;
  qtyProvided: string;
  qtyApproved: string | null;
  priceAsked: string;
  priceAdjusted: string | null;
  priceApproved: string | null;
  priceValuated: string | null;
  explanation: string | null;
  justification: string | null;
  status: number;
  rejectionReason: number;
  rejectionParams: Record<string, unknown> | null;
  deductableAmount: string | null;
  exceedCeilingAmount: string | null;
  remuneratedAmount: string | null;
}

export interface ClaimRow extends ClaimListRow {
  hfId: string;
  insureeId: string;
  dateTo: string | null;
  icdId: string;
  secondaryIcdIds: string[];
  secondaryDiagnoses: Option[];
  category: string | null;
  feedbackAvailable: boolean;
  guaranteeId: string | null;
  explanation: string | null;
  adjustment: string | null;
  remunerated: string | null;
  dateProcessed: string | null;
  restoreId: string | null;
  reviewFlags: Array<{ key: string; params: Record<string, unknown> | null }>;
  items: ClaimLineRow[];
  services: ClaimLineRow[];
  attachments: Array<{ id: string; title: string | null; filename: string; size: number; url: string }>;
  feedback: {
    careRendered: boolean | null;
    paymentAsked: boolean | null;
    drugPrescribed: boolean | null;
    drugReceived: boolean | null;
    assessment: number | null;
    feedbackDate: string;
  } | null;
}

export interface InsureeLookup {
  id: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string | null;
  photoUrl: string | null;
  policies: Array<{ productCode: string; productName: string; statusLetter: string; expiryDate: string }>;
}

export interface ClaimFilter {
  hfId?: string | null;
  status?: number[] | null;
  reviewStatus?: number | null;
  feedbackStatus?: number | null;
  code?: string | null;
  insureeNumber?: string | null;
  dateClaimedFrom?: string | null;
  dateClaimedTo?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  claimedMin?: string | null;
  claimedMax?: string | null;
  icdId?: string | null;
  visitType?: string | null;
}

const LIST = `id code status reviewStatus feedbackStatus dateFrom dateClaimed visitType claimed approved valuated
  healthFacility { code name } insuree { chfId lastName otherNames } diagnosis { code name }`;
const LINE = `id kind medicalId item { code name } service { code name } qtyProvided qtyApproved priceAsked
  priceAdjusted priceApproved priceValuated explanation justification status rejectionReason rejectionParams
  deductableAmount exceedCeilingAmount remuneratedAmount`;
export const CLAIM = `${LIST} hfId insureeId dateTo icdId secondaryIcdIds secondaryDiagnoses { id code name } category
  feedbackAvailable guaranteeId explanation adjustment remunerated dateProcessed restoreId
  reviewFlags { key params } items { ${LINE} } services { ${LINE} }
  attachments { id title filename size url }
  feedback { careRendered paymentAsked drugPrescribed drugReceived assessment feedbackDate }`;

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

export const searchClaims = (filter: ClaimFilter, after: string | null) =>
  gql<{ claims: Connection<ClaimListRow> }>(
    `query Claims($filter: ClaimFilterInput, $after: String) {
      claims(filter: $filter, first: 50, after: $after) { ${connectionFields(LIST)} }
    }`,
    { filter, after },
  ).then((d) => d.claims);

export const getClaim = (id: string) =>
  gql<{ claim: ClaimRow | null }>(`query Claim($id: ID!) { claim(id: $id) { ${CLAIM} } }`, { id }).then((d) => d.claim);

export const createClaim = (input: object) => mutate<ClaimRow>('createClaim', input, 'claim', 'id');
export const updateClaim = (id: string, input: object) =>
  mutate<ClaimRow>('updateClaim', { ...input, id }, 'claim', 'id');
export const deleteClaim = (id: string) => mutate<{ done: number }>('deleteClaim', { id }, 'ok', 'done');
export const restoreClaim = (id: string) => mutate<{ id: string }>('restoreClaim', { id }, 'claim', 'id');

export interface BulkSummary {
  total: number;
  checked: number;
  rejected: number;
  processed: number;
  valuated: number;
  skipped: number;
  failed: number;
}
const SUMMARY = 'total checked rejected processed valuated skipped failed';
export const submitClaims = (ids: string[]) => mutate<BulkSummary>('submitClaims', { ids }, 'summary', SUMMARY);
export const processClaims = (ids: string[]) => mutate<BulkSummary>('processClaims', { ids }, 'summary', SUMMARY);
/** Starts the 'claim.bulk' job on the selected claims (or on every claim of the filter); returns the job id. */
export const bulkClaims = (action: 'submit' | 'process', ids: string[] | null, filter: ClaimFilter | null) =>
  mutate<{ id: string }>('bulkClaims', { action, ids, filter }, 'job', 'id').then((j) => j.id);

export interface Selection {
  ids: string[];
  mode: 'all' | 'random' | 'variance';
  value: number | null;
  minClaimed: string | null;
}
export const selectClaims = (kind: 'Review' | 'Feedback', s: Selection) =>
  mutate<{ selected: number; notSelected: number }>(`selectClaimsFor${kind}`, s, 'result', 'selected notSelected');
export const setSelectionStatus = (kind: 'Review' | 'Feedback', ids: string[], action: 'select' | 'skip' | 'bypass') =>
  mutate<{ done: number }>(`setClaims${kind}Status`, { ids, action }, 'ok', 'done');

export interface ReviewLine {
  id: string;
  qtyApproved: string | null;
  priceApproved: string | null;
  justification: string | null;
  reject: boolean;
}
export const saveReview = (id: string, lines: ReviewLine[], adjustment: string | null, deliver: boolean) =>
  mutate<{ id: string }>('saveClaimReview', { id, lines, adjustment, deliver }, 'claim', 'id');

export interface FeedbackInput {
  careRendered: boolean | null;
  paymentAsked: boolean | null;
  drugPrescribed: boolean | null;
  drugReceived: boolean | null;
  assessment: number | null;
  feedbackDate: string;
  /** The enrolment officer who collected the answers. */
  officerId: string | null;
}
export const deliverFeedback = (id: string, f: FeedbackInput) =>
  mutate<{ id: string }>('deliverClaimFeedback', { id, ...f }, 'claim', 'id');

/** The enrolment officers serving the claim's patient's village, or those matching `search`. */
export const feedbackOfficers = (claimId: string, search: string) =>
  gql<{ claimFeedbackOfficers: Option[] }>(
    'query ClaimFeedbackOfficers($claimId: ID!, $search: String) { claimFeedbackOfficers(claimId: $claimId, search: $search) { id code name } }',
    { claimId, search: search || null },
  ).then((d) => d.claimFeedbackOfficers);

export const findInsuree = (chfId: string) =>
  gql<{ claimInsuree: InsureeLookup | null }>(
    `query ClaimInsuree($chfId: String!) { claimInsuree(chfId: $chfId) {
      id chfId lastName otherNames dob gender photoUrl policies { productCode productName statusLetter expiryDate } } }`,
    { chfId },
  ).then((d) => d.claimInsuree);

export const medicalOptions = (hfId: string, kind: 'item' | 'service', search: string) =>
  gql<{ claimMedicalOptions: MedicalOption[] }>(
    `query ClaimMedicalOptions($hfId: ID!, $kind: String!, $search: String) {
      claimMedicalOptions(hfId: $hfId, kind: $kind, search: $search) { id code name price } }`,
    { hfId, kind, search: search || null },
  ).then((d) => d.claimMedicalOptions);

export const diagnosisOptions = (search: string) =>
  gql<{ claimDiagnosisOptions: Option[] }>(
    'query ClaimDiagnosisOptions($search: String) { claimDiagnosisOptions(search: $search) { id code name } }',
    { search: search || null },
  ).then((d) => d.claimDiagnosisOptions);

export const facilityOptions = (search: string) =>
  gql<{ claimFacilityOptions: Option[] }>(
    'query ClaimFacilityOptions($search: String) { claimFacilityOptions(search: $search) { id code name } }',
    { search: search || null },
  ).then((d) => d.claimFacilityOptions);

export const userFacility = () =>
  gql<{ claimUserFacility: Option | null }>('query ClaimUserFacility { claimUserFacility { id code name } }').then(
    (d) => d.claimUserFacility,
  );

/** Uploads one attachment (multipart REST). */
export async function uploadAttachment(claimId: string, file: File, title: string | null): Promise<void> {
  const body = new FormData();
  if (title) body.append('title', title);
  body.append('file', file);
  const res = await fetch(`/api/claims/${claimId}/attachments`, {
    method: 'POST',
    credentials: 'include',
    headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'en' },
    body,
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new GqlError(data.code ?? 'ERROR', data.message ?? res.statusText, [], res.status);
  }
}

/** The message of the server's problem for exactly this field (e.g. `items.0.qtyProvided`). */
export function problemOf(error: unknown, field: string): string | undefined {
  return error instanceof GqlError ? error.problems.find((p) => p.field === field)?.message : undefined;
}
