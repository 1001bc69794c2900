import type { Ctx } from '@mutua/kernel';
import { sql } from 'drizzle-orm';
import type { ClaimLineInput } from '../points.js';
import { depsOf } from './deps.js';
import type { ClaimService } from './service.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Processed claims for the monthly batch journey (claim-batch, issue 6): hospital stays of MUS-FAM members, whose
 * in-patient services are paid at relative price (origin R), entered, submitted and processed, then stamped as
 * processed in the last October before today, so that the October batch of the demo country has an index and
 * provider bills. Codes DEMO-OCT-…; nothing is added when the demo has no MUS-FAM member covered in October.
 */
export async function seedOctoberClaims(ctx: Ctx, claims: ClaimService): Promise<void> {
  const deps = depsOf.get(claims);
  if (!deps) throw new Error('claim demo: service without its dependencies');
  const now = new Date();
  const year = now.getMonth() + 1 > 10 ? now.getFullYear() : now.getFullYear() - 1;
  const oct = (day: number) => `${year}-10-${pad(day)}`;
  const fam = await deps.product.findByCode(ctx, 'MUS-FAM');
  const hospital = await deps.location.findHealthFacilityByCode(ctx, 'HF1201');
  const centre = await deps.location.findHealthFacilityByCode(ctx, 'HF1101');
  if (!fam || !hospital) return;
  const insurees = (await deps.insuree.searchInsurees(ctx, {}, { first: 200 })).edges.map((e) => e.node);
  const members = [];
  for (const insuree of insurees) {
    const policies = await deps.policy.coveringPolicies(ctx, insuree.id, oct(1));
    if (policies.some((p) => p.status === 2 && p.productId === fam.id)) members.push(insuree);
  }
  if (!members.length) return;
  const icds = (await deps.medical.searchDiagnoses(ctx, {}, { first: 5 })).edges.map((e) => e.node);
  if (!icds.length) return;

  const servicesOf = async (hfId: string) => {
    const lists = await deps.pricelist.facilityPricelists(ctx, hfId);
    return lists.servicesPricelistId ? await deps.pricelist.services.details(ctx, lists.servicesPricelistId) : [];
  };
  const named = (rows: Awaited<ReturnType<typeof servicesOf>>, prefix: string) =>
    rows.find((r) => r.name?.startsWith(prefix))?.medicalId;
  // More than one unit of a service needs an explanation (claim config serviceExplanationRequired).
  const line = (medicalId: string, qty: string): ClaimLineInput => ({
    medicalId,
    qtyProvided: qty,
    ...(qty === '1' ? {} : { explanation: `${qty} jours d'hospitalisation` }),
  });

  const stays: Array<{ hfId: string; from: number; days: number; lines: ClaimLineInput[] }> = [];
  const hospitalServices = await servicesOf(hospital.id);
  const ward = named(hospitalServices, "Journée d'hospitalisation en salle commune (hôpital");
  const observation = named(hospitalServices, 'Mise en observation');
  if (ward) {
    stays.push({ hfId: hospital.id, from: 3, days: 3, lines: [line(ward, '3')] });
    stays.push({
      hfId: hospital.id,
      from: 12,
      days: 2,
      lines: [line(ward, '2'), ...(observation ? [line(observation, '1')] : [])],
    });
    stays.push({ hfId: hospital.id, from: 21, days: 4, lines: [line(ward, '4')] });
  }
  if (centre) {
    const centreWard = named(await servicesOf(centre.id), "Journée d'hospitalisation en salle commune (CSI");
    if (centreWard) stays.push({ hfId: centre.id, from: 8, days: 2, lines: [line(centreWard, '2')] });
  }
  const created = [];
  for (const [i, stay] of stays.entries()) {
    const who = members[i % members.length]!;
    created.push(
      await claims.createClaim(ctx, {
        code: `DEMO-OCT-${pad(i + 1)}`,
        hfId: stay.hfId,
        insureeNumber: who.chfId,
        dateFrom: oct(stay.from),
        dateTo: oct(stay.from + stay.days),
        dateClaimed: oct(stay.from + stay.days),
        icdId: icds[i % icds.length]!.id,
        visitType: 'O',
        items: [],
        services: stay.lines,
      }),
    );
  }
  if (!created.length) return;
  const ids = created.map((c) => c.id);
  await claims.submitClaims(ctx, ids);
  await claims.processClaims(ctx, ids);
  // The claims were processed "today"; the journey needs them processed in October, before the month's batch.
  await ctx.db.execute(
    sql`UPDATE claim SET date_processed = ${oct(28)}::date
        WHERE id IN (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) AND status = 8`,
  );
}
