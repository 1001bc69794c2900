import { type Builder, connectionType, defineMutation, payloadType, type Types } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import { diagnosisObject, type MedicalApi, medicalItemObject, medicalServiceObject } from '../points.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type ObjectFields = PothosSchemaTypes.ObjectFieldBuilder<Types, { validFrom: string; validTo: string | null }>;

const versionFields = (t: ObjectFields) => ({
  validFrom: t.field({ type: 'DateTime', resolve: (r) => r.validFrom }),
  validTo: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.validTo }),
});

const ASOF = 'Read the versions valid at this date (end of day) or timestamp; current ones when omitted.';

export function registerMedicalGraphql(builder: Builder, service: MedicalApi): void {
  const ItemRef = medicalItemObject(builder);
  const ServiceRef = medicalServiceObject(builder);
  const DiagnosisRef = diagnosisObject(builder);

  builder.objectType(ItemRef, {
    description: 'A medical item (drug or consumable) of the register, one version of it.',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      type: t.exposeString('type', { description: 'D drug, M medical consumable.' }),
      package: t.exposeString('package', { nullable: true }),
      price: t.exposeString('price', { description: 'Default tariff, exact decimal.' }),
      quantity: t.exposeString('quantity', { nullable: true }),
      maximumQuantity: t.exposeString('maximumQuantity', {
        nullable: true,
        description: 'Max quantity per claim line.',
      }),
      careType: t.exposeString('careType', { description: 'I in-patient, O out-patient, B both.' }),
      frequency: t.exposeInt('frequency', { nullable: true, description: 'Minimum days between two provisions.' }),
      patientCategory: t.exposeInt('patientCategory', { description: 'Bitmask: male 1, female 2, adult 4, minor 8.' }),
      ...versionFields(t as unknown as ObjectFields),
    }),
  });
  builder.objectType(ServiceRef, {
    description: 'A medical service (act) of the register, one version of it.',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      type: t.exposeString('type', { description: 'P preventative, C curative.' }),
      category: t.exposeString('category', {
        nullable: true,
        description: 'S surgery, D delivery, A antenatal, H hospitalization, C consultation, O other, V visit.',
      }),
      level: t.exposeString('level', { description: 'S simple service, V visit, D day of stay, H hospital case.' }),
      price: t.exposeString('price'),
      maximumQuantity: t.exposeString('maximumQuantity', { nullable: true }),
      careType: t.exposeString('careType'),
      frequency: t.exposeInt('frequency', { nullable: true }),
      patientCategory: t.exposeInt('patientCategory'),
      packageType: t.exposeString('packageType', { description: 'S simple, P package, F fixed-price package.' }),
      manualPrice: t.exposeBoolean('manualPrice'),
      ...versionFields(t as unknown as ObjectFields),
    }),
  });
  builder.objectType(DiagnosisRef, {
    description: 'An ICD-10 diagnosis (CIM-10).',
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      nameFr: t.exposeString('nameFr', { nullable: true }),
      ...versionFields(t as unknown as ObjectFields),
    }),
  });
  const ItemConnection = connectionType(builder, ItemRef, 'MedicalItem');
  const ServiceConnection = connectionType(builder, ServiceRef, 'MedicalService');
  const DiagnosisConnection = connectionType(builder, DiagnosisRef, 'Diagnosis');

  builder.queryFields((t) => ({
    medicalItems: t.field({
      type: ItemConnection,
      extensions: { right: RIGHTS.itemSearch },
      args: {
        search: t.arg.string({ description: 'Code prefix or part of the name.' }),
        code: t.arg.string({ description: 'Code prefix.' }),
        type: t.arg.string(),
        careType: t.arg.string(),
        asOf: t.arg.string({ description: ASOF }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_r, a, ctx) => service.searchItems(ctx, a, a),
    }),
    medicalItem: t.field({
      type: ItemRef,
      nullable: true,
      extensions: { right: RIGHTS.itemSearch },
      args: { id: t.arg.id({ required: true }), asOf: t.arg.string({ description: ASOF }) },
      resolve: (_r, a, ctx) => service.getItem(ctx, a.id, a.asOf),
    }),
    validateItemCode: t.boolean({
      description: 'True when no current item uses the code (other than exceptId).',
      extensions: { right: RIGHTS.itemSearch },
      args: { code: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: (_r, a, ctx) => service.isItemCodeFree(ctx, a.code, a.exceptId),
    }),
    medicalServices: t.field({
      type: ServiceConnection,
      extensions: { right: RIGHTS.serviceSearch },
      args: {
        search: t.arg.string({ description: 'Code prefix or part of the name.' }),
        code: t.arg.string({ description: 'Code prefix.' }),
        type: t.arg.string(),
        careType: t.arg.string(),
        category: t.arg.string(),
        level: t.arg.string(),
        asOf: t.arg.string({ description: ASOF }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_r, a, ctx) => service.searchServices(ctx, a, a),
    }),
    medicalService: t.field({
      type: ServiceRef,
      nullable: true,
      extensions: { right: RIGHTS.serviceSearch },
      args: { id: t.arg.id({ required: true }), asOf: t.arg.string({ description: ASOF }) },
      resolve: (_r, a, ctx) => service.getService(ctx, a.id, a.asOf),
    }),
    validateServiceCode: t.boolean({
      description: 'True when no current service uses the code (other than exceptId).',
      extensions: { right: RIGHTS.serviceSearch },
      args: { code: t.arg.string({ required: true }), exceptId: t.arg.id() },
      resolve: (_r, a, ctx) => service.isServiceCodeFree(ctx, a.code, a.exceptId),
    }),
    diagnoses: t.field({
      type: DiagnosisConnection,
      // Claims pick diagnoses: any signed-in user may search them (openIMIS serves diagnosesStr to claim clerks).
      extensions: { authenticated: true },
      args: {
        search: t.arg.string({ description: 'Code prefix or part of the English or French name.' }),
        asOf: t.arg.string({ description: ASOF }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_r, a, ctx) => service.searchDiagnoses(ctx, a, a),
    }),
    diagnosis: t.field({
      type: DiagnosisRef,
      nullable: true,
      extensions: { authenticated: true },
      args: { id: t.arg.id({ required: true }), asOf: t.arg.string({ description: ASOF }) },
      resolve: (_r, a, ctx) => service.getDiagnosis(ctx, a.id, a.asOf),
    }),
  }));

  const itemFields = (t: InputFields) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    type: t.string({ required: true }),
    package: t.string(),
    price: t.string({ required: true, description: 'Exact decimal, e.g. "1500.00".' }),
    quantity: t.string(),
    maximumQuantity: t.string(),
    careType: t.string({ required: true }),
    frequency: t.int(),
    patientCategory: t.int({ description: '1–15; 15 (everyone) when omitted.' }),
  });
  const serviceFields = (t: InputFields) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    type: t.string({ required: true }),
    category: t.string(),
    level: t.string({ required: true }),
    price: t.string({ required: true }),
    maximumQuantity: t.string(),
    careType: t.string({ required: true }),
    frequency: t.int(),
    patientCategory: t.int(),
    packageType: t.string(),
    manualPrice: t.boolean(),
  });
  const ItemPayload = payloadType(builder, 'MedicalItemPayload', 'medicalItem', ItemRef);
  const ServicePayload = payloadType(builder, 'MedicalServicePayload', 'medicalService', ServiceRef);
  const DeletePayload = builder
    .objectRef<{ clientMutationId: string | null; deletedId: string }>('DeleteMedicalPayload')
    .implement({
      fields: (t) => ({
        clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
        deletedId: t.exposeID('deletedId'),
      }),
    });

  defineMutation(builder, 'createMedicalItem', {
    guard: { right: RIGHTS.itemAdd },
    input: itemFields,
    payload: ItemPayload,
    run: async (input, tx) => ({ medicalItem: await service.createItem(tx, input) }),
  });
  defineMutation(builder, 'updateMedicalItem', {
    guard: { right: RIGHTS.itemEdit },
    input: (t) => ({ id: t.id({ required: true }), ...itemFields(t) }),
    payload: ItemPayload,
    run: async (input, tx) => ({ medicalItem: await service.updateItem(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteMedicalItem', {
    guard: { right: RIGHTS.itemDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteItem(tx, input.id);
      return { deletedId: input.id };
    },
  });
  const diagnosisFields = (t: InputFields) => ({
    code: t.string({ required: true, description: 'ICD-10 code, at most 6 characters.' }),
    name: t.string({ required: true }),
    nameFr: t.string(),
  });
  const DiagnosisPayload = payloadType(builder, 'DiagnosisPayload', 'diagnosis', DiagnosisRef);
  defineMutation(builder, 'createDiagnosis', {
    guard: { right: RIGHTS.diagnosisUpload },
    input: diagnosisFields,
    payload: DiagnosisPayload,
    run: async (input, tx) => ({ diagnosis: await service.createDiagnosis(tx, input) }),
  });
  defineMutation(builder, 'updateDiagnosis', {
    guard: { right: RIGHTS.diagnosisUpload },
    input: (t) => ({ id: t.id({ required: true }), ...diagnosisFields(t) }),
    payload: DiagnosisPayload,
    run: async (input, tx) => ({ diagnosis: await service.updateDiagnosis(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteDiagnosis', {
    guard: { right: RIGHTS.diagnosisUpload },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteDiagnosis(tx, input.id);
      return { deletedId: input.id };
    },
  });
  defineMutation(builder, 'createMedicalService', {
    guard: { right: RIGHTS.serviceAdd },
    input: serviceFields,
    payload: ServicePayload,
    run: async (input, tx) => ({ medicalService: await service.createService(tx, input) }),
  });
  defineMutation(builder, 'updateMedicalService', {
    guard: { right: RIGHTS.serviceEdit },
    input: (t) => ({ id: t.id({ required: true }), ...serviceFields(t) }),
    payload: ServicePayload,
    run: async (input, tx) => ({ medicalService: await service.updateService(tx, input.id, input) }),
  });
  defineMutation(builder, 'deleteMedicalService', {
    guard: { right: RIGHTS.serviceDelete },
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: DeletePayload,
    run: async (input, tx) => {
      await service.deleteService(tx, input.id);
      return { deletedId: input.id };
    },
  });
}
