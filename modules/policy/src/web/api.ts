import { gql } from '@mutua/web-kernel';

export interface PolicyRow {
  id: string;
  familyId: string;
  productId: string;
  product: { id: string; code: string; name: string } | null;
  stage: 'N' | 'R';
  status: number;
  enrollDate: string;
  startDate: string;
  effectiveDate: string | null;
  expiryDate: string;
  value: string;
  officerId: string | null;
  previousPolicyId: string | null;
}

export interface PolicyValuesRow {
  startDate: string;
  expiryDate: string;
  value: string;
  discount: string;
  membersCounted: number;
  membersAboveMax: number;
  productId: string;
}

export interface MemberRow {
  id: string;
  insureeId: string;
  insuree: { chfId: string | null; lastName: string; otherNames: string } | null;
  effectiveDate: string | null;
  expiryDate: string;
}

const POLICY = `id familyId productId product { id code name } stage status enrollDate startDate effectiveDate expiryDate value officerId previousPolicyId`;

export const familyPolicies = async (familyId: string) =>
  (
    await gql<{ familyPolicies: PolicyRow[] }>(
      `query FamilyPolicies($f: ID!) { familyPolicies(familyId: $f) { ${POLICY} } }`,
      { f: familyId },
    )
  ).familyPolicies;

export const getPolicy = async (id: string) =>
  (
    await gql<{ policy: (PolicyRow & { members: MemberRow[] }) | null }>(
      `query Policy($id: ID!) { policy(id: $id) { ${POLICY} members { id insureeId insuree { chfId lastName otherNames } effectiveDate expiryDate } } }`,
      { id },
    )
  ).policy;

export interface Option {
  id: string;
  code: string;
  name: string;
}

/** Products the form offers, and officers when the user may list them (else none: the officer stays optional). */
export async function formOptions(): Promise<{ products: Option[]; officers: Option[] }> {
  const { policyProducts } = await gql<{ policyProducts: Option[] }>(
    'query PolicyProducts { policyProducts { id code name } }',
  );
  let officers: Option[] = [];
  try {
    const r = await gql<{
      enrolmentOfficers: { edges: Array<{ node: { id: string; code: string; lastName: string; otherNames: string } }> };
    }>('query PolicyOfficers { enrolmentOfficers(first: 500) { edges { node { id code lastName otherNames } } } }');
    officers = r.enrolmentOfficers.edges.map(({ node: o }) => ({
      id: o.id,
      code: o.code,
      name: `${o.lastName} ${o.otherNames}`,
    }));
  } catch {
    officers = [];
  }
  return { products: policyProducts, officers };
}

export const policyValues = async (v: {
  familyId: string;
  productId: string;
  enrollDate: string;
  previousPolicyId?: string | null;
}) =>
  (
    await gql<{ policyValues: PolicyValuesRow }>(
      `query PolicyValues($familyId: ID!, $productId: ID!, $enrollDate: Date!, $previousPolicyId: ID, $stage: String) {
      policyValues(familyId: $familyId, productId: $productId, enrollDate: $enrollDate, previousPolicyId: $previousPolicyId, stage: $stage) {
        productId startDate expiryDate value discount membersCounted membersAboveMax } }`,
      { ...v, stage: v.previousPolicyId ? 'R' : 'N' },
    )
  ).policyValues;

const cmid = () => `policy-${Date.now()}-${Math.random().toString(36).slice(2)}`;

export const createPolicy = async (input: {
  familyId: string;
  productId: string;
  enrollDate: string;
  officerId: string | null;
}) =>
  (
    await gql<{ createPolicy: { policy: PolicyRow } }>(
      `mutation CreatePolicy($i: CreatePolicyInput!) { createPolicy(input: $i) { policy { ${POLICY} } } }`,
      { i: { ...input, clientMutationId: cmid() } },
    )
  ).createPolicy.policy;

export const renewPolicy = async (input: { policyId: string; enrollDate: string; officerId: string | null }) =>
  (
    await gql<{ renewPolicy: { policy: PolicyRow } }>(
      `mutation RenewPolicy($i: RenewPolicyInput!) { renewPolicy(input: $i) { policy { ${POLICY} } } }`,
      { i: { ...input, clientMutationId: cmid() } },
    )
  ).renewPolicy.policy;

export const suspendPolicy = async (id: string) =>
  gql('mutation SuspendPolicy($i: SuspendPolicyInput!) { suspendPolicy(input: $i) { policy { id } } }', {
    i: { id, clientMutationId: cmid() },
  });
export const deletePolicy = async (id: string) =>
  gql('mutation DeletePolicy($i: DeletePolicyInput!) { deletePolicy(input: $i) { deletedId } }', {
    i: { id, clientMutationId: cmid() },
  });

export interface ReminderRow {
  policy: PolicyRow;
  renewalDate: string;
  renewalProduct: { code: string; name: string } | null;
  warnings: number;
}
export const renewalReminders = async (days: number | null) =>
  (
    await gql<{ policyRenewalReminders: ReminderRow[] }>(
      `query PolicyRenewals($d: Int) { policyRenewalReminders(days: $d) { policy { ${POLICY} } renewalDate renewalProduct { code name } warnings } }`,
      { d: days },
    )
  ).policyRenewalReminders;

export interface CoverageRow {
  insuree: {
    id: string;
    chfId: string;
    lastName: string;
    otherNames: string;
    dob: string;
    gender: string | null;
    photoUrl: string | null;
    familyId: string;
  };
  policies: Array<{
    policy: PolicyRow;
    productCode: string;
    productName: string;
    statusLetter: 'I' | 'A' | 'S' | 'R' | 'E';
    remaining: Record<
      'deductible' | 'deductibleIp' | 'deductibleOp' | 'ceiling' | 'ceilingIp' | 'ceilingOp',
      string | null
    >;
    countsLeft: Record<
      'admissions' | 'visits' | 'consultations' | 'surgeries' | 'deliveries' | 'antenatal',
      number | null
    >;
  }>;
}
export const coverage = async (chfId: string) =>
  (
    await gql<{ coverage: CoverageRow | null }>(
      `query Coverage($c: String!) { coverage(chfId: $c) {
      insuree { id chfId lastName otherNames dob gender photoUrl familyId }
      policies { policy { ${POLICY} } productCode productName statusLetter
        remaining { deductible deductibleIp deductibleOp ceiling ceilingIp ceilingOp }
        countsLeft { admissions visits consultations surgeries deliveries antenatal } } } }`,
      { c: chfId },
    )
  ).coverage;

export interface EligibilityRow {
  ok: boolean;
  minDate: string | null;
  left: number | null;
  reasonText: string | null;
}
export const eligibility = async (chfId: string, what: { itemCode?: string; serviceCode?: string }) =>
  (
    await gql<{ eligibility: EligibilityRow | null }>(
      'query Eligibility($c: String!, $i: String, $s: String) { eligibility(chfId: $c, itemCode: $i, serviceCode: $s) { ok minDate left reasonText } }',
      { c: chfId, i: what.itemCode ?? null, s: what.serviceCode ?? null },
    )
  ).eligibility;
