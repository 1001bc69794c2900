import {
  type Builder,
  connectionType,
  defineMutation,
  InputError,
  payloadType,
  type Types,
  translate,
} from '@mutua/kernel';
import { healthFacilityObject, type LocationService, locationObject } from '@mutua/location';
import type { ArgBuilder } from '@pothos/core';
import type { DuplicateCandidate, Family, FamilyInput, Insuree, InsureeInput } from '../domain/types.js';

type FamilyResult = { family: Family; head: Insuree | null };

import { RIGHTS } from '../manifest.js';
import { familyObject, type InsureeApi, type InsureeFilter, insureeObject } from '../points.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;

/** The insuree module's GraphQL: search, family and insuree reads, and the enrolment mutations. */
export function registerInsureeGraphql(
  builder: Builder,
  service: InsureeApi,
  deps: { location: LocationService },
): void {
  const FamilyRef = familyObject(builder);
  const InsureeRef = insureeObject(builder);
  const LocationRef = locationObject(builder);
  const HfRef = healthFacilityObject(builder);

  builder.objectType(InsureeRef, {
    description: 'An insuree (assuré), one version of it (DOMAIN.md §9.2).',
    fields: (t) => ({
      id: t.exposeID('id'),
      familyId: t.exposeID('familyId'),
      chfId: t.exposeString('chfId', { description: 'Insurance number (numéro d’assuré).' }),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.exposeString('dob', { description: 'Birth date YYYY-MM-DD.' }),
      gender: t.exposeString('gender', { nullable: true }),
      isHead: t.exposeBoolean('isHead'),
      relationship: t.exposeString('relationship', { nullable: true }),
      maritalStatus: t.exposeString('maritalStatus', { nullable: true }),
      profession: t.exposeString('profession', { nullable: true }),
      education: t.exposeString('education', { nullable: true }),
      phone: t.exposeString('phone', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
      typeOfId: t.exposeString('typeOfId', { nullable: true }),
      passport: t.exposeString('passport', { nullable: true, description: 'Identification number.' }),
      currentVillageId: t.exposeID('currentVillageId', { nullable: true }),
      currentAddress: t.exposeString('currentAddress', { nullable: true }),
      healthFacilityId: t.exposeID('healthFacilityId', { nullable: true }),
      cardIssued: t.exposeBoolean('cardIssued'),
      photoUrl: t.exposeString('photoUrl', { nullable: true }),
      jsonExt: t.field({ type: 'JSON', nullable: true, resolve: (i) => i.jsonExt }),
      validityFrom: t.exposeString('validityFrom'),
      validityTo: t.exposeString('validityTo', { nullable: true }),
      family: t.field({
        type: FamilyRef,
        nullable: true,
        resolve: (i, _a, ctx) => service.getFamily(ctx, i.familyId),
      }),
      currentVillage: t.field({
        type: LocationRef,
        nullable: true,
        resolve: (i, _a, ctx) => (i.currentVillageId ? deps.location.getLocation(ctx, i.currentVillageId) : null),
      }),
      healthFacility: t.field({
        type: HfRef,
        nullable: true,
        description: 'First point of service.',
        resolve: (i, _a, ctx) => (i.healthFacilityId ? deps.location.getHealthFacility(ctx, i.healthFacilityId) : null),
      }),
    }),
  });

  builder.objectType(FamilyRef, {
    description: 'A family or group (famille / ménage), one version of it (DOMAIN.md §9.1).',
    fields: (t) => ({
      id: t.exposeID('id'),
      headInsureeId: t.exposeID('headInsureeId', { nullable: true }),
      locationId: t.exposeID('locationId', { description: 'The village.' }),
      poverty: t.exposeBoolean('poverty', { nullable: true }),
      familyType: t.exposeString('familyType', { nullable: true }),
      confirmationType: t.exposeString('confirmationType', { nullable: true }),
      confirmationNo: t.exposeString('confirmationNo', { nullable: true }),
      address: t.exposeString('address', { nullable: true }),
      ethnicity: t.exposeString('ethnicity', { nullable: true }),
      jsonExt: t.field({ type: 'JSON', nullable: true, resolve: (f) => f.jsonExt }),
      validityFrom: t.exposeString('validityFrom'),
      validityTo: t.exposeString('validityTo', { nullable: true }),
      location: t.field({
        type: LocationRef,
        nullable: true,
        resolve: (f, _a, ctx) => deps.location.getLocation(ctx, f.locationId),
      }),
      head: t.field({
        type: InsureeRef,
        nullable: true,
        resolve: (f, _a, ctx) => (f.headInsureeId ? service.getInsuree(ctx, f.headInsureeId) : null),
      }),
      members: t.field({
        type: [InsureeRef],
        description: 'Current members, head first.',
        resolve: (f, _a, ctx) => service.familyMembers(ctx, f.id),
      }),
    }),
  });

  const DuplicateRef = builder.objectRef<DuplicateCandidate>('InsureeDuplicate').implement({
    description: 'An existing insuree who may be the person being enrolled.',
    fields: (t) => ({
      insureeId: t.exposeID('insureeId'),
      familyId: t.exposeID('familyId'),
      chfId: t.exposeString('chfId'),
      lastName: t.exposeString('lastName'),
      otherNames: t.exposeString('otherNames'),
      dob: t.exposeString('dob'),
      reasons: t.stringList({ description: 'number, name, phone, identification.', resolve: (d) => d.reasons }),
    }),
  });
  const ProblemRef = builder
    .objectRef<{ field: string; key: string; message: string }>('InsureeNumberProblem')
    .implement({
      fields: (t) => ({
        field: t.exposeString('field'),
        key: t.exposeString('key'),
        message: t.exposeString('message'),
      }),
    });
  const ValidityRef = builder
    .objectRef<{ isValid: boolean; problems: Array<{ field: string; key: string; message: string }> }>(
      'InsureeNumberValidity',
    )
    .implement({
      fields: (t) => ({
        isValid: t.exposeBoolean('isValid'),
        problems: t.field({ type: [ProblemRef], resolve: (v) => v.problems }),
      }),
    });

  const InsureeConnection = connectionType(builder, InsureeRef, 'Insuree');
  const FamilyConnection = connectionType(builder, FamilyRef, 'Family');

  const searchArgs = (t: { arg: ArgBuilder<Types> }) => ({
    chfId: t.arg.string({ description: 'Insurance number prefix.' }),
    lastName: t.arg.string({ description: 'Part of the last name.' }),
    otherNames: t.arg.string({ description: 'Part of the other names.' }),
    dobFrom: t.arg.string(),
    dobTo: t.arg.string(),
    gender: t.arg.string(),
    locationId: t.arg.id({ description: 'Region, district, municipality or village: families anywhere under it.' }),
    status: t.arg.string({ description: 'active (default) or all (removed insurees too).' }),
    familyId: t.arg.id(),
    first: t.arg.int(),
    after: t.arg.string(),
  });
  const filterOf = (a: Record<string, unknown>): InsureeFilter => a as InsureeFilter;

  const InsureeDataInput = builder.inputType('InsureeDataInput', {
    fields: (t) => ({
      chfId: t.string({ description: 'Blank: a number is generated.' }),
      lastName: t.string({ required: true }),
      otherNames: t.string({ required: true }),
      dob: t.string({ required: true, description: 'YYYY-MM-DD.' }),
      gender: t.string(),
      relationship: t.string(),
      maritalStatus: t.string(),
      profession: t.string(),
      education: t.string(),
      phone: t.string(),
      email: t.string(),
      typeOfId: t.string(),
      passport: t.string(),
      currentVillageId: t.id(),
      currentAddress: t.string(),
      healthFacilityId: t.id(),
      cardIssued: t.boolean(),
      jsonExt: t.field({ type: 'JSON' }),
    }),
  });
  const familyFields = (t: InputFields) => ({
    locationId: t.id({ required: true, description: 'The village.' }),
    poverty: t.boolean(),
    familyType: t.string(),
    confirmationType: t.string(),
    confirmationNo: t.string(),
    address: t.string(),
    ethnicity: t.string(),
    jsonExt: t.field({ type: 'JSON' }),
  });
  const asInsuree = (d: unknown): InsureeInput => d as InsureeInput;
  const asFamily = (d: Record<string, unknown>): FamilyInput => d as unknown as FamilyInput;

  builder.queryFields((t) => ({
    insurees: t.field({
      type: InsureeConnection,
      extensions: { right: RIGHTS.insureeSearch },
      args: searchArgs(t),
      resolve: (_r, a, ctx) => service.searchInsurees(ctx, filterOf(a), a),
    }),
    families: t.field({
      type: FamilyConnection,
      description: 'Families found by their head: the filters apply to the head.',
      extensions: { right: RIGHTS.familySearch },
      args: searchArgs(t),
      resolve: (_r, a, ctx) => service.searchFamilies(ctx, filterOf(a), a),
    }),
    family: t.field({
      type: FamilyRef,
      nullable: true,
      extensions: { right: RIGHTS.familySearch },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => service.getFamily(ctx, String(a.id)),
    }),
    insuree: t.field({
      type: InsureeRef,
      nullable: true,
      extensions: { right: RIGHTS.insureeSearch },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => service.getInsuree(ctx, String(a.id)),
    }),
    insureeByNumber: t.field({
      type: InsureeRef,
      nullable: true,
      extensions: { right: RIGHTS.insureeSearch },
      args: { chfId: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => service.findByNumber(ctx, a.chfId),
    }),
    insureeHistory: t.field({
      type: [InsureeRef],
      description: 'Every version of an insuree, oldest first (who changed what: auditHistory(entity: "Insuree")).',
      extensions: { right: RIGHTS.insureeSearch },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => service.insureeHistory(ctx, String(a.id)),
    }),
    insureeDuplicates: t.field({
      type: [DuplicateRef],
      description:
        'Existing insurees who may be this person (same number, similar name + birth date + village, phone, id).',
      extensions: { authenticated: true },
      args: {
        input: t.arg({ type: InsureeDataInput, required: true }),
        villageId: t.arg.id({ description: 'The family’s village.' }),
        exceptId: t.arg.id({ description: 'The insuree being edited.' }),
      },
      resolve: (_r, a, ctx) =>
        service.findDuplicates(ctx, {
          ...asInsuree(a.input),
          villageId: a.villageId ? String(a.villageId) : null,
          exceptId: a.exceptId ? String(a.exceptId) : null,
        }),
    }),
    insureeNumberValidity: t.field({
      type: ValidityRef,
      extensions: { authenticated: true },
      args: { chfId: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: async (_r, a, ctx) => {
        const problems = await service.numberProblems(ctx, a.chfId, a.exceptId ? String(a.exceptId) : null);
        return {
          isValid: problems.length === 0,
          problems: problems.map((p) => ({ ...p, message: translate(ctx.locale, p.key, p.params ?? {}) })),
        };
      },
    }),
    newInsuranceNumber: t.string({
      description: 'A free insurance number of the configured format.',
      extensions: { right: RIGHTS.insureeAdd },
      resolve: (_r, _a, ctx) => service.newInsuranceNumber(ctx),
    }),
  }));

  const FamilyPayload = builder
    .objectRef<FamilyResult & { clientMutationId: string | null }>('FamilyPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        family: t.field({ type: FamilyRef, resolve: (p) => p.family }),
        head: t.field({ type: InsureeRef, nullable: true, resolve: (p) => p.head }),
      }),
    });
  const InsureePayload = payloadType(builder, 'InsureePayload', 'insuree', InsureeRef);
  const DeletedPayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('InsureeDeletedPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });

  defineMutation(builder, 'createFamily', {
    guard: { right: RIGHTS.familyAdd },
    input: (t) => ({
      ...familyFields(t),
      head: t.field({ type: InsureeDataInput, required: true }),
      confirmDuplicates: t.boolean({ description: 'Save although likely duplicates exist.' }),
    }),
    payload: FamilyPayload,
    run: async (input, tx): Promise<FamilyResult> => {
      const { head, confirmDuplicates, ...fam } = input;
      return service.createFamily(tx, asFamily(fam), asInsuree(head), { confirmDuplicates });
    },
  });
  defineMutation(builder, 'updateFamily', {
    guard: { right: RIGHTS.familyEdit },
    input: (t) => ({ id: t.id({ required: true }), ...familyFields(t) }),
    payload: FamilyPayload,
    run: async ({ id, ...fam }, tx): Promise<FamilyResult> => ({
      family: await service.updateFamily(tx, String(id), asFamily(fam)),
      head: null,
    }),
  });
  defineMutation(builder, 'deleteFamily', {
    guard: { right: RIGHTS.familyDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletedPayload,
    run: async (input, tx) => {
      await service.deleteFamily(tx, String(input.id));
      return { deletedId: String(input.id) };
    },
  });
  defineMutation(builder, 'changeHead', {
    guard: { right: RIGHTS.familyEdit },
    input: (t) => ({ familyId: t.id({ required: true }), insureeId: t.id({ required: true }) }),
    payload: FamilyPayload,
    run: async (input, tx): Promise<FamilyResult> => ({
      family: await service.changeHead(tx, String(input.familyId), String(input.insureeId)),
      head: await service.getInsuree(tx, String(input.insureeId)),
    }),
  });
  defineMutation(builder, 'addInsuree', {
    guard: { right: RIGHTS.insureeAdd },
    input: (t) => ({
      familyId: t.id({ required: true }),
      insuree: t.field({ type: InsureeDataInput, required: true }),
      confirmDuplicates: t.boolean(),
    }),
    payload: InsureePayload,
    run: async (input, tx) => ({
      insuree: await service.addInsuree(tx, String(input.familyId), asInsuree(input.insuree), {
        confirmDuplicates: input.confirmDuplicates,
      }),
    }),
  });
  defineMutation(builder, 'updateInsuree', {
    guard: { right: RIGHTS.insureeEdit },
    input: (t) => ({ id: t.id({ required: true }), insuree: t.field({ type: InsureeDataInput, required: true }) }),
    payload: InsureePayload,
    run: async (input, tx) => ({
      insuree: await service.updateInsuree(tx, String(input.id), asInsuree(input.insuree)),
    }),
  });
  defineMutation(builder, 'moveInsuree', {
    guard: { right: RIGHTS.insureeEdit },
    input: (t) => ({ id: t.id({ required: true }), familyId: t.id({ required: true, description: 'Target family.' }) }),
    payload: InsureePayload,
    run: async (input, tx) => ({ insuree: await service.moveInsuree(tx, String(input.id), String(input.familyId)) }),
  });
  defineMutation(builder, 'removeInsuree', {
    guard: { right: RIGHTS.insureeDelete },
    input: (t) => ({
      id: t.id({ required: true }),
      newHeadId: t.id({ description: 'Required when removing the head: the member who becomes head.' }),
    }),
    payload: DeletedPayload,
    run: async (input, tx) => {
      await service.removeInsuree(tx, String(input.id), {
        newHeadId: input.newHeadId ? String(input.newHeadId) : null,
      });
      return { deletedId: String(input.id) };
    },
  });
  defineMutation(builder, 'setPhoto', {
    guard: { right: RIGHTS.insureeEdit },
    input: (t) => ({
      insureeId: t.id({ required: true }),
      photo: t.string({ description: 'Base64 JPEG or PNG; empty or absent removes the photo.' }),
      mime: t.string({ description: 'image/jpeg or image/png.' }),
    }),
    payload: InsureePayload,
    run: async (input, tx) => {
      const data = input.photo ? Buffer.from(input.photo, 'base64') : null;
      if (data && !data.length) throw InputError.fields([{ field: 'photo', key: 'insuree.error.photoType' }]);
      return {
        insuree: await service.setPhoto(
          tx,
          String(input.insureeId),
          data ? { mime: input.mime ?? 'image/jpeg', data: new Uint8Array(data) } : null,
        ),
      };
    },
  });
}
