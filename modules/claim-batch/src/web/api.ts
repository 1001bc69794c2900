import { type Connection, connectionFields, gql } from '@mutua/web-kernel';

export type Level = 'national' | 'region' | 'district';

export interface BatchRunRow {
  id: string;
  year: number;
  month: number;
  locationId: string | null;
  locationName: string | null;
  level: Level;
  status: string;
  jobId: string | null;
  claimsValuated: number;
  linesRemunerated: number;
  claimed: string;
  remunerated: string;
  capitation: string;
  runDate: string;
  finishedAt: string | null;
}

export interface IndexRow {
  productId: string;
  careType: string;
  periodType: string;
  windowStart: string;
  windowEnd: string;
  allocated: string;
  sharePercent: string;
  pool: string;
  claimValue: string;
  index: string;
}

export interface BillRow {
  id: string | null;
  runId: string | null;
  facilityId: string;
  facilityCode: string | null;
  facilityName: string | null;
  claimed: string;
  remunerated: string;
  deduction: string;
  lineCount: number;
}

export interface BillLine {
  claimId: string;
  claimCode: string | null;
  claimed: string;
  remunerated: string;
  deduction: string;
}

export interface CapitationRow {
  productId: string;
  periodType: string;
  windowStart: string;
  windowEnd: string;
  allocated: string;
  sharePercent: string;
  pool: string;
  components: Array<{ component: string; weightPercent: string; amount: string; total: string; unitPrice: string }>;
  payments: Array<{ facilityId: string; facilityCode: string | null; facilityName: string | null; payment: string }>;
}

export interface BatchPreview {
  year: number;
  month: number;
  level: Level;
  indexes: IndexRow[];
  bills: BillRow[];
  capitation: CapitationRow[];
  claimsValuated: number;
  pendingClaims: number;
  linesRemunerated: number;
  claimed: string;
  remunerated: string;
}

export interface BatchRunDetail {
  run: BatchRunRow;
  indexes: IndexRow[];
  bills: BillRow[];
  capitation: CapitationRow[];
}

export interface PlaceRef {
  id: string;
  code: string;
  name: string;
}

export interface ProductRef extends PlaceRef {}

const RUN = `id year month locationId locationName level status jobId claimsValuated linesRemunerated claimed
  remunerated capitation runDate finishedAt`;
const INDEX = 'productId careType periodType windowStart windowEnd allocated sharePercent pool claimValue index';
const BILL = 'id runId facilityId facilityCode facilityName claimed remunerated deduction lineCount';
const CAPITATION = `productId periodType windowStart windowEnd allocated sharePercent pool
  components { component weightPercent amount total unitPrice }
  payments { facilityId facilityCode facilityName payment }`;

function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const listRuns = () =>
  gql<{ batchRuns: BatchRunRow[] }>(`query BatchRuns { batchRuns(first: 200) { ${RUN} } }`).then((d) => d.batchRuns);

export const previewBatch = (year: number, month: number, locationId: string | null) =>
  gql<{ batchPreview: BatchPreview }>(
    `query BatchPreview($year: Int!, $month: Int!, $locationId: ID) {
      batchPreview(year: $year, month: $month, locationId: $locationId) {
        year month level indexes { ${INDEX} } bills { ${BILL} } capitation { ${CAPITATION} }
        claimsValuated pendingClaims linesRemunerated claimed remunerated
      }
    }`,
    { year, month, locationId },
  ).then((d) => d.batchPreview);

export const runBatch = (year: number, month: number, locationId: string | null) =>
  gql<{ runBatch: { result: { run: BatchRunRow; jobId: string } } }>(
    `mutation RunBatch($input: RunBatchInput!) { runBatch(input: $input) { result { run { ${RUN} } jobId } } }`,
    { input: { year, month, locationId, clientMutationId: mutationId() } },
  ).then((d) => d.runBatch.result);

export const getRun = (id: string) =>
  gql<{ batchRun: BatchRunDetail | null }>(
    `query BatchRun($id: ID!) {
      batchRun(id: $id) { run { ${RUN} } indexes { ${INDEX} } bills { ${BILL} } capitation { ${CAPITATION} } }
    }`,
    { id },
  ).then((d) => d.batchRun);

export const getBill = (id: string) =>
  gql<{ providerBill: (BillRow & { lines: BillLine[] }) | null }>(
    `query ProviderBill($id: ID!) { providerBill(id: $id) { ${BILL} lines { claimId claimCode claimed remunerated deduction } } }`,
    { id },
  ).then((d) => d.providerBill);

/** Product codes and names, to label the index rows. */
export const productNames = () =>
  gql<{ products: Connection<ProductRef> }>(
    `query BatchProducts { products(first: 200) { ${connectionFields('id code name')} } }`,
  ).then((d) => new Map(d.products.edges.map((e) => [e.node.id, e.node])));

/** The REST route that sends a provider bill as a file. */
export const billFileUrl = (id: string, format: 'pdf' | 'xlsx' | 'csv') =>
  `/api/claim-batch/bills/${encodeURIComponent(id)}.${format}`;
