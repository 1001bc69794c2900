import { normalizeName, phoneDigits } from './rules.js';
import type { DuplicateReason } from './types.js';

/** The trigrams of a text as pg_trgm makes them: per word, padded with two spaces before and one after. */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeName(s).split(' ')) {
    if (!w) continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

/** Trigram similarity 0–1 (shared ÷ all distinct trigrams), as pg_trgm's `similarity`, after normalizing names. */
export function nameSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** What is compared of the person being enrolled and of an existing insuree. */
export interface PersonKey {
  chfId: string | null;
  lastName: string;
  otherNames: string;
  dob: string;
  /** The family's village, or the insuree's current village. */
  villageIds: readonly string[];
  phone: string | null;
  passport: string | null;
}

/**
 * Why an existing insuree is a likely duplicate of a new one (empty: not a duplicate): the same insurance number; a
 * similar name (either word order) with the same birth date in the same village; the same phone number (≥ 6
 * digits); the same identification number.
 * @example
 * duplicateReasons(newPerson, existing, 0.6) // ['name', 'phone']
 */
export function duplicateReasons(a: PersonKey, b: PersonKey, threshold: number): DuplicateReason[] {
  const out: DuplicateReason[] = [];
  if (a.chfId && b.chfId && a.chfId === b.chfId) out.push('number');
  const sameVillage = a.villageIds.some((v) => b.villageIds.includes(v));
  if (a.dob === b.dob && sameVillage) {
    const nameA = `${a.lastName} ${a.otherNames}`;
    const sim = Math.max(
      nameSimilarity(nameA, `${b.lastName} ${b.otherNames}`),
      nameSimilarity(nameA, `${b.otherNames} ${b.lastName}`),
    );
    if (sim >= threshold) out.push('name');
  }
  const pa = a.phone ? phoneDigits(a.phone) : '';
  if (pa.length >= 6 && b.phone && phoneDigits(b.phone) === pa) out.push('phone');
  const ia = a.passport?.trim().toUpperCase();
  if (ia && b.passport?.trim().toUpperCase() === ia) out.push('identification');
  return out;
}
