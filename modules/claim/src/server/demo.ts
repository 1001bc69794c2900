import type { Insuree } from '@mutua/insuree';
import type { Ctx, GenerateOptions } from '@mutua/kernel';
import { daysBetween } from '../domain/dates.js';
import type { ClaimInput, ClaimLineInput } from '../points.js';
import { depsOf } from './deps.js';
import { generate } from './generate.js';
import type { ClaimService } from './service.js';

const pad = (n: number) => String(n).padStart(2, '0');
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** `d` minus `days` days (calendar arithmetic in UTC, no time zone drift). */
export function daysBefore(d: string, days: number): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

interface Picked {
  insuree: Insuree;
  covered: boolean;
}

/**
 * Demo claims at the demo facilities for the demo insurees, in every status, dated from today so the demo always
 * looks current (like the policy demo): entered, checked, rejected (an uncovered patient: reason 3; a delivery for a
 * man: reason 4), processed and valuated, selected for review (one reviewed and delivered, one bypassed) and for
 * feedback (one delivered). The same claims on every run: codes DEMO-…, insurees and lines in a fixed order.
 */
export async function seedDemo(ctx: Ctx, claims: ClaimService): Promise<void> {
  const deps = depsOf.get(claims);
  if (!deps) throw new Error('claim demo: service without its dependencies');
  const today = localToday();
  const hfs = (
    await Promise.all(['HF1101', 'HF1201'].map((c) => deps.location.findHealthFacilityByCode(ctx, c)))
  ).filter((h) => h !== null);
  if (!hfs.length) return;
  const insurees = (await deps.insuree.searchInsurees(ctx, {}, { first: 200 })).edges.map((e) => e.node);
  const picked: Picked[] = [];
  for (const insuree of insurees) {
    const covered = (await deps.policy.coveringPolicies(ctx, insuree.id, daysBefore(today, 20))).some(
      (p) => p.status === 2,
    );
    picked.push({ insuree, covered });
  }
  const adult = (p: Picked) => daysBetween(p.insuree.dob, today) > 18 * 366;
  const men = picked.filter((p) => p.covered && adult(p) && p.insuree.gender === 'M');
  const women = picked.filter((p) => p.covered && adult(p) && p.insuree.gender === 'F');
  const uncovered = picked.filter((p) => !p.covered);
  if (!men.length) return;

  const icds = (await deps.medical.searchDiagnoses(ctx, {}, { first: 10 })).edges.map((e) => e.node);
  const lists = await deps.pricelist.facilityPricelists(ctx, hfs[0]!.id);
  const items = lists.itemsPricelistId ? await deps.pricelist.items.details(ctx, lists.itemsPricelistId) : [];
  const services = lists.servicesPricelistId
    ? await deps.pricelist.services.details(ctx, lists.servicesPricelistId)
    : [];
  const byCode = (rows: typeof items, code: string) => rows.find((r) => r.code === code)?.medicalId;
  const drugs = ['D001', 'D002', 'D003', 'D004'].map((c) => byCode(items, c)).filter((x): x is string => !!x);
  const consult = byCode(services, 'S002') ?? byCode(services, 'S001');
  const delivery = services.find((s) => s.name?.startsWith('Accouchement eutocique simple'))?.medicalId;
  if (drugs.length < 2 || !consult || !icds.length) return;
  const line = (medicalId: string, qty: string): ClaimLineInput => ({ medicalId, qtyProvided: qty });

  let n = 0;
  const make = async (o: {
    who: Picked;
    hf?: number;
    daysAgo: number;
    items?: ClaimLineInput[];
    services?: ClaimLineInput[];
  }) => {
    n++;
    const claimed = daysBefore(today, o.daysAgo);
    const input: ClaimInput = {
      code: `DEMO-${String(n).padStart(3, '0')}`,
      hfId: hfs[(o.hf ?? 0) % hfs.length]!.id,
      insureeNumber: o.who.insuree.chfId,
      // A one-day visit: out-patient care (a longer stay would make it in-patient care).
      dateFrom: claimed,
      dateTo: claimed,
      dateClaimed: claimed,
      icdId: icds[n % icds.length]!.id,
      visitType: 'O',
      items: o.items ?? [line(drugs[0]!, '2'), line(drugs[1]!, '1')],
      services: o.services ?? [line(consult, '1')],
    };
    return claims.createClaim(ctx, input);
  };
  const man = (i: number) => men[i % men.length]!;

  // Entered (status 2): waiting for the clerk to submit.
  await make({ who: man(0), daysAgo: 1 });
  await make({ who: man(1), daysAgo: 2, items: [line(drugs[2] ?? drugs[0]!, '3')] });
  await make({ who: man(2), hf: 1, daysAgo: 3 });
  // Checked (status 4).
  const checked = [await make({ who: man(3), daysAgo: 5 }), await make({ who: man(4), daysAgo: 6 })];
  // Checked with one line rejected: a delivery for a man (reason 4).
  const partly = delivery
    ? [await make({ who: man(5), daysAgo: 7, services: [line(consult, '1'), line(delivery, '1')] })]
    : [];
  // Rejected (status 1): a patient without an active policy (reason 3 on every line).
  const rejected = uncovered.length ? [await make({ who: uncovered[0]!, daysAgo: 8 })] : [];
  // Valuated (status 16) and, for women, a delivery.
  const valued = [
    await make({ who: man(6), daysAgo: 20 }),
    await make({ who: man(7), hf: 1, daysAgo: 25 }),
    ...(women.length && delivery ? [await make({ who: women[0]!, daysAgo: 30, services: [line(delivery, '1')] })] : []),
  ];
  // Review: one selected, one reviewed and delivered, one bypassed; feedback: one selected, one delivered.
  const review = [
    await make({ who: man(8), daysAgo: 10, items: [line(drugs[0]!, '10'), line(drugs[1]!, '6')] }),
    await make({ who: man(9), daysAgo: 11, items: [line(drugs[0]!, '8')] }),
    await make({ who: man(10), daysAgo: 12 }),
  ];
  const feedback = [await make({ who: man(11), daysAgo: 13 }), await make({ who: man(12), daysAgo: 14 })];

  await claims.submitClaims(
    ctx,
    [...checked, ...partly, ...rejected, ...valued, ...review, ...feedback].map((c) => c.id),
  );
  await claims.processClaims(
    ctx,
    valued.map((c) => c.id),
  );
  await claims.setReviewStatus(
    ctx,
    review.map((c) => c.id),
    'select',
  );
  const reviewed = await claims.getClaim(ctx, review[1]!.id);
  if (reviewed?.status === 4 && reviewed.items[0]) {
    await claims.saveReview(ctx, reviewed.id, {
      lines: [
        {
          id: reviewed.items[0].id,
          qtyApproved: '5',
          justification: 'Quantité au-delà du protocole',
        },
      ],
      adjustment: 'Quantité ramenée au protocole de traitement.',
      deliver: true,
    });
  }
  await claims.setReviewStatus(ctx, [review[2]!.id], 'bypass');
  await claims.setFeedbackStatus(
    ctx,
    feedback.map((c) => c.id),
    'select',
  );
  const fb = await claims.getClaim(ctx, feedback[1]!.id);
  if (fb?.status === 4)
    await claims.deliverFeedback(ctx, fb.id, {
      careRendered: true,
      paymentAsked: false,
      drugPrescribed: true,
      drugReceived: true,
      assessment: 4,
      feedbackDate: daysBefore(today, 2),
    });
  await (await import('./demo-october.js')).seedOctoberClaims(ctx, claims);
}

/** Earlier claims at scale over the generated insurees (see generate.ts). */
export async function generateClaims(ctx: Ctx, claims: ClaimService, opts: GenerateOptions): Promise<void> {
  const deps = depsOf.get(claims);
  if (!deps) throw new Error('claim generate: service without its dependencies');
  await generate(ctx, deps, opts);
}
