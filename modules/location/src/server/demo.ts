import type { Ctx } from '@mutua/kernel';
import type { HealthFacilityInput } from '../domain/types.js';
import type { LocationService } from '../points.js';

type Village = [name: string, male: number, female: number, other: number, families: number];
type Municipality = [name: string, villages: Village[]];
type District = [name: string, municipalities: Municipality[]];

/**
 * The demo country, Niger-style: codes are positional so they read as an address — region `R1`, district `R1D1`,
 * municipality `R1D1M1`, village `R1D1M1V1` (8 characters, the code limit) — and stable across runs, because demo
 * users are limited to a district by code.
 */
const DEMO: Array<[region: string, districts: District[]]> = [
  [
    'Tahoua',
    [
      [
        'Tahoua',
        [
          [
            'Affala',
            [
              ['Affala', 812, 867, 4, 291],
              ['Garadoumé', 455, 501, 2, 160],
              ['Tama', 623, 640, 0, 214],
            ],
          ],
          [
            'Bambeye',
            [
              ['Bambeye', 1210, 1302, 6, 430],
              ['Toudoun Adaraou', 389, 420, 1, 133],
              ['Jangébé', 540, 566, 3, 181],
            ],
          ],
        ],
      ],
      [
        "Birni N'Konni",
        [
          [
            "Birni N'Konni",
            [
              ['Koré', 930, 1004, 5, 322],
              ['Dibissou', 402, 433, 0, 140],
              ['Guidan Bado', 611, 650, 2, 207],
            ],
          ],
          [
            'Tsernaoua',
            [
              ['Tsernaoua', 1002, 1090, 3, 348],
              ['Galmi', 1540, 1618, 9, 520],
              ['Doubalma', 298, 315, 0, 98],
            ],
          ],
        ],
      ],
    ],
  ],
  [
    'Dosso',
    [
      [
        'Dosso',
        [
          [
            'Garankédey',
            [
              ['Garankédey', 733, 790, 2, 255],
              ['Koira Tégui', 510, 548, 1, 176],
              ['Kiota', 880, 912, 4, 301],
            ],
          ],
          [
            'Tessa',
            [
              ['Tessa', 690, 742, 3, 240],
              ['Fandou', 377, 401, 0, 129],
              ['Bangou Bi', 455, 470, 2, 153],
            ],
          ],
        ],
      ],
      [
        'Gaya',
        [
          [
            'Tanda',
            [
              ['Tanda', 1102, 1180, 7, 379],
              ['Kawara Débé', 620, 655, 1, 211],
              ['Sabon Birni', 505, 530, 2, 171],
            ],
          ],
          [
            'Yélou',
            [
              ['Yélou', 845, 901, 3, 290],
              ['Tounouga', 1230, 1296, 5, 420],
              ['Bengou', 702, 744, 1, 240],
            ],
          ],
        ],
      ],
    ],
  ],
];

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
  for (const [ri, [regionName, districts]] of DEMO.entries()) {
    const r = `R${ri + 1}`;
    const region = await service.createLocation(ctx, { code: r, name: regionName });
    for (const [di, [districtName, municipalities]] of districts.entries()) {
      const d = `${r}D${di + 1}`;
      const district = await service.createLocation(ctx, { code: d, name: districtName, parentId: region.id });
      for (const [mi, [municipalityName, villages]] of municipalities.entries()) {
        const m = `${d}M${mi + 1}`;
        const muni = await service.createLocation(ctx, { code: m, name: municipalityName, parentId: district.id });
        for (const [vi, [name, male, female, other, families]] of villages.entries()) {
          await service.createLocation(ctx, {
            code: `${m}V${vi + 1}`,
            name,
            parentId: muni.id,
            malePopulation: male,
            femalePopulation: female,
            otherPopulation: other,
            families,
          });
        }
      }
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
