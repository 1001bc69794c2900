import type { Ctx } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { OfficerService } from '../points.js';

interface DemoOfficer {
  code: string;
  lastName: string;
  otherNames: string;
  dob: string;
  phone: string;
  district: string;
  villages: string[];
  substitute?: string;
}

/**
 * One enrolment officer per demo district, serving some of its villages; EO0002 (Birni N'Konni) stands in for EO0001
 * (Tahoua), so it comes first.
 */
export const DEMO_OFFICERS: DemoOfficer[] = [
  {
    code: 'EO0002',
    lastName: 'Moussa',
    otherNames: 'Hadiza',
    dob: '1988-07-02',
    phone: '+227 96 45 12 08',
    district: 'R1D2',
    villages: ['R1D2M1V1', 'R1D2M1V2', 'R1D2M2V2'],
  },
  {
    code: 'EO0001',
    lastName: 'Issoufou',
    otherNames: 'Abdoulaye',
    dob: '1982-03-14',
    phone: '+227 90 11 22 33',
    district: 'R1D1',
    villages: ['R1D1M1V1', 'R1D1M1V2', 'R1D1M1V3', 'R1D1M2V1'],
    substitute: 'EO0002',
  },
  {
    code: 'EO0003',
    lastName: 'Hamani',
    otherNames: 'Salifou',
    dob: '1979-05-30',
    phone: '+227 94 88 10 27',
    district: 'R2D1',
    villages: ['R2D1M1V1', 'R2D1M1V3', 'R2D1M2V1'],
  },
  {
    code: 'EO0004',
    lastName: 'Garba',
    otherNames: 'Fati',
    dob: '1993-01-18',
    phone: '+227 99 67 21 05',
    district: 'R2D2',
    villages: ['R2D2M1V1', 'R2D2M2V1', 'R2D2M2V2'],
  },
];

/** One claim administrator per demo health facility. */
export const DEMO_CLAIM_ADMINS: Array<{ code: string; lastName: string; otherNames: string; hf: string }> = [
  { code: 'CA1101', lastName: 'Oumarou', otherNames: 'Zeinabou', hf: 'HF1101' },
  { code: 'CA1102', lastName: 'Sani', otherNames: 'Ibrahim', hf: 'HF1102' },
  { code: 'CA1201', lastName: 'Mahamadou', otherNames: 'Aïchatou', hf: 'HF1201' },
  { code: 'CA1202', lastName: 'Boubacar', otherNames: 'Ousmane', hf: 'HF1202' },
  { code: 'CA2101', lastName: 'Idrissa', otherNames: 'Rahila', hf: 'HF2101' },
  { code: 'CA2201', lastName: 'Adamou', otherNames: 'Habsatou', hf: 'HF2201' },
];

export async function seedDemo(ctx: Ctx, officers: OfficerService, locations: LocationService): Promise<void> {
  const loc = async (code: string) => {
    const l = await locations.findByCode(ctx, code);
    if (!l) throw new Error(`officer demo: location ${code} is missing (seed the location demo first)`);
    return l.id;
  };
  const ids = new Map<string, string>();
  for (const o of DEMO_OFFICERS) {
    const created = await officers.createOfficer(ctx, {
      code: o.code,
      lastName: o.lastName,
      otherNames: o.otherNames,
      dob: o.dob,
      phone: o.phone,
      phoneCommunication: true,
      locationId: await loc(o.district),
      villageIds: await Promise.all(o.villages.map(loc)),
      substituteId: o.substitute ? (ids.get(o.substitute) ?? null) : null,
    });
    ids.set(o.code, created.id);
  }
  for (const c of DEMO_CLAIM_ADMINS) {
    const hf = await locations.findHealthFacilityByCode(ctx, c.hf);
    if (!hf) throw new Error(`officer demo: health facility ${c.hf} is missing (seed the location demo first)`);
    await officers.createClaimAdmin(ctx, {
      code: c.code,
      lastName: c.lastName,
      otherNames: c.otherNames,
      healthFacilityId: hf.id,
    });
  }
}
