import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const day = (name: string) => date(name, { mode: 'string' });
const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Claims: mutable current state, audited (migrations/0001_claim.sql, ADR 0007). */
export const claim = pgTable('claim', {
  id: uuid('id').primaryKey(),
  code: varchar('code', { length: 50 }).notNull(),
  hfId: uuid('hf_id').notNull(),
  insureeId: uuid('insuree_id').notNull(),
  adminId: uuid('admin_id'),
  dateFrom: day('date_from').notNull(),
  dateTo: day('date_to'),
  targetDate: day('target_date').generatedAlwaysAs(sql`coalesce(date_to, date_from)`),
  dateClaimed: day('date_claimed').notNull(),
  icdId: uuid('icd_id').notNull(),
  icd1Id: uuid('icd_1_id'),
  icd2Id: uuid('icd_2_id'),
  icd3Id: uuid('icd_3_id'),
  icd4Id: uuid('icd_4_id'),
  visitType: char('visit_type', { length: 1 }).notNull().default('O'),
  category: char('category', { length: 1 }),
  status: smallint('status').notNull().default(2),
  reviewStatus: smallint('review_status').notNull().default(1),
  feedbackStatus: smallint('feedback_status').notNull().default(1),
  feedbackAvailable: boolean('feedback_available').notNull().default(false),
  rejectionReason: smallint('rejection_reason').notNull().default(0),
  guaranteeId: varchar('guarantee_id', { length: 50 }),
  explanation: text('explanation'),
  adjustment: text('adjustment'),
  adjusterId: uuid('adjuster_id'),
  claimed: money('claimed').notNull().default('0'),
  approved: money('approved'),
  valuated: money('valuated'),
  remunerated: money('remunerated'),
  dateProcessed: day('date_processed'),
  submitStamp: stamp('submit_stamp'),
  processStamp: stamp('process_stamp'),
  reviewStamp: stamp('review_stamp'),
  submitUserId: uuid('submit_user_id'),
  processUserId: uuid('process_user_id'),
  reviewUserId: uuid('review_user_id'),
  batchRunId: uuid('batch_run_id'),
  restoreId: uuid('restore_id'),
  codeReleased: boolean('code_released').notNull().default(false),
  reviewFlags: jsonb('review_flags').$type<Array<{ key: string; params?: Record<string, unknown> }>>(),
  createdAt: stamp('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
  deletedAt: stamp('deleted_at'),
});

const lineColumns = () => ({
  id: uuid('id').primaryKey(),
  claimId: uuid('claim_id').notNull(),
  insureeId: uuid('insuree_id').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  status: smallint('status').notNull().default(1),
  qtyProvided: money('qty_provided').notNull(),
  qtyApproved: money('qty_approved'),
  priceAsked: money('price_asked').notNull(),
  priceAdjusted: money('price_adjusted'),
  priceApproved: money('price_approved'),
  priceValuated: money('price_valuated'),
  explanation: text('explanation'),
  justification: text('justification'),
  rejectionReason: smallint('rejection_reason').notNull().default(0),
  rejectionParams: jsonb('rejection_params').$type<Record<string, unknown>>(),
  productId: uuid('product_id'),
  policyId: uuid('policy_id'),
  priceOrigin: char('price_origin', { length: 1 }),
  limitation: char('limitation', { length: 1 }),
  limitationValue: money('limitation_value'),
  deductableAmount: money('deductable_amount'),
  exceedCeilingAmount: money('exceed_ceiling_amount'),
  exceedCeilingAmountCategory: money('exceed_ceiling_amount_category'),
  remuneratedAmount: money('remunerated_amount'),
});

/** Items provided under a claim. */
export const claimItem = pgTable('claim_item', { ...lineColumns(), medicalId: uuid('item_id').notNull() });
/** Services provided under a claim. */
export const claimService = pgTable('claim_service', { ...lineColumns(), medicalId: uuid('service_id').notNull() });

export const claimAttachment = pgTable('claim_attachment', {
  id: uuid('id').primaryKey(),
  claimId: uuid('claim_id').notNull(),
  title: varchar('title', { length: 250 }),
  type: varchar('type', { length: 50 }),
  filename: varchar('filename', { length: 255 }).notNull(),
  mime: varchar('mime', { length: 100 }).notNull(),
  size: integer('size').notNull(),
  document: bytea('document').notNull(),
  date: day('date'),
  createdAt: stamp('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  deletedAt: stamp('deleted_at'),
});

/** Deductible/ceiling ledger, one row per claim and policy (DECISIONS #20). */
export const claimDedRem = pgTable('claim_ded_rem', {
  id: uuid('id').primaryKey(),
  claimId: uuid('claim_id').notNull(),
  policyId: uuid('policy_id').notNull(),
  insureeId: uuid('insuree_id').notNull(),
  productId: uuid('product_id'),
  dedG: money('ded_g').notNull().default('0'),
  dedOp: money('ded_op').notNull().default('0'),
  dedIp: money('ded_ip').notNull().default('0'),
  remG: money('rem_g').notNull().default('0'),
  remOp: money('rem_op').notNull().default('0'),
  remIp: money('rem_ip').notNull().default('0'),
  remConsult: money('rem_consult').notNull().default('0'),
  remSurgery: money('rem_surgery').notNull().default('0'),
  remDelivery: money('rem_delivery').notNull().default('0'),
  remHospitalization: money('rem_hospitalization').notNull().default('0'),
  remAntenatal: money('rem_antenatal').notNull().default('0'),
  createdAt: stamp('created_at').notNull().defaultNow(),
});

export const claimFeedback = pgTable('claim_feedback', {
  claimId: uuid('claim_id').primaryKey(),
  careRendered: boolean('care_rendered'),
  paymentAsked: boolean('payment_asked'),
  drugPrescribed: boolean('drug_prescribed'),
  drugReceived: boolean('drug_received'),
  assessment: smallint('assessment'),
  officerId: uuid('officer_id'),
  feedbackDate: day('feedback_date').notNull(),
  createdAt: stamp('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
});

export const claimFeedbackPrompt = pgTable('claim_feedback_prompt', {
  id: uuid('id').primaryKey(),
  claimId: uuid('claim_id').notNull(),
  officerId: uuid('officer_id'),
  phone: varchar('phone', { length: 50 }),
  promptDate: day('prompt_date').notNull(),
  smsStatus: smallint('sms_status').notNull().default(0),
  closedAt: stamp('closed_at'),
});

export type ClaimRow = typeof claim.$inferSelect;
export type LineRow = typeof claimItem.$inferSelect;
export type AttachmentRow = typeof claimAttachment.$inferSelect;
