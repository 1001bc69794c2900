import { type Ctx, type GenerateOptions, uuidv7, withTransaction } from '@mutua/kernel';
import type { Location } from '@mutua/location';
import type { MedicalItem, MedicalServiceRow } from '@mutua/medical';
import { checkLine, checkProduct, type LineDefaults } from '../domain/rules.js';
import type { LineInput, ProductInput, ProductValues } from '../domain/types.js';
import type { ProductApi } from '../points.js';
import { all, demoDeps } from './demo.js';
import { lineTable } from './read.js';
import { product } from './schema.js';

/** Generated products' codes start with this (the policy generator picks them by it). */
export const GENERATED_PREFIX = 'GP-';
export const NATIONAL_CODE = `${GENERATED_PREFIX}NAT`;

/** Sale window and the version's start: the products exist since their sale opened, so "as of" reads find them. */
const DATE_FROM = '2024-01-01';
const DATE_TO = '2030-12-31';
const VALID_FROM = new Date(`${DATE_FROM}T00:00:00Z`);
const CHUNK = 1000;

/** A deterministic choice in [0, n) for (seed, product, line): a multiplicative hash, no PRNG state to thread. */
const hashPick = (seed: number, prod: number, line: number, n: number): number =>
  ((Math.imul(seed ^ 0x5bd1, 0x85ebca6b) ^ Math.imul(prod + 1, 0xc2b2ae35) ^ Math.imul(line + 1, 0x27d4eb2f)) >>> 0) %
  n;

/** Terms every generated product shares: one yearly cycle on 1 January, 12 months, in-patient relative index. */
const COMMON: ProductInput = {
  dateFrom: DATE_FROM,
  dateTo: DATE_TO,
  insurancePeriod: 12,
  gracePeriodEnrolment: 1,
  gracePeriodRenewal: 1,
  gracePeriodPayment: 2,
  startCycle1: '01-01',
  maxMembers: 0,
  threshold: 0,
  // "Other" relatives (relationship 7) pay on top of the lump sum (policy value rules).
  premiumAdult: '4000',
  premiumChild: '2000',
  generalAssemblyLumpSum: '500',
  registrationLumpSum: '1000',
  relativeDistribution: [{ careType: 'I', periods: Array.from({ length: 12 }, () => '60') }],
  capitationLevel1: 'D',
  capitationSublevel1: 'N',
  shareContribution: '100',
  weightInsuredPopulation: '100',
  accCodePremiums: '706100',
  accCodeRemuneration: '602100',
};

/**
 * The products of a generated country: a national family plan with a general ceiling per policy (the only ceiling),
 * and one regional plan per region (lump sum varying by region, no deductible or ceiling). Lump sums only: the
 * policy value is the lump sum plus assembly and registration lump sums (and "other" relatives).
 */
export function planProducts(seed: number, regions: ReadonlyArray<Pick<Location, 'id' | 'code' | 'name'>>) {
  const national: ProductInput = {
    ...COMMON,
    code: NATIONAL_CODE,
    name: 'Assurance maladie nationale (générée)',
    lumpSum: '18000',
    ceilingType: 'P',
    ceilingInterpretation: 'I',
    maxPolicy: '1500000',
  };
  const regional = regions.map(
    (r, k): ProductInput => ({
      ...COMMON,
      code: `${GENERATED_PREFIX}${r.code}`.slice(0, 8),
      name: `Mutuelle régionale ${r.name} (générée)`.slice(0, 100),
      locationId: r.id,
      lumpSum: String(10000 + 1000 * hashPick(seed, k + 1, 0, 8)),
    }),
  );
  return [national, ...regional];
}

/** Services paid from the relative index (the in-patient stays). */
const relative = (s: Pick<MedicalServiceRow, 'category' | 'careType'>) => s.category === 'H';

/**
 * Lines of one product for every register entry, all covered at 100 % without waiting period or number limit (so
 * claims pass): price list (P) for most, relative (R) for hospitalisations, the provider's price (O) for ~2 % of items.
 */
export function planLines(
  seed: number,
  productIndex: number,
  items: ReadonlyArray<Pick<MedicalItem, 'id'>>,
  services: ReadonlyArray<Pick<MedicalServiceRow, 'id' | 'category' | 'careType'>>,
): { item: LineInput[]; service: LineInput[] } {
  const open = { waitingPeriodAdult: 0, waitingPeriodChild: 0 };
  return {
    item: items.map((it, i) => ({
      medicalId: it.id,
      priceOrigin: hashPick(seed, productIndex, i, 50) === 0 ? 'O' : 'P',
      ...open,
    })),
    service: services.map((s) => ({ medicalId: s.id, priceOrigin: relative(s) ? 'R' : 'P', ...open })),
  };
}

function values(input: ProductInput): ProductValues {
  const { problems, values } = checkProduct(input);
  if (problems.length) throw new Error(`product generate: ${input.code} ${JSON.stringify(problems)}`);
  return values;
}

function lineRow(productId: string, input: LineInput, defaults: LineDefaults) {
  const { problems, values } = checkLine(input, '', defaults);
  if (problems.length) throw new Error(`product generate: line ${JSON.stringify(problems)}`);
  return { rowId: uuidv7(), id: uuidv7(), productId, medicalId: input.medicalId, validFrom: VALID_FROM, ...values };
}

/**
 * `mutua generate`: the planned products, each with a line for every item and service of the register, written
 * directly (field rules of the product form applied, no audit or hooks: nobody edited them), one transaction per
 * product.
 */
export async function generate(ctx: Ctx, service: ProductApi, opts: GenerateOptions): Promise<void> {
  const deps = demoDeps.get(service);
  if (!deps) throw new Error('product generate: service without its dependencies');
  const { medical, location } = deps;
  const items = await all<MedicalItem>((after) => medical.searchItems(ctx, {}, { first: 500, after }));
  const services = await all<MedicalServiceRow>((after) => medical.searchServices(ctx, {}, { first: 500, after }));
  const regions = (await location.children(ctx, null)).sort((a, b) => a.code.localeCompare(b.code));
  const products = planProducts(opts.seed, regions);
  const defaults = service.limitDefaults();
  const total = products.length * (items.length + services.length);
  let done = 0;
  for (const [k, input] of products.entries()) {
    const id = uuidv7();
    const lines = planLines(opts.seed, k, items, services);
    await withTransaction(ctx, async (tx) => {
      await tx.db.insert(product).values({ rowId: uuidv7(), id, validFrom: VALID_FROM, ...values(input) } as never);
      for (const kind of ['item', 'service'] as const) {
        for (let i = 0; i < lines[kind].length; i += CHUNK) {
          const rows = lines[kind].slice(i, i + CHUNK).map((l) => lineRow(id, l, defaults));
          await tx.db.insert(lineTable(kind)).values(rows);
        }
      }
    });
    done += items.length + services.length;
    await opts.progress(done, total, 'products');
  }
}
