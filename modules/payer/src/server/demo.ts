import type { Ctx } from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import type { PayerInput } from '../domain/types.js';
import type { PayerService } from '../points.js';

type DemoPayer = Omit<PayerInput, 'locationId'> & { at: string };

/** Demo payers at the demo regions (R1 Tahoua, R2 Dosso) and districts (R1D1, R1D2, R2D1, R2D2). */
export const DEMO_PAYERS: DemoPayer[] = [
  {
    type: 'G',
    name: 'État du Niger — Ministère de la Santé Publique',
    at: 'R1',
    address: 'Avenue de la Mairie, Niamey',
    phone: '+227 20 72 26 39',
    email: 'sg@sante.gouv.ne',
  },
  { type: 'D', name: 'Fonds de solidarité santé (bailleur)', at: 'R2', email: 'contact@fonds-sante.org' },
  { type: 'L', name: 'Commune urbaine de Tahoua', at: 'R1D1', address: 'Mairie de Tahoua', phone: '+227 20 61 03 12' },
  { type: 'C', name: 'Coopérative des maraîchers de Konni', at: 'R1D2', phone: '+227 96 12 34 56' },
  { type: 'P', name: 'Société sucrière de Gaya', at: 'R2D2', fax: '+227 20 68 00 01' },
  { type: 'O', name: 'Association des ressortissants de Dosso', at: 'R2D1' },
];

export async function seedDemo(ctx: Ctx, payers: PayerService, locations: LocationService): Promise<void> {
  for (const { at, ...p } of DEMO_PAYERS) {
    const loc = await locations.findByCode(ctx, at);
    if (!loc) throw new Error(`payer demo: location ${at} is missing (seed the location demo first)`);
    await payers.createPayer(ctx, { ...p, locationId: loc.id });
  }
}
