import type { Builder } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import { type Deps, sys, userFacility } from './deps.js';
import { loadDetails } from './read.js';

interface InsureeLookup {
  id: string;
  chfId: string;
  lastName: string;
  otherNames: string;
  dob: string;
  gender: string | null;
  photoUrl: string | null;
  policies: Array<{ productCode: string; productName: string; statusLetter: string; expiryDate: string }>;
}
interface MedicalOption {
  id: string;
  code: string;
  name: string;
  /** The facility's price (override ?? register price), decimal. */
  price: string | null;
}
interface Option {
  id: string;
  code: string;
  name: string;
}

/**
 * What the claim form needs, readable with the claim rights alone (a facility clerk has no enquiry or register
 * rights): the insuree by number with their covering policies, the facility's priced items and services, diagnoses,
 * the facilities in scope and the claim administrator's own facility.
 */
export function registerClaimLookups(b: Builder, deps: Deps): void {
  const PolicyRef = b.objectRef<InsureeLookup['policies'][number]>('ClaimInsureePolicy').implement({
    fields: (t) => ({
      productCode: t.exposeString('productCode'),
      productName: t.exposeString('productName'),
      statusLetter: t.exposeString('statusLetter', {
        description: 'I idle, A active, S suspended, R ready, E expired.',
      }),
      expiryDate: t.exposeString('expiryDate'),
    }),
  });
  const InsureeRef = b.objectRef<InsureeLookup>('ClaimInsuree').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      chfId: t.exposeString('chfId'),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.exposeString('dob'),
      gender: t.exposeString('gender', { nullable: true }),
      photoUrl: t.exposeString('photoUrl', { nullable: true }),
      policies: t.field({ type: [PolicyRef], resolve: (i) => i.policies }),
    }),
  });
  const MedicalRef = b.objectRef<MedicalOption>('ClaimMedicalOption').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      price: t.exposeString('price', { nullable: true }),
    }),
  });
  const OptionRef = b.objectRef<Option>('ClaimOption').implement({
    fields: (t) => ({ id: t.exposeID('id'), code: t.exposeString('code'), name: t.exposeString('name') }),
  });

  b.queryFields((t) => ({
    claimInsuree: t.field({
      type: InsureeRef,
      nullable: true,
      description: 'The insuree with this insurance number, their names, photo and policies (null when unknown).',
      extensions: { right: RIGHTS.search },
      args: { chfId: t.arg.string({ required: true }), date: t.arg.string() },
      resolve: async (_r, a, ctx) => {
        const c = await deps.policy.coverage(sys(ctx), a.chfId.trim(), a.date ?? null);
        if (!c) return null;
        return {
          ...c.insuree,
          dob: String(c.insuree.dob),
          policies: c.policies.map((p) => ({
            productCode: p.productCode,
            productName: p.productName,
            statusLetter: p.statusLetter,
            expiryDate: p.policy.expiryDate,
          })),
        };
      },
    }),
    claimMedicalOptions: t.field({
      type: [MedicalRef],
      description: "Items or services of the facility's price list, with the facility's price, matching `search`.",
      extensions: { right: RIGHTS.search },
      args: {
        hfId: t.arg.id({ required: true }),
        kind: t.arg.string({ required: true, description: 'item or service' }),
        search: t.arg.string(),
      },
      resolve: async (_r, a, ctx) => {
        const s = sys(ctx);
        const lists = await deps.pricelist.facilityPricelists(s, String(a.hfId));
        const listId = a.kind === 'service' ? lists.servicesPricelistId : lists.itemsPricelistId;
        if (!listId) return [];
        const api = a.kind === 'service' ? deps.pricelist.services : deps.pricelist.items;
        const q = (a.search ?? '').trim().toLowerCase();
        return (await api.details(s, listId))
          .filter((d) => d.code && (!q || d.code.toLowerCase().startsWith(q) || d.name?.toLowerCase().includes(q)))
          .slice(0, 50)
          .map((d) => ({
            id: d.medicalId,
            code: d.code ?? '',
            name: d.name ?? '',
            price: d.override ?? d.registerPrice,
          }));
      },
    }),
    claimDiagnosisOptions: t.field({
      type: [OptionRef],
      description: 'Diagnoses (ICD) whose code starts with or whose name contains `search`.',
      extensions: { right: RIGHTS.search },
      args: { search: t.arg.string(), ids: t.arg.idList() },
      resolve: async (_r, a, ctx) => {
        const s = sys(ctx);
        if (a.ids?.length) return deps.medical.getDiagnoses(s, a.ids.map(String));
        return (await deps.medical.searchDiagnoses(s, { search: a.search ?? null }, { first: 30 })).edges.map(
          (e) => e.node,
        );
      },
    }),
    claimFacilityOptions: t.field({
      type: [OptionRef],
      description: "Health facilities in the user's scope matching `search`.",
      extensions: { right: RIGHTS.search },
      args: { search: t.arg.string() },
      resolve: async (_r, a, ctx) => {
        const own = await userFacility(deps, ctx);
        if (own) {
          const hf = await deps.location.getHealthFacility(sys(ctx), own);
          return hf ? [hf] : [];
        }
        return (await deps.location.searchHealthFacilities(ctx, { search: a.search ?? null }, { first: 50 })).edges.map(
          (e) => e.node,
        );
      },
    }),
    claimFeedbackOfficers: t.field({
      type: [OptionRef],
      description:
        "Enrolment officers for a claim's feedback: without `search`, those serving the patient's village (who collect " +
        'its feedback); with it, any officer whose code or name matches.',
      extensions: { right: RIGHTS.feedback },
      args: { claimId: t.arg.id({ required: true }), search: t.arg.string() },
      resolve: async (_r, a, ctx) => {
        const [c] = await loadDetails(deps, ctx, [String(a.claimId)]); // the claim within the user's scope
        if (!c) return [];
        const s = sys(ctx);
        const search = a.search?.trim() ?? '';
        let villageId: string | null = null;
        if (!search) {
          const [patient] = await deps.insuree.getInsurees(s, [c.insureeId]);
          const family = patient?.familyId ? await deps.insuree.getFamily(s, patient.familyId) : null;
          villageId = family?.locationId ?? null;
        }
        const found = await deps.officer.searchOfficers(s, villageId ? { villageId } : { search }, { first: 30 });
        return found.edges.map(({ node: o }) => ({ id: o.id, code: o.code, name: `${o.lastName} ${o.otherNames}` }));
      },
    }),
    claimUserFacility: t.field({
      type: OptionRef,
      nullable: true,
      description: "The claim administrator's own facility (preset on the claim form), else null.",
      extensions: { authenticated: true },
      resolve: async (_r, _a, ctx) => {
        const own = await userFacility(deps, ctx);
        return own ? deps.location.getHealthFacility(sys(ctx), own) : null;
      },
    }),
  }));
}
