/** An active family policy as the Policy query answers it, for the web tests (test helper). */
export const activePolicy = {
  id: 'p1',
  familyId: 'f1',
  productId: 'prod-fam',
  product: { id: 'prod-fam', code: 'MUS-FAM', name: 'Mutuelle santé famille' },
  stage: 'N',
  status: 2,
  enrollDate: '2025-11-10',
  startDate: '2026-01-01',
  effectiveDate: '2026-01-01',
  expiryDate: '2026-12-31',
  value: '17575.00',
  officerId: null,
  previousPolicyId: null,
  members: [] as unknown[],
};
