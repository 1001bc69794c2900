import { type Builder, type Ctx, defineMutation, payloadType } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { RIGHTS } from '../manifest.js';
import type {
  BatchPreview,
  BatchRun,
  BatchRunDetail,
  BillLineRow,
  BillTotals,
  CapitationReport,
  ClaimBatchApi,
  RelativeIndexRow,
} from '../points.js';
import { sys } from './input.js';

export function registerClaimBatchGraphql(b: Builder, api: ClaimBatchApi, location: LocationService): void {
  const RunRef = b.objectRef<BatchRun>('BatchRun').implement({
    description: 'A monthly batch run (DOMAIN.md §13): relative pricing, capitation, provider bills.',
    fields: (t) => ({
      id: t.exposeID('id'),
      year: t.exposeInt('year'),
      month: t.exposeInt('month'),
      locationId: t.exposeID('locationId', { nullable: true, description: 'null = national.' }),
      locationName: t.string({
        nullable: true,
        resolve: async (r, _a, ctx) =>
          r.locationId ? ((await location.getLocation(sys(ctx), r.locationId))?.name ?? null) : null,
      }),
      level: t.exposeString('level', { description: 'national, region or district.' }),
      status: t.exposeString('status', { description: 'queued, running, done or failed.' }),
      jobId: t.exposeID('jobId', { nullable: true }),
      claimsValuated: t.exposeInt('claimsValuated'),
      linesRemunerated: t.exposeInt('linesRemunerated'),
      claimed: t.exposeString('claimed'),
      remunerated: t.exposeString('remunerated'),
      capitation: t.exposeString('capitation'),
      runDate: t.exposeString('runDate'),
      finishedAt: t.exposeString('finishedAt', { nullable: true }),
    }),
  });
  const IndexRef = b.objectRef<RelativeIndexRow>('RelativeIndex').implement({
    fields: (t) => ({
      productId: t.exposeID('productId'),
      careType: t.exposeString('careType'),
      periodType: t.exposeString('periodType'),
      relType: t.exposeInt('relType'),
      year: t.exposeInt('year'),
      period: t.exposeInt('period'),
      windowStart: t.exposeString('windowStart'),
      windowEnd: t.exposeString('windowEnd'),
      allocated: t.exposeString('allocated'),
      sharePercent: t.exposeString('sharePercent'),
      pool: t.exposeString('pool'),
      claimValue: t.exposeString('claimValue'),
      index: t.exposeString('index'),
    }),
  });
  const facilityFields = {
    facilityCode: (f: { facilityId: string }, ctx: Ctx) =>
      location.getHealthFacility(sys(ctx), f.facilityId).then((h) => h?.code ?? null),
    facilityName: (f: { facilityId: string }, ctx: Ctx) =>
      location.getHealthFacility(sys(ctx), f.facilityId).then((h) => h?.name ?? null),
  };
  const BillLineRef = b.objectRef<BillLineRow>('ProviderBillLine').implement({
    fields: (t) => ({
      claimId: t.exposeID('claimId'),
      claimCode: t.string({ nullable: true, resolve: (l) => l.claimCode ?? null }),
      claimed: t.exposeString('claimed'),
      remunerated: t.exposeString('remunerated'),
      deduction: t.exposeString('deduction'),
    }),
  });
  const BillRef = b.objectRef<BillTotals & { lines?: BillLineRow[] }>('ProviderBill').implement({
    description: 'A facility’s bill for a run: claimed, remunerated and deduction totals.',
    fields: (t) => ({
      id: t.exposeID('id', { nullable: true, description: 'null in a preview.' }),
      runId: t.exposeID('runId', { nullable: true }),
      facilityId: t.exposeID('facilityId'),
      facilityCode: t.string({ nullable: true, resolve: (f, _a, ctx) => facilityFields.facilityCode(f, ctx) }),
      facilityName: t.string({ nullable: true, resolve: (f, _a, ctx) => facilityFields.facilityName(f, ctx) }),
      claimed: t.exposeString('claimed'),
      remunerated: t.exposeString('remunerated'),
      deduction: t.exposeString('deduction'),
      lineCount: t.exposeInt('lineCount'),
      lines: t.field({ type: [BillLineRef], resolve: (f) => f.lines ?? [] }),
    }),
  });
  const CompRef = b.objectRef<CapitationReport['components'][number]>('CapitationComponent').implement({
    fields: (t) => ({
      component: t.exposeString('component'),
      weightPercent: t.exposeString('weightPercent'),
      amount: t.exposeString('amount'),
      total: t.exposeString('total'),
      unitPrice: t.exposeString('unitPrice'),
    }),
  });
  const PayRef = b.objectRef<CapitationReport['payments'][number]>('CapitationPayment').implement({
    fields: (t) => ({
      facilityId: t.exposeID('facilityId'),
      facilityCode: t.string({ nullable: true, resolve: (f, _a, ctx) => facilityFields.facilityCode(f, ctx) }),
      facilityName: t.string({ nullable: true, resolve: (f, _a, ctx) => facilityFields.facilityName(f, ctx) }),
      payment: t.exposeString('payment'),
      components: t.field({ type: 'JSON', resolve: (f) => f.components }),
    }),
  });
  const CapRef = b.objectRef<CapitationReport>('CapitationReport').implement({
    fields: (t) => ({
      productId: t.exposeID('productId'),
      periodType: t.exposeString('periodType'),
      windowStart: t.exposeString('windowStart'),
      windowEnd: t.exposeString('windowEnd'),
      allocated: t.exposeString('allocated'),
      sharePercent: t.exposeString('sharePercent'),
      pool: t.exposeString('pool'),
      components: t.field({ type: [CompRef], resolve: (c) => c.components }),
      payments: t.field({ type: [PayRef], resolve: (c) => c.payments }),
    }),
  });
  const DetailRef = b.objectRef<BatchRunDetail>('BatchRunDetail').implement({
    fields: (t) => ({
      run: t.field({ type: RunRef, resolve: (r) => r }),
      indexes: t.field({ type: [IndexRef], resolve: (r) => r.indexes }),
      bills: t.field({ type: [BillRef], resolve: (r) => r.bills }),
      capitation: t.field({ type: [CapRef], resolve: (r, _a, ctx) => api.capitationReport(ctx, r.id) }),
    }),
  });
  const PreviewRef = b.objectRef<BatchPreview>('BatchPreview').implement({
    description: 'What a run would do now; nothing is written.',
    fields: (t) => ({
      year: t.exposeInt('year'),
      month: t.exposeInt('month'),
      locationId: t.exposeID('locationId', { nullable: true }),
      level: t.exposeString('level'),
      indexes: t.field({ type: [IndexRef], resolve: (p) => p.indexes }),
      bills: t.field({ type: [BillRef], resolve: (p) => p.bills }),
      capitation: t.field({ type: [CapRef], resolve: (p) => p.capitation }),
      claimsValuated: t.exposeInt('claimsValuated'),
      pendingClaims: t.exposeInt('pendingClaims'),
      linesRemunerated: t.exposeInt('linesRemunerated'),
      claimed: t.exposeString('claimed'),
      remunerated: t.exposeString('remunerated'),
    }),
  });

  b.queryFields((t) => ({
    batchRuns: t.field({
      type: [RunRef],
      extensions: { right: RIGHTS.search },
      args: { year: t.arg.int(), first: t.arg.int() },
      resolve: (_r, a, ctx) => api.listRuns(ctx, a),
    }),
    batchRun: t.field({
      type: DetailRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => api.getRun(ctx, String(a.id)),
    }),
    batchPreview: t.field({
      type: PreviewRef,
      extensions: { right: RIGHTS.preview },
      args: {
        year: t.arg.int({ required: true }),
        month: t.arg.int({ required: true }),
        locationId: t.arg.id(),
      },
      resolve: (_r, a, ctx) =>
        api.previewBatch(ctx, { year: a.year, month: a.month, locationId: a.locationId ? String(a.locationId) : null }),
    }),
    capitationReport: t.field({
      type: [CapRef],
      extensions: { right: RIGHTS.search },
      args: { runId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => api.capitationReport(ctx, String(a.runId)),
    }),
    providerBill: t.field({
      type: BillRef,
      nullable: true,
      extensions: { right: RIGHTS.search },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => api.getBill(ctx, String(a.id)),
    }),
  }));

  const RunPayloadRef = b.objectRef<{ run: BatchRun; jobId: string }>('RunBatchResult').implement({
    fields: (t) => ({
      run: t.field({ type: RunRef, resolve: (r) => r.run }),
      jobId: t.exposeID('jobId', { description: 'Follow the run’s progress with `job(id)`.' }),
    }),
  });
  defineMutation(b, 'runBatch', {
    guard: { right: RIGHTS.run },
    input: (t) => ({
      year: t.int({ required: true }),
      month: t.int({ required: true }),
      locationId: t.id({ description: 'Region or district; empty = national.' }),
    }),
    payload: payloadType(b, 'RunBatchPayload', 'result', RunPayloadRef),
    run: async (input, tx) => ({
      result: await api.runBatch(tx, {
        year: input.year,
        month: input.month,
        locationId: input.locationId ? String(input.locationId) : null,
      }),
    }),
  });
}
