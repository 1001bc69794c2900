import { type Connection, connectionFields, gql } from '@mutua/web-kernel';

/** A contribution as the panels and the search page show it. */
export interface ContributionRow {
  id: string;
  policyId: string;
  familyId: string;
  productId: string;
  payerId: string | null;
  payer: { id: string; name: string } | null;
  amount: string;
  receipt: string;
  payDate: string;
  payType: string;
  isPhotoFee: boolean;
  isOffline: boolean;
}

/** Where a policy stands with its payments. */
export interface PolicyPayment {
  policyId: string;
  status: number;
  value: string;
  paid: string;
  due: string;
  photoFees: string;
  installments: number;
  maxInstallments: number | null;
  deadline: string | null;
  startDate: string;
}

export interface ContributionPreview extends PolicyPayment {
  paidAfter: string;
  dueAfter: string;
  activates: boolean;
  effectiveDate: string | null;
  installment: number | null;
  warnings: string[];
}

export interface ContributionFormInput {
  amount: string;
  receipt: string;
  payDate: string;
  payType: string;
  payerId: string | null;
  isPhotoFee: boolean;
}

export interface ContributionFilters {
  receipt: string;
  payDateFrom: string;
  payDateTo: string;
  payType: string;
  payerId: string;
}

const ROW =
  'id policyId familyId productId payerId payer { id name } amount receipt payDate payType isPhotoFee isOffline';
const PAYMENT = 'policyId status value paid due photoFees installments maxInstallments deadline startDate';

/** A fresh clientMutationId (crypto.randomUUID exists only in secure contexts; Mutua often runs over plain HTTP). */
function mutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const policyContributions = (policyId: string) =>
  gql<{ policyContributions: ContributionRow[]; policyPayment: PolicyPayment | null }>(
    `query PolicyContributions($policyId: ID!) {
      policyContributions(policyId: $policyId) { ${ROW} }
      policyPayment(policyId: $policyId) { ${PAYMENT} }
    }`,
    { policyId },
  );

export const familyContributions = (familyId: string) =>
  gql<{ familyContributions: ContributionRow[] }>(
    `query FamilyContributions($familyId: ID!) { familyContributions(familyId: $familyId) { ${ROW} } }`,
    { familyId },
  ).then((d) => d.familyContributions);

export const previewContribution = (v: {
  policyId: string;
  amount: string;
  payDate: string;
  isPhotoFee: boolean;
  exceptId: string | null;
}) =>
  gql<{ contributionPreview: ContributionPreview }>(
    `query ContributionPreview($policyId: ID!, $amount: String!, $payDate: Date!, $isPhotoFee: Boolean, $exceptId: ID) {
      contributionPreview(policyId: $policyId, amount: $amount, payDate: $payDate, isPhotoFee: $isPhotoFee, exceptId: $exceptId) {
        ${PAYMENT} paidAfter dueAfter activates effectiveDate installment warnings
      }
    }`,
    v,
  ).then((d) => d.contributionPreview);

interface SaveResult {
  contribution: ContributionRow;
  activated: boolean;
  policy: { id: string; status: number; effectiveDate: string | null };
}
const RESULT = `contribution { ${ROW} } activated policy { id status effectiveDate }`;

export const createContribution = (policyId: string, input: ContributionFormInput) =>
  gql<{ createContribution: SaveResult }>(
    `mutation CreateContribution($input: CreateContributionInput!) { createContribution(input: $input) { ${RESULT} } }`,
    { input: { ...input, policyId, clientMutationId: mutationId() } },
  ).then((d) => d.createContribution);

export const updateContribution = (id: string, input: ContributionFormInput) =>
  gql<{ updateContribution: SaveResult }>(
    `mutation UpdateContribution($input: UpdateContributionInput!) { updateContribution(input: $input) { ${RESULT} } }`,
    { input: { ...input, id, clientMutationId: mutationId() } },
  ).then((d) => d.updateContribution);

export const deleteContribution = (id: string) =>
  gql<{ deleteContribution: { deletedId: string } }>(
    'mutation DeleteContribution($input: DeleteContributionInput!) { deleteContribution(input: $input) { deletedId } }',
    { input: { id, clientMutationId: mutationId() } },
  ).then((d) => d.deleteContribution.deletedId);

export const searchContributions = (f: ContributionFilters, after: string | null) =>
  gql<{ contributions: Connection<ContributionRow> }>(
    `query Contributions($receipt: String, $payDateFrom: Date, $payDateTo: Date, $payType: String, $payerId: ID, $after: String) {
      contributions(receipt: $receipt, payDateFrom: $payDateFrom, payDateTo: $payDateTo, payType: $payType, payerId: $payerId, first: 50, after: $after) {
        ${connectionFields(ROW)}
      }
    }`,
    {
      receipt: f.receipt || null,
      payDateFrom: f.payDateFrom || null,
      payDateTo: f.payDateTo || null,
      payType: f.payType || null,
      payerId: f.payerId || null,
      after,
    },
  ).then((d) => d.contributions);

/** Payers for the picker (needs the payer search right). */
export const listPayers = () =>
  gql<{ payers: Connection<{ id: string; name: string }> }>(
    'query ContributionPayers { payers(first: 500) { edges { node { id name } } } }',
  ).then((d) => d.payers.edges.map((e) => e.node));
