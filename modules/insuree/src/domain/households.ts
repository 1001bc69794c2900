/** Deterministic households for the demo and for `mutua generate` (no I/O; the PRNG is passed in). */

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: the same seed gives the same country (no Math.random). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

// Family names and first names heard in Niger, Chad and northern Cameroon (Hausa, Zarma, Fulfulde, Kanuri, Arabic).
export const LAST_NAMES = [
  'Issoufou',
  'Moussa',
  'Abdou',
  'Hamani',
  'Mahamadou',
  'Souley',
  'Garba',
  'Oumarou',
  'Boubacar',
  'Amadou',
  'Saïdou',
  'Illiassou',
  'Harouna',
  'Adamou',
  'Idrissa',
  'Hassane',
  'Ibrahim',
  'Mahamane',
  'Maïga',
  'Touré',
  'Djibo',
  'Seyni',
  'Zakari',
  'Yacouba',
  'Laouali',
  'Chaïbou',
  'Sani',
  'Mamane',
  'Abdoulaye',
  'Bello',
  'Mahamat',
  'Abakar',
  'Haroun',
  'Ousmane',
  'Youssouf',
  'Kaka',
  'Moustapha',
  'Ali',
  'Nassirou',
  'Manzo',
  'Bachir',
  'Hamadou',
  'Bouba',
  'Aboubakar',
  'Oumar',
  'Daouda',
  'Tchiroma',
  'Alhadji',
  'Dan Baba',
  'Kountché',
] as const;
export const MALE_NAMES = [
  'Abdoulaye',
  'Moussa',
  'Ibrahim',
  'Issa',
  'Hamidou',
  'Oumarou',
  'Souleymane',
  'Amadou',
  'Boubacar',
  'Mahamadou',
  'Ali',
  'Idrissa',
  'Yacouba',
  'Hassane',
  'Adamou',
  'Salissou',
  'Rabiou',
  'Nouhou',
  'Tahirou',
  'Kader',
  'Seydou',
  'Habibou',
  'Zakari',
  'Lawali',
  'Mahamat',
  'Abdelkerim',
  'Hamadou',
  'Bouba',
  'Issaka',
  'Djibrilla',
] as const;
export const FEMALE_NAMES = [
  'Aïchatou',
  'Mariama',
  'Fatouma',
  'Hadiza',
  'Zeinabou',
  'Rahila',
  'Hawa',
  'Haoua',
  'Balkissa',
  'Ramatou',
  'Safiatou',
  'Rakia',
  'Salamatou',
  'Amina',
  'Mariam',
  'Nafissa',
  'Habsatou',
  'Fati',
  'Kadidja',
  'Halima',
  'Zara',
  'Achta',
  'Hindou',
  'Bintou',
  'Djamila',
  'Aminata',
  'Hadjara',
  'Saratou',
  'Asmaou',
  'Fadimatou',
] as const;

export interface PlannedMember {
  lastName: string;
  otherNames: string;
  gender: 'M' | 'F';
  dob: string;
  isHead: boolean;
  /** Code list `relationship`: 8 spouse, 4 son/daughter, 2 father/mother, 1 brother/sister; null for the head. */
  relationship: string | null;
  maritalStatus: string | null;
  profession: string | null;
  education: string | null;
  phone: string | null;
}

export interface PlannedFamily {
  poverty: boolean;
  familyType: string;
  members: PlannedMember[];
}

const pad = (n: number) => String(n).padStart(2, '0');
function dateBack(rng: Rng, ref: string, minYears: number, maxYears: number): string {
  // At least one calendar year back, so no birth date falls after `ref`.
  const y = Number(ref.slice(0, 4)) - rng.int(Math.max(1, minYears), maxYears);
  return `${y}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}
const phone = (rng: Rng) =>
  `+227 ${rng.int(80, 99)} ${pad(rng.int(0, 99))} ${pad(rng.int(0, 99))} ${pad(rng.int(0, 99))}`;

/**
 * One household: a head (usually a man of 25–65), often a spouse, children, sometimes a parent or a sibling.
 * Sizes average about 4.5 people, as in rural Sahel households. Birth dates are counted back from `ref`.
 */
export function planFamily(rng: Rng, ref: string): PlannedFamily {
  const lastName = rng.pick(LAST_NAMES);
  const headMale = rng.next() < 0.82;
  const members: PlannedMember[] = [];
  const person = (
    gender: 'M' | 'F',
    dob: string,
    relationship: string | null,
    adult: boolean,
    ownLast = lastName,
  ): PlannedMember => ({
    lastName: ownLast,
    otherNames: rng.pick(gender === 'M' ? MALE_NAMES : FEMALE_NAMES),
    gender,
    dob,
    isHead: relationship === null,
    relationship,
    maritalStatus: adult ? (relationship === null || relationship === '8' ? 'M' : rng.pick(['S', 'W', 'D'])) : 'S',
    profession: adult ? rng.pick(['1', '2', '3', '4']) : null,
    education: adult ? rng.pick(['2', '2', '3', '7', '1']) : rng.pick(['1', '2', null]),
    phone: adult && rng.next() < 0.45 ? phone(rng) : null,
  });
  members.push(person(headMale ? 'M' : 'F', dateBack(rng, ref, 25, 65), null, true));
  if (headMale && rng.next() < 0.85)
    members.push(person('F', dateBack(rng, ref, 18, 50), '8', true, rng.pick(LAST_NAMES)));
  const children = rng.int(0, 6);
  for (let i = 0; i < children; i++) {
    members.push(person(rng.next() < 0.5 ? 'M' : 'F', dateBack(rng, ref, 0, 17), '4', false));
  }
  if (rng.next() < 0.15) members.push(person(rng.next() < 0.5 ? 'M' : 'F', dateBack(rng, ref, 60, 85), '2', true));
  if (rng.next() < 0.1) members.push(person(rng.next() < 0.5 ? 'M' : 'F', dateBack(rng, ref, 15, 40), '1', true));
  return { poverty: rng.next() < 0.3, familyType: rng.next() < 0.95 ? 'H' : 'O', members };
}
