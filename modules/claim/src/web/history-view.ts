import type { HistoryView } from '@mutua/web-kernel';
import type { TFunction } from 'i18next';
import type { ClaimLineRow, ClaimRow } from './api';
import { money, qty, reasonText } from './labels';

/** A line as the claim's audit entries hold it (entered, checked or reviewed: the fields it has then). */
interface AuditedLine {
  kind?: 'item' | 'service';
  medicalId?: string;
  qtyProvided?: string;
  priceAsked?: string | null;
  qtyApproved?: string | null;
  priceApproved?: string | null;
  status?: number;
  rejectionReason?: number;
  rejectionParams?: Record<string, unknown> | null;
}

const ACTIONS = [
  ['submit', 'submit'],
  ['process', 'process'],
  ['restore', 'restore'],
  ['batch', 'batch'],
  ['review', 'review'],
  ['review.deliver', 'reviewDeliver'],
  ['review.select', 'reviewSelect'],
  ['review.skip', 'reviewSkip'],
  ['review.bypass', 'reviewBypass'],
  ['feedback.select', 'feedbackSelect'],
  ['feedback.skip', 'feedbackSkip'],
  ['feedback.bypass', 'feedbackBypass'],
  ['feedback.deliver', 'feedbackDeliver'],
  ['attach', 'attach'],
  ['detach', 'detach'],
] as const;

/**
 * The claim's history in a claim administrator's words: statuses, amounts and lines as the claim page shows them
 * (codes of the items and services, not their ids), ids and time stamps left out.
 */
export function claimHistoryView(t: TFunction, lang: string, c: ClaimRow): HistoryView {
  const lines = [...c.items, ...c.services];
  // By kind too: an item and a service are in different registers, their ids could meet.
  const codeOf = new Map(
    lines.map((l: ClaimLineRow) => [`${l.kind}|${l.medicalId}`, (l.item ?? l.service)?.code ?? l.medicalId]),
  );
  const text = (v: unknown) => String(v);
  const amount = (v: unknown) => money(text(v), lang);
  const known = (id: string | undefined, code: string | undefined, name?: string) => (v: unknown) =>
    v === id && code ? `${code}${name ? ` ${name}` : ''}` : text(v);
  const line = (l: AuditedLine, kind: 'item' | 'service' | undefined) => {
    const code = codeOf.get(`${l.kind ?? kind}|${l.medicalId}`) ?? l.medicalId ?? '?';
    const asked = l.qtyProvided
      ? ` × ${qty(l.qtyProvided)}${l.priceAsked ? ` @ ${money(l.priceAsked, lang)}` : ''}`
      : '';
    const approved =
      l.qtyApproved || l.priceApproved
        ? ` → ${l.qtyApproved ? qty(l.qtyApproved) : ''}${l.priceApproved ? ` @ ${money(l.priceApproved, lang)}` : ''}`
        : '';
    const verdict =
      l.status === 2 || (l.rejectionReason ?? 0) !== 0
        ? ` — ${t('claim.history.rejectedFor', { reason: reasonText(t, l.rejectionReason ?? 0, l.rejectionParams ?? null) })}`
        : l.status === 1 && !asked
          ? ` — ${t('claim.line.passed')}`
          : '';
    return `${code}${asked}${approved}${verdict}`;
  };
  const lineList = (kind?: 'item' | 'service') => (v: unknown) =>
    Array.isArray(v) ? (v as AuditedLine[]).map((l) => line(l, kind)).join('; ') : text(v);
  const field = (key: string) => t(`claim.field.${key}`);
  const hidden = null;
  return {
    fields: {
      // In the order of the claim page, so that an entry reads like the claim.
      code: { label: field('code') },
      status: { label: field('status'), format: (v) => t(`claim.status.${text(v)}`) },
      reviewStatus: { label: field('reviewStatus'), format: (v) => t(`claim.selection.${text(v)}`) },
      feedbackStatus: { label: field('feedbackStatus'), format: (v) => t(`claim.selection.${text(v)}`) },
      hfId: { label: field('healthFacility'), format: known(c.hfId, c.healthFacility?.code, c.healthFacility?.name) },
      insureeId: {
        label: field('insuree'),
        format: known(c.insureeId, c.insuree?.chfId, c.insuree ? `${c.insuree.lastName} ${c.insuree.otherNames}` : ''),
      },
      dateFrom: { label: field('dateFrom') },
      dateTo: { label: field('dateTo') },
      dateClaimed: { label: field('dateClaimed') },
      visitType: { label: field('visitType'), format: (v) => t(`claim.visitType.${text(v)}`) },
      icdId: { label: field('diagnosis'), format: known(c.icdId, c.diagnosis?.code, c.diagnosis?.name) },
      secondaryIcdIds: {
        label: field('secondaryDiagnoses'),
        format: (v) =>
          Array.isArray(v)
            ? v.map((id) => c.secondaryDiagnoses.find((d) => d.id === id)?.code ?? text(id)).join(', ') || '∅'
            : text(v),
      },
      category: { label: field('category'), format: (v) => t(`claim.category.${text(v)}`) },
      guaranteeId: { label: field('guaranteeId') },
      explanation: { label: field('explanation') },
      adjustment: { label: field('adjustment') },
      claimed: { label: field('claimed'), format: amount },
      approved: { label: field('approved'), format: amount },
      valuated: { label: field('valuated'), format: amount },
      remunerated: { label: t('claim.history.field.remunerated'), format: amount },
      dateProcessed: { label: t('claim.history.field.dateProcessed') },
      rejectionReason: {
        label: t('claim.history.field.rejectionReason'),
        format: (v) => (Number(v) === 0 ? t('claim.history.noReason') : reasonText(t, Number(v), null)),
      },
      reviewFlags: {
        label: t('claim.history.field.reviewFlags'),
        format: (v) =>
          Array.isArray(v)
            ? (v as Array<{ key: string; params?: Record<string, unknown> | null }>)
                .map((f) => t(f.key, { ...(f.params ?? {}) }))
                .join('; ') || '∅'
            : text(v),
      },
      lines: { label: t('claim.history.field.lines'), format: lineList() },
      items: { label: t('claim.page.items'), format: lineList('item') },
      services: { label: t('claim.page.services'), format: lineList('service') },
      feedback: {
        label: t('claim.feedback.title'),
        format: (v) => {
          const f = v as Record<string, unknown>;
          const answers = (['careRendered', 'paymentAsked', 'drugPrescribed', 'drugReceived'] as const)
            .filter((q) => f[q] !== null && f[q] !== undefined)
            .map(
              (q) =>
                `${t(`claim.feedback.${q}`)}${t('core.labelSep')}${t(f[q] ? 'core.history.yes' : 'core.history.no')}`,
            );
          if (f.assessment !== null && f.assessment !== undefined)
            answers.push(t(`claim.feedback.score_${String(f.assessment)}`));
          if (f.feedbackDate) answers.push(`${t('claim.feedback.date')}${t('core.labelSep')}${String(f.feedbackDate)}`);
          return answers.join('; ');
        },
      },
      filename: { label: t('claim.history.field.filename') },
      mime: { label: t('claim.history.field.mime') },
      size: { label: t('claim.history.field.size') },
      // ids and stamps are left out by the panel itself (BOOKKEEPING_FIELDS)
      feedbackAvailable: hidden,
      batchRunId: hidden,
    },
    actions: Object.fromEntries(ACTIONS.map(([action, key]) => [action, t(`claim.history.action.${key}`)])),
  };
}
