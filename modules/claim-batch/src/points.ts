import { type Ctx, defineServiceRef } from '@mutua/kernel';

/** national, or the region/district id the run covers. */
export interface RunTarget {
  year: number;
  /** 1–12. */
  month: number;
  /** null = national; else a region or district id. */
  locationId: string | null;
}

/** A batch run (tblBatchRun). Money: decimal strings. */
export interface BatchRun {
  id: string;
  year: number;
  month: number;
  locationId: string | null;
  level: 'national' | 'region' | 'district';
  /** queued, running, done, failed. */
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

export interface RelativeIndexRow {
  productId: string;
  careType: string;
  periodType: string;
  relType: number;
  year: number;
  period: number;
  windowStart: string;
  windowEnd: string;
  allocated: string;
  sharePercent: string;
  pool: string;
  claimValue: string;
  index: string;
}

/** A facility's bill totals (one per facility and run; a preview has no id). */
export interface BillTotals {
  id: string | null;
  runId: string | null;
  facilityId: string;
  claimed: string;
  remunerated: string;
  deduction: string;
  lineCount: number;
}

export interface BillLineRow {
  claimId: string;
  /** The claim's code (set by `getBill`). */
  claimCode?: string | null;
  claimed: string;
  remunerated: string;
  deduction: string;
}

export interface CapitationComponentOut {
  component: string;
  weightPercent: string;
  amount: string;
  total: string;
  unitPrice: string;
}
export interface CapitationPaymentOut {
  facilityId: string;
  payment: string;
  /** component → { value, amount } */
  components: Record<string, { value: string; amount: string }>;
}
export interface CapitationReport {
  productId: string;
  periodType: string;
  windowStart: string;
  windowEnd: string;
  allocated: string;
  sharePercent: string;
  pool: string;
  components: CapitationComponentOut[];
  payments: CapitationPaymentOut[];
}

/** What a run would do (preview) — nothing written. */
export interface BatchPreview extends RunTarget {
  level: BatchRun['level'];
  indexes: RelativeIndexRow[];
  bills: BillTotals[];
  capitation: CapitationReport[];
  claimsValuated: number;
  pendingClaims: number;
  linesRemunerated: number;
  claimed: string;
  remunerated: string;
}

export interface BatchRunDetail extends BatchRun {
  indexes: RelativeIndexRow[];
  bills: BillTotals[];
}

export type BillFormat = 'pdf' | 'xlsx' | 'csv';

/** Reports progress of a run (job bar, CLI bar). */
export interface RunProgress {
  progress(done: number, total: number): Promise<void>;
  checkpoint: unknown;
  saveCheckpoint(state: unknown): Promise<void>;
}

/**
 * The claim batch service (DOMAIN.md §13, RULES.md §6 and §9). Preview and run need 111103 / 111101; reads 111102.
 * A run is a kernel job (`claim-batch.run`): resumable after a kill, idempotent.
 */
export interface ClaimBatchApi {
  previewBatch(ctx: Ctx, target: RunTarget): Promise<BatchPreview>;
  /** Creates the run (refused when the month is already run for that location) and queues its job. */
  runBatch(ctx: Ctx, target: RunTarget): Promise<{ run: BatchRun; jobId: string }>;
  /** The job's work: computes the plan, writes it in chunks with checkpoints (CLI and job). */
  executeRun(ctx: Ctx, runId: string, progress?: RunProgress): Promise<BatchRun>;
  listRuns(ctx: Ctx, filter: { year?: number | null; first?: number | null }): Promise<BatchRun[]>;
  getRun(ctx: Ctx, id: string): Promise<BatchRunDetail | null>;
  capitationReport(ctx: Ctx, runId: string): Promise<CapitationReport[]>;
  getBill(ctx: Ctx, id: string): Promise<(BillTotals & { lines: BillLineRow[] }) | null>;
  billFile(ctx: Ctx, id: string, format: BillFormat): Promise<{ filename: string; mime: string; data: Buffer }>;
}

/** The claim batch service, for modules that list 'claim-batch' in dependsOn (and the CLI). */
export const claimBatchService = defineServiceRef<ClaimBatchApi>('claim-batch');
