import { formatMoney, type HistoryView } from '@mutua/web-kernel';
import type { TFunction } from 'i18next';
import type { PolicyRow } from './api';

const ACTIONS = ['create', 'renew', 'activate', 'ready', 'suspend', 'expire', 'memberAdded', 'delete'] as const;

/** A policy's history as its page reads: statuses and stages by name, the value as money, ids and stamps left out. */
export function policyHistoryView(t: TFunction, lang: string, p: PolicyRow): HistoryView {
  const field = (key: string) => t(`policy.field.${key}`);
  const hidden = null;
  return {
    fields: {
      productId: {
        label: field('product'),
        format: (v) => (v === p.productId && p.product ? `${p.product.code} — ${p.product.name}` : String(v)),
      },
      status: { label: field('status'), format: (v) => t(`policy.status.${String(v)}`) },
      stage: { label: field('stage'), format: (v) => t(`policy.stage.${String(v)}`) },
      enrollDate: { label: field('enrollDate') },
      startDate: { label: field('startDate') },
      effectiveDate: { label: field('effectiveDate') },
      expiryDate: { label: field('expiryDate') },
      value: { label: field('value'), format: (v) => formatMoney(String(v), lang) },
      // ids and stamps are left out by the panel itself (BOOKKEEPING_FIELDS)
      familyId: hidden,
      officerId: hidden,
      previousPolicyId: hidden,
    },
    actions: Object.fromEntries(ACTIONS.map((a) => [a, t(`policy.history.${a}`)])),
  };
}
