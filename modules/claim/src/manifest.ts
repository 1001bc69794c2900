import type { ModuleManifest } from '@mutua/kernel';
import { z } from 'zod';

/** Named rights of the claim module; legacy codes from DOMAIN.md §2.3 so the seeded system roles receive them. */
export const RIGHTS = {
  search: 'claim.claim.search',
  add: 'claim.claim.add',
  delete: 'claim.claim.delete',
  load: 'claim.claim.load',
  print: 'claim.claim.print',
  submit: 'claim.claim.submit',
  review: 'claim.claim.review',
  feedback: 'claim.claim.feedback',
  /** Update a claim, and select/skip/bypass for review and feedback (111010). */
  update: 'claim.claim.update',
  process: 'claim.claim.process',
  restore: 'claim.claim.restore',
} as const;

export const claimConfig = z.object({
  /** Longest claim code (openIMIS `max_claim_length`). */
  maxCodeLength: z.number().int().min(1).max(50).default(20),
  /** Secondary diagnoses allowed (openIMIS `additional_diagnosis_number_allowed`). */
  maxSecondaryDiagnoses: z.number().int().min(0).max(4).default(4),
  /** A service with a quantity above 1 needs an explanation. */
  serviceExplanationRequired: z.boolean().default(true),
  /** Times a rejected claim may be restored; null = unlimited. */
  maxRestore: z.number().int().min(1).nullable().default(null),
  /** Largest attachment, in bytes. */
  maxAttachmentBytes: z.number().int().positive().default(5_000_000),
  /** MIME types an attachment may have. */
  attachmentTypes: z
    .array(z.string())
    .default(['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'text/plain']),
  /** Most lines (items + services) on one claim. */
  maxLines: z.number().int().min(1).default(200),
});
export type ClaimConfig = z.infer<typeof claimConfig>;

export const manifest: ModuleManifest<ClaimConfig> = {
  id: 'claim',
  version: '0.1.0',
  dependsOn: ['location', 'codelist', 'officer', 'medical', 'medical-pricelist', 'product', 'insuree', 'policy'],
  rights: [
    { name: RIGHTS.search, legacyCode: 111001, label: 'claim.right.search' },
    { name: RIGHTS.add, legacyCode: 111002, label: 'claim.right.add' },
    { name: RIGHTS.delete, legacyCode: 111004, label: 'claim.right.delete' },
    { name: RIGHTS.load, legacyCode: 111005, label: 'claim.right.load' },
    { name: RIGHTS.print, legacyCode: 111006, label: 'claim.right.print' },
    { name: RIGHTS.submit, legacyCode: 111007, label: 'claim.right.submit' },
    { name: RIGHTS.review, legacyCode: 111008, label: 'claim.right.review' },
    { name: RIGHTS.feedback, legacyCode: 111009, label: 'claim.right.feedback' },
    { name: RIGHTS.update, legacyCode: 111010, label: 'claim.right.update' },
    { name: RIGHTS.process, legacyCode: 111011, label: 'claim.right.process' },
    { name: RIGHTS.restore, legacyCode: 111012, label: 'claim.right.restore' },
  ],
  config: claimConfig,
};
