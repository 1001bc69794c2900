import { readFileSync } from 'node:fs';
import { type Ctx, uuidv7 } from '@mutua/kernel';
import { parse } from 'csv-parse/sync';
import { normaliseDecimal } from '../domain/rules.js';
import type { DiagnosisValues, ItemValues, ServiceValues } from '../domain/types.js';
import type { MedicalApi } from '../points.js';
import { DEMO_CONSUMABLES, DEMO_DRUGS } from './demo-items.js';
import { DEMO_SERVICES } from './demo-services.js';
import { diagnosis, medicalItem, medicalService } from './schema.js';

const lines = (text: string) => text.split('\n').map((l) => l.split('|'));
const code = (prefix: string, i: number, width = 3) => `${prefix}${String(i + 1).padStart(width, '0')}`;

/** The demo items: drugs D001…, consumables M001…; max quantity per claim line from the package. */
export function demoItems(): ItemValues[] {
  const item =
    (type: string, prefix: string) =>
    (f: string[], i: number): ItemValues => ({
      code: code(prefix, i),
      name: f[0]!,
      type,
      package: f[1]!,
      price: normaliseDecimal(f[2]!),
      quantity: null,
      maximumQuantity: type === 'D' ? '100.00' : '20.00',
      careType: f[3]!,
      frequency: null,
      patientCategory: Number(f[4]),
    });
  return [...lines(DEMO_DRUGS).map(item('D', 'D')), ...lines(DEMO_CONSUMABLES).map(item('M', 'M'))];
}

/** The demo services S001…; deliveries and antenatal visits have a frequency (days) as schemes set them. */
export function demoServices(): ServiceValues[] {
  return lines(DEMO_SERVICES).map((f, i) => ({
    code: code('S', i),
    name: f[0]!,
    type: f[1]!,
    category: f[2]!,
    level: f[3]!,
    price: normaliseDecimal(f[4]!),
    maximumQuantity: f[3] === 'D' ? '30.00' : null,
    careType: f[5]!,
    frequency: f[2] === 'D' ? 180 : f[2] === 'A' ? 28 : null,
    patientCategory: Number(f[6]),
    packageType: f[7]!,
    manualPrice: false,
  }));
}

/** The ICD-10 subset shipped in data/icd10.csv (code,name_en,name_fr). */
export function icd10Text(): string {
  return readFileSync(new URL('../../data/icd10.csv', import.meta.url), 'utf8');
}
export function icd10(): DiagnosisValues[] {
  const rows = parse(icd10Text(), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((r) => ({ code: r.code!, name: r.name_en!, nameFr: r.name_fr || null }));
}

/** Bulk insert of first versions (seed and generate: no audit rows, one multi-row INSERT per 500). */
export async function insertFirstVersions(
  ctx: Ctx,
  table: typeof medicalItem | typeof medicalService | typeof diagnosis,
  values: ReadonlyArray<Record<string, unknown>>,
  progress?: (n: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    const part = values.slice(i, i + 500).map((v) => ({ rowId: uuidv7(), id: uuidv7(), ...v }));
    await ctx.db.insert(table as typeof medicalItem).values(part as never);
    await progress?.(part.length);
  }
}

/** Seeds the demo registers: ~250 items, ~100 services and the ICD-10 subset. */
export async function seedDemo(ctx: Ctx, _service: MedicalApi): Promise<void> {
  await insertFirstVersions(ctx, medicalItem, demoItems());
  await insertFirstVersions(ctx, medicalService, demoServices());
  await insertFirstVersions(ctx, diagnosis, icd10());
}
