import { mulberry32, type Rng } from './prng.js';
import type { CareType, HfLevel, LegalForm } from './types.js';

/** A location to generate; `parent` is the index of an earlier entry (parents always come first). */
export interface PlannedLocation {
  code: string;
  name: string;
  /** Depth: 0 region, 1 district, 2 municipality, 3 village. */
  depth: number;
  parent: number | null;
  malePopulation: number | null;
  femalePopulation: number | null;
  otherPopulation: number | null;
  families: number | null;
}

export interface PlannedHf {
  code: string;
  name: string;
  /** Index of its district in `locations`. */
  district: number;
  level: HfLevel;
  legalForm: LegalForm;
  careType: CareType;
  /** Village indexes served, with the share of each village's population. */
  catchments: Array<{ village: number; percentage: number }>;
}

export interface CountryPlan {
  locations: PlannedLocation[];
  healthFacilities: PlannedHf[];
}

/** Counts per level for a country sized for `insurees` people on the register. */
export function countrySize(insurees: number) {
  const n = Math.max(0, Math.floor(insurees));
  const districts = Math.max(4, Math.round(n / 50_000));
  const regions = Math.max(2, Math.ceil(districts / 4));
  const municipalities = Math.max(districts * 2, Math.ceil(n / 10_000));
  const villages = Math.max(municipalities * 3, Math.ceil(n / 2_000));
  const healthFacilities = Math.max(districts, Math.ceil(n / 2_500));
  return { regions, districts, municipalities, villages, healthFacilities };
}

// Syllables of Hausa/Zarma-sounding place names (Niger-style); combined, they read like real villages.
const HEADS = [
  'Ta',
  'Do',
  'Ga',
  'Kon',
  'Bir',
  'Ma',
  'Tes',
  'Kol',
  'Fi',
  'Say',
  'Zin',
  'Ban',
  'Kio',
  'Tom',
  'Ba',
  'Dan',
];
const TAILS = ['houa', 'sso', 'ya', 'ni', 'radi', 'sa', 'lo', 'lingué', 'ré', 'der', 'gou', 'ta', 'bo', 'gagi', 'kari'];
const PREFIXES = ['', '', '', 'Sabon ', 'Dogon ', 'Gidan ', 'Koira ', 'Tounga '];

function placeName(rng: Rng): string {
  return `${rng.pick(PREFIXES)}${rng.pick(HEADS)}${rng.pick(TAILS)}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Plans a country deterministically from `seed`: the same seed and size give the same codes, names and numbers.
 * Codes are flat per level (`GR01`, `GD001`, `GW0001`, `GV00001`, `GH00001`) so they stay within 8 characters at
 * any scale and never collide with the demo country's codes.
 */
export function planCountry(seed: number, insurees: number): CountryPlan {
  const rng = mulberry32(seed);
  const size = countrySize(insurees);
  const locations: PlannedLocation[] = [];
  const add = (code: string, depth: number, parent: number | null, village: boolean) => {
    const male = village ? rng.int(300, 1800) : null;
    const female = village && male !== null ? male + rng.int(-100, 200) : null;
    const other = village ? rng.int(0, 20) : null;
    const families = village && male !== null && female !== null ? Math.round((male + female) / rng.int(5, 8)) : null;
    locations.push({
      code,
      name: placeName(rng),
      depth,
      parent,
      malePopulation: male,
      femalePopulation: female,
      otherPopulation: other,
      families,
    });
    return locations.length - 1;
  };
  // Spread children evenly: child i of `count` goes under parent floor(i * parents / count).
  const spread = (count: number, parents: readonly (number | null)[], depth: number, prefix: string, width: number) => {
    const made: number[] = [];
    for (let i = 0; i < count; i++) {
      const parent = parents[Math.floor((i * parents.length) / count)] ?? null;
      made.push(add(`${prefix}${pad(i + 1, width)}`, depth, parent, depth === 3));
    }
    return made;
  };
  const regions = spread(size.regions, [null], 0, 'GR', 2);
  const districts = spread(size.districts, regions, 1, 'GD', 3);
  const municipalities = spread(size.municipalities, districts, 2, 'GW', 4);
  const villages = spread(size.villages, municipalities, 3, 'GV', 5);

  // Villages grouped by district, for catchments inside the facility's own district.
  const villagesOf = new Map<number, number[]>();
  for (const v of villages) {
    const district = locations[locations[v]!.parent!]!.parent!;
    const list = villagesOf.get(district) ?? [];
    list.push(v);
    villagesOf.set(district, list);
  }
  const healthFacilities: PlannedHf[] = [];
  for (let i = 0; i < size.healthFacilities; i++) {
    const district = districts[i % districts.length]!;
    const roll = rng.next();
    const level: HfLevel = roll < 0.7 ? 'D' : roll < 0.95 ? 'C' : 'H';
    const careType: CareType = level === 'D' ? 'O' : level === 'C' ? 'B' : rng.pick(['I', 'B'] as const);
    const pool = villagesOf.get(district) ?? [];
    const served = new Set<number>();
    const want = Math.min(pool.length, rng.int(1, 3));
    while (served.size < want) served.add(rng.pick(pool));
    const kind = level === 'D' ? 'Dispensaire' : level === 'C' ? 'CSI' : 'Hôpital de district';
    healthFacilities.push({
      code: `GH${pad(i + 1, 5)}`,
      name: `${kind} de ${placeName(rng)}`,
      district,
      level,
      legalForm: rng.pick(['G', 'G', 'G', 'C', 'P', 'D'] as const),
      careType,
      catchments: [...served].map((village) => ({ village, percentage: rng.pick([25, 50, 75, 100]) })),
    });
  }
  return { locations, healthFacilities };
}
