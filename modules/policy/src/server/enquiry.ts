import { INSUREE_RIGHTS, type InsureeApi } from '@mutua/insuree';
import { type Ctx, InputError, requireRight } from '@mutua/kernel';
import type { MedicalApi } from '@mutua/medical';
import type { ProductApi } from '@mutua/product';
import { and, count, inArray, isNull } from 'drizzle-orm';
import { ageOn, localToday } from '../domain/dates.js';
import {
  type Category,
  type CategoryCheck,
  countsLeft,
  type EligibilityRow,
  eligibility as eligibilityRule,
  enquiryRows,
  type LedgerCents,
  remainingAmounts,
  statusLetter,
  ZERO_LEDGER,
} from '../domain/enquiry.js';
import { centsOr0 } from '../domain/money.js';
import { termsOf } from '../domain/terms.js';
import type {
  ConsumptionProvider,
  Coverage,
  CoveragePolicy,
  DedRemSums,
  Eligibility,
  InsureePolicy,
  Policy,
  PolicyUsage,
} from '../points.js';
import type { Reader } from './read.js';
import { insureePolicy } from './schema.js';

export interface EnquiryDeps {
  insuree: InsureeApi;
  product: ProductApi;
  medical: MedicalApi;
  read: Reader;
  ageOfMajority: number;
  consumption: () => ConsumptionProvider | null;
}

const ledger = (s: DedRemSums | undefined): LedgerCents =>
  s
    ? {
        dedG: centsOr0(s.dedG),
        dedIp: centsOr0(s.dedIp),
        dedOp: centsOr0(s.dedOp),
        remG: centsOr0(s.remG),
        remIp: centsOr0(s.remIp),
        remOp: centsOr0(s.remOp),
      }
    : ZERO_LEDGER;

/** Service categories whose count and amount caps decide a service's eligibility (RULES.md §8.1). */
const CATEGORY_CAPS: Partial<Record<string, { count: keyof ReturnType<typeof countsLeft>; amount: string }>> = {
  S: { count: 'surgeries', amount: 'maxAmountSurgery' },
  C: { count: 'consultations', amount: 'maxAmountConsultation' },
  D: { count: 'deliveries', amount: 'maxAmountDelivery' },
};

/** The coverage enquiry by insurance number and the item/service eligibility (RULES.md §8). */
export function createEnquiry(deps: EnquiryDeps) {
  const { insuree, product, read } = deps;

  async function usageFor(
    ctx: Ctx,
    insureeId: string,
    policies: Policy[],
    coverage: InsureePolicy[],
  ): Promise<Record<string, PolicyUsage>> {
    const provider = deps.consumption();
    if (!provider || !policies.length) return {};
    return provider.usage(ctx, {
      insureeId,
      policies: policies.map((p) => {
        const c = coverage.find((r) => r.policyId === p.id);
        return {
          id: p.id,
          productId: p.productId,
          from: c?.effectiveDate ?? p.startDate,
          to: c?.expiryDate ?? p.expiryDate,
        };
      }),
    });
  }

  async function load(ctx: Ctx, chfId: string) {
    requireRight(ctx, INSUREE_RIGHTS.insureeEnquire);
    const number = chfId.trim();
    if (!number) throw InputError.fields([{ field: 'chfId', key: 'policy.error.chfIdRequired' }]);
    const person = await insuree.findByNumber(ctx, number);
    if (!person) return null;
    const coverage = await read.insureeCoverage(ctx, person.id);
    const policies = await read.getPolicies(
      ctx,
      coverage.map((c) => c.policyId),
    );
    return { person, coverage, policies };
  }

  return {
    async coverage(ctx: Ctx, chfId: string, today?: string | null): Promise<Coverage | null> {
      const day = today ?? localToday();
      const loaded = await load(ctx, chfId);
      if (!loaded) return null;
      const { person, coverage, policies } = loaded;
      const products = new Map(
        (await product.getProducts(ctx, [...new Set(policies.map((p) => p.productId))])).map((p) => [p.id, p]),
      );
      const usage = await usageFor(ctx, person.id, policies, coverage);
      const memberCounts = new Map<string, number>();
      if (policies.length) {
        const rows = await ctx.db
          .select({ policyId: insureePolicy.policyId, n: count() })
          .from(insureePolicy)
          .where(
            and(
              inArray(
                insureePolicy.policyId,
                policies.map((p) => p.id),
              ),
              isNull(insureePolicy.validTo),
            ),
          )
          .groupBy(insureePolicy.policyId);
        for (const r of rows) memberCounts.set(r.policyId, r.n);
      }
      const items: Array<CoveragePolicy & { letter: CoveragePolicy['statusLetter']; expiryDate: string }> = [];
      for (const p of policies) {
        const prod = products.get(p.productId);
        if (!prod) continue;
        const terms = termsOf(prod);
        const mine = coverage.find((c) => c.policyId === p.id) ?? null;
        const u = usage[p.id];
        const members = Math.min(terms.maxMembers || Number.MAX_SAFE_INTEGER, memberCounts.get(p.id) ?? 0);
        const letter = statusLetter(p.status, mine, day);
        items.push({
          policy: p,
          productCode: prod.code,
          productName: prod.name,
          statusLetter: letter,
          letter,
          expiryDate: p.expiryDate,
          coverage: mine,
          remaining: remainingAmounts(terms, { insuree: ledger(u?.insuree), policy: ledger(u?.policy) }, members),
          countsLeft: countsLeft(terms, u?.claimsByCategory ?? {}),
        });
      }
      const shown = enquiryRows(items, day).sort((a, b) => (a.expiryDate < b.expiryDate ? 1 : -1));
      return {
        insuree: {
          id: person.id,
          chfId: person.chfId,
          lastName: person.lastName,
          otherNames: person.otherNames,
          dob: person.dob,
          gender: person.gender,
          photoUrl: person.photoUrl,
          familyId: person.familyId,
        },
        policies: shown.map(({ letter: _l, expiryDate: _e, ...rest }) => rest),
      };
    },

    async eligibility(
      ctx: Ctx,
      chfId: string,
      what: { itemCode?: string | null; serviceCode?: string | null },
      today?: string | null,
    ): Promise<Eligibility | null> {
      const day = today ?? localToday();
      const kind = what.serviceCode?.trim() ? 'service' : 'item';
      const code = (kind === 'service' ? what.serviceCode : what.itemCode)?.trim() ?? '';
      const fieldName = kind === 'service' ? 'serviceCode' : 'itemCode';
      if (!code) throw InputError.fields([{ field: fieldName, key: 'policy.error.codeRequired' }]);
      const loaded = await load(ctx, chfId);
      if (!loaded) return null;
      const medical =
        kind === 'service'
          ? await deps.medical.findServiceByCode(ctx, code, day)
          : await deps.medical.findItemByCode(ctx, code, day);
      if (!medical)
        throw InputError.fields([{ field: fieldName, key: 'policy.error.medicalNotFound', params: { code } }]);
      const { person, coverage } = loaded;
      const adult = ageOn(person.dob, day) >= deps.ageOfMajority;
      // Only active policies, with the member covered (RULES.md §8.1).
      const active = loaded.policies.filter((p) => p.status === 2);
      const usage = await usageFor(ctx, person.id, active, coverage);
      const rows: EligibilityRow[] = [];
      let summary: { terms: ReturnType<typeof termsOf>; policyId: string; expiry: string } | null = null;
      for (const p of active) {
        const c = coverage.find((r) => r.policyId === p.id);
        if (!c?.effectiveDate || c.expiryDate < day) continue;
        const lines =
          kind === 'service'
            ? await product.productServices(ctx, p.productId, day)
            : await product.productItems(ctx, p.productId, day);
        const prod = await product.getProduct(ctx, p.productId);
        if (prod && (!summary || c.expiryDate > summary.expiry))
          summary = { terms: termsOf(prod), policyId: p.id, expiry: c.expiryDate };
        const line = lines.find((l) => l.medicalId === medical.id);
        if (!line) continue;
        const used =
          (kind === 'service' ? usage[p.id]?.serviceQuantities : usage[p.id]?.itemQuantities)?.[medical.id] ?? 0;
        rows.push({
          effectiveDate: c.effectiveDate,
          waitingPeriod: adult ? line.waitingPeriodAdult : line.waitingPeriodChild,
          limitNo: adult ? line.limitNoAdult : line.limitNoChild,
          used,
        });
      }
      let category: CategoryCheck | null = null;
      const cat = kind === 'service' ? (medical as { category?: string | null }).category : null;
      const caps = cat ? CATEGORY_CAPS[cat] : undefined;
      if (caps && summary) {
        const counts = countsLeft(
          summary.terms,
          (usage[summary.policyId]?.claimsByCategory ?? {}) as Partial<Record<Category, number>>,
        );
        category = { countLeft: counts[caps.count], maxAmount: summary.terms[caps.amount as 'maxAmountSurgery'] };
      }
      const r = eligibilityRule(rows, day, category);
      const noPolicy = !active.some((p) => coverage.some((c) => c.policyId === p.id && c.effectiveDate));
      return { kind, code, ...r, reason: noPolicy ? 'policy.eligibility.noPolicy' : r.reason };
    },
  };
}
