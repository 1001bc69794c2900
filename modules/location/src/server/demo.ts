import type { Ctx } from '@mutua/kernel';
import type { HealthFacilityInput, Location } from '../domain/types.js';
import type { LocationService } from '../points.js';

type VillageLine = [
  region: string,
  district: string,
  municipality: string,
  village: string,
  male: number,
  female: number,
  other: number,
  families: number,
];

/**
 * The demo country, Niger-style, one village a line with its place in the tree and its population. Codes are
 * positional so they read as an address — region `R1`, district `R1D1`, municipality `R1D1M1`, village `R1D1M1V1`
 * (8 characters, the code limit), numbered in the order places first appear below — and stable across runs, because
 * demo users are limited to a district by code.
 */
const VILLAGES: VillageLine[] = [
  ['Tahoua', 'Tahoua', 'Affala', 'Affala', 812, 867, 4, 291],
  ['Tahoua', 'Tahoua', 'Affala', 'Garadoumé', 455, 501, 2, 160],
  ['Tahoua', 'Tahoua', 'Affala', 'Tama', 623, 640, 0, 214],
  ['Tahoua', 'Tahoua', 'Bambeye', 'Bambeye', 1210, 1302, 6, 430],
  ['Tahoua', 'Tahoua', 'Bambeye', 'Toudoun Adaraou', 389, 420, 1, 133],
  ['Tahoua', 'Tahoua', 'Bambeye', 'Jangébé', 540, 566, 3, 181],
  ['Tahoua', "Birni N'Konni", "Birni N'Konni", 'Koré', 930, 1004, 5, 322],
  ['Tahoua', "Birni N'Konni", "Birni N'Konni", 'Dibissou', 402, 433, 0, 140],
  ['Tahoua', "Birni N'Konni", "Birni N'Konni", 'Guidan Bado', 611, 650, 2, 207],
  ['Tahoua', "Birni N'Konni", 'Tsernaoua', 'Tsernaoua', 1002, 1090, 3, 348],
  ['Tahoua', "Birni N'Konni", 'Tsernaoua', 'Galmi', 1540, 1618, 9, 520],
  ['Tahoua', "Birni N'Konni", 'Tsernaoua', 'Doubalma', 298, 315, 0, 98],
  ['Dosso', 'Dosso', 'Garankédey', 'Garankédey', 733, 790, 2, 255],
  ['Dosso', 'Dosso', 'Garankédey', 'Koira Tégui', 510, 548, 1, 176],
  ['Dosso', 'Dosso', 'Garankédey', 'Kiota', 880, 912, 4, 301],
  ['Dosso', 'Dosso', 'Tessa', 'Tessa', 690, 742, 3, 240],
  ['Dosso', 'Dosso', 'Tessa', 'Fandou', 377, 401, 0, 129],
  ['Dosso', 'Dosso', 'Tessa', 'Bangou Bi', 455, 470, 2, 153],
  ['Dosso', 'Gaya', 'Tanda', 'Tanda', 1102, 1180, 7, 379],
  ['Dosso', 'Gaya', 'Tanda', 'Kawara Débé', 620, 655, 1, 211],
  ['Dosso', 'Gaya', 'Tanda', 'Sabon Birni', 505, 530, 2, 171],
  ['Dosso', 'Gaya', 'Yélou', 'Yélou', 845, 901, 3, 290],
  ['Dosso', 'Gaya', 'Yélou', 'Tounouga', 1230, 1296, 5, 420],
  ['Dosso', 'Gaya', 'Yélou', 'Bengou', 702, 744, 1, 240],
];
/** The code letter of each place of a line, region to village. */
const LETTERS = ['R', 'D', 'M', 'V'] as const;

/** Six facilities: every level, legal form and care type, in all four districts (codes HF<region><district><n>). */
const FACILITIES: Array<
  Omit<HealthFacilityInput, 'locationId' | 'catchments'> & { district: string; villages: Array<[string, number]> }
> = [
  {
    code: 'HF1101',
    name: 'CSI de Bambeye',
    legalForm: 'G',
    level: 'C',
    subLevel: 'N',
    careType: 'B',
    district: 'R1D1',
    address: 'Route de Tahoua, Bambeye',
    phone: '+227 20 61 00 11',
    email: 'csi.bambeye@sante.ne',
    contractStartDate: '2024-01-01',
    contractEndDate: '2026-12-31',
    villages: [
      ['R1D1M2V1', 100],
      ['R1D1M2V2', 60],
      ['R1D1M2V3', 40],
    ],
  },
  {
    code: 'HF1102',
    name: 'Hôpital de district de Tahoua',
    legalForm: 'G',
    level: 'H',
    subLevel: 'R',
    careType: 'I',
    district: 'R1D1',
    address: 'Quartier Sabon Gari, Tahoua',
    phone: '+227 20 61 02 40',
    accCode: 'HD-TAH',
    villages: [
      ['R1D1M1V1', 100],
      ['R1D1M1V2', 100],
      ['R1D1M1V3', 50],
    ],
  },
  {
    code: 'HF1201',
    name: "Hôpital de district de Birni N'Konni",
    legalForm: 'G',
    level: 'H',
    subLevel: 'R',
    careType: 'B',
    district: 'R1D2',
    phone: '+227 20 64 01 15',
    villages: [
      ['R1D2M1V1', 100],
      ['R1D2M1V2', 50],
    ],
  },
  {
    code: 'HF1202',
    name: 'Dispensaire de Galmi',
    legalForm: 'C',
    level: 'D',
    subLevel: 'N',
    careType: 'O',
    district: 'R1D2',
    email: 'dispensaire.galmi@example.org',
    villages: [
      ['R1D2M2V2', 100],
      ['R1D2M2V3', 40],
    ],
  },
  {
    code: 'HF2101',
    name: 'CSI de Tessa',
    legalForm: 'D',
    level: 'C',
    subLevel: 'I',
    careType: 'B',
    district: 'R2D1',
    contractStartDate: '2025-01-01',
    contractEndDate: '2027-12-31',
    villages: [
      ['R2D1M2V1', 100],
      ['R2D1M2V2', 80],
      ['R2D1M2V3', 50],
    ],
  },
  {
    code: 'HF2201',
    name: 'Clinique privée Sabon Birni',
    legalForm: 'P',
    level: 'D',
    subLevel: 'N',
    careType: 'O',
    district: 'R2D2',
    status: 'AC',
    villages: [
      ['R2D2M1V3', 100],
      ['R2D2M1V1', 25],
    ],
  },
];

/** Seeds the demo country through the service (same rules, audit and hooks as the screens); skipped if present. */
export async function seedDemo(ctx: Ctx, service: LocationService): Promise<void> {
  if (await service.findByCode(ctx, 'R1')) return;
  const placed = new Map<string, Location>(); // by path of names
  const childCount = new Map<string, number>(); // by parent code ('' = top level)
  for (const [region, district, municipality, village, male, female, other, families] of VILLAGES) {
    const path = [region, district, municipality, village];
    let parent: Location | null = null;
    for (const [depth, name] of path.entries()) {
      const key = path.slice(0, depth + 1).join('/');
      let node = placed.get(key);
      if (!node) {
        const prefix = parent?.code ?? '';
        const n = (childCount.get(prefix) ?? 0) + 1;
        childCount.set(prefix, n);
        const isVillage = depth === path.length - 1;
        node = await service.createLocation(ctx, {
          code: `${prefix}${LETTERS[depth]}${n}`,
          name,
          parentId: parent?.id ?? null,
          ...(isVillage ? { malePopulation: male, femalePopulation: female, otherPopulation: other, families } : {}),
        });
        placed.set(key, node);
      }
      parent = node;
    }
  }
  for (const { district, villages, ...hf } of FACILITIES) {
    const d = await service.findByCode(ctx, district);
    const catchments = [];
    for (const [code, percentage] of villages) {
      const v = await service.findByCode(ctx, code);
      if (v) catchments.push({ villageId: v.id, percentage });
    }
    await service.createHealthFacility(ctx, { ...hf, locationId: d!.id, catchments });
  }
}
