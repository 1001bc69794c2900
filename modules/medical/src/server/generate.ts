import { type Benchmark, type Ctx, type GenerateOptions, withTransaction } from '@mutua/kernel';
import { and, asc, count, ilike, isNull, or } from 'drizzle-orm';
import { mulberry32 } from '../domain/prng.js';
import type { ItemValues, ServiceValues } from '../domain/types.js';
import type { MedicalApi } from '../points.js';
import { demoItems, demoServices, icd10, insertFirstVersions } from './demo.js';
import { diagnosis, medicalItem, medicalService } from './schema.js';

export const GENERATED_ITEMS = 2000;
export const GENERATED_SERVICES = 1000;
/** When the generated registers start (before the generated price lists, products and policies). */
const REGISTER_SINCE = new Date('2024-01-01T00:00:00Z');

const SUPPLIERS = ['CAMEG', 'PPM', 'ONPPC', 'CAMEBU', 'SNPC', 'Sanofi', 'Cipla', 'Denk', 'Pharmivoire', 'Medis'];

/** Whole FCFA within ±(−20 %, +50 %) of the base, rounded to 5 francs; integer arithmetic only. */
function vary(price: string, rng: ReturnType<typeof mulberry32>): string {
  const base = Number(price.split('.')[0]);
  const francs = Math.round((base * rng.int(80, 150)) / 100 / 5) * 5;
  return `${francs}.00`;
}

/**
 * A national register the size of a real country's (~2,000 items, ~1,000 services, whatever the insurees), derived
 * from the demo lists with supplier variants and tariffs, deterministic for a seed.
 */
export function planRegisters(seed: number): { items: ItemValues[]; services: ServiceValues[] } {
  const rng = mulberry32(seed);
  const baseItems = demoItems();
  const baseServices = demoServices();
  const items = Array.from({ length: GENERATED_ITEMS }, (_, i): ItemValues => {
    const b = rng.pick(baseItems);
    return {
      ...b,
      code: `GI${String(i + 1).padStart(4, '0')}`,
      name: `${b.name} (${rng.pick(SUPPLIERS)})`.slice(0, 100),
      price: vary(b.price, rng),
    };
  });
  const services = Array.from({ length: GENERATED_SERVICES }, (_, i): ServiceValues => {
    const b = rng.pick(baseServices);
    return {
      ...b,
      code: `GS${String(i + 1).padStart(4, '0')}`,
      name: `${b.name} – tarif ${1 + (i % 9)}`.slice(0, 100),
      price: vary(b.price, rng),
    };
  });
  return { items, services };
}

/**
 * `mutua generate`: bulk-inserts the planned registers (first versions, no audit: nobody edited them), and the ICD-10
 * subset claims are coded with, unless the database already has diagnoses (a demo database).
 */
export async function generate(ctx: Ctx, _service: MedicalApi, opts: GenerateOptions): Promise<void> {
  const { items, services } = planRegisters(opts.seed);
  const total = items.length + services.length;
  let done = 0;
  const progress = (label: string) => async (n: number) => {
    done += n;
    await opts.progress(done, total, label);
  };
  // Registers older than every generated claim, price list and product, as in a running scheme: "as of" reads at a
  // claim's date find them (not their current version by the fallback).
  const since = (rows: ReadonlyArray<object>) => rows.map((r) => ({ ...r, validFrom: REGISTER_SINCE }));
  await withTransaction(ctx, async (tx) => {
    await insertFirstVersions(tx, medicalItem, since(items), progress('medical items'));
    await insertFirstVersions(tx, medicalService, since(services), progress('medical services'));
    const [known] = await tx.db.select({ n: count() }).from(diagnosis);
    if (!known?.n) await insertFirstVersions(tx, diagnosis, since(icd10()));
  });
}

/** Item search by name through the service (keyset page + total) against the bare SQL it stands on. */
export async function benchmarks(ctx: Ctx, service: MedicalApi): Promise<Benchmark[]> {
  const rng = mulberry32(11);
  const names = await ctx.db
    .select({ name: medicalItem.name })
    .from(medicalItem)
    .where(isNull(medicalItem.validTo))
    .limit(300);
  if (!names.length) return [];
  const fragment = () => {
    const words = rng
      .pick(names)
      .name.split(/\s+/)
      .filter((w) => w.length >= 4);
    return (words.length ? rng.pick(words) : 'para').slice(0, 4);
  };
  return [
    {
      name: 'medical item search by name (trigram)',
      ops: 1,
      iterations: 200,
      run: async () => {
        await service.searchItems(ctx, { search: fragment() }, { first: 50 });
      },
      baseline: async () => {
        const f = fragment();
        await ctx.db
          .select()
          .from(medicalItem)
          .where(
            and(isNull(medicalItem.validTo), or(ilike(medicalItem.code, `${f}%`), ilike(medicalItem.name, `%${f}%`))),
          )
          .orderBy(asc(medicalItem.code), asc(medicalItem.id))
          .limit(51);
      },
    },
  ];
}
