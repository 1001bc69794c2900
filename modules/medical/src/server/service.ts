import type { Hooks } from '@mutua/kernel';
import { InputError, requireRight, withTransaction } from '@mutua/kernel';
import { checkDiagnosis, checkItem, checkService } from '../domain/rules.js';
import type { DiagnosisInput } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import { diagnosisChanged, itemChanged, type MedicalApi, serviceChanged } from '../points.js';
import { createRegister } from './register.js';
import { diagnosis, medicalItem, medicalService } from './schema.js';

/** The three registers over their tables. */
export function createRegisters(hooks: Hooks) {
  return {
    items: createRegister(
      {
        entity: 'MedicalItem',
        table: medicalItem,
        rights: { add: RIGHTS.itemAdd, edit: RIGHTS.itemEdit, delete: RIGHTS.itemDelete },
        codeTakenKey: 'medical.error.itemCodeTaken',
        check: checkItem,
        filters: { type: medicalItem.type, careType: medicalItem.careType },
        nameColumns: [],
        changed: itemChanged,
      },
      hooks,
    ),
    services: createRegister(
      {
        entity: 'MedicalService',
        table: medicalService,
        rights: { add: RIGHTS.serviceAdd, edit: RIGHTS.serviceEdit, delete: RIGHTS.serviceDelete },
        codeTakenKey: 'medical.error.serviceCodeTaken',
        check: checkService,
        filters: {
          type: medicalService.type,
          careType: medicalService.careType,
          category: medicalService.category,
          level: medicalService.level,
        },
        nameColumns: [],
        changed: serviceChanged,
      },
      hooks,
    ),
    diagnoses: createRegister(
      {
        entity: 'Diagnosis',
        table: diagnosis,
        rights: { add: RIGHTS.diagnosisUpload, edit: RIGHTS.diagnosisUpload, delete: RIGHTS.diagnosisUpload },
        codeTakenKey: 'medical.error.diagnosisCodeTaken',
        check: checkDiagnosis,
        filters: {},
        nameColumns: [diagnosis.nameFr],
        changed: diagnosisChanged,
      },
      hooks,
    ),
  };
}
export type Registers = ReturnType<typeof createRegisters>;

/** Assembles the public service from the registers; every operation takes the caller's context first. */
export function createMedicalService(r: Registers): MedicalApi {
  return {
    getItems: r.items.get,
    getItem: async (ctx, id, asOf) => (await r.items.get(ctx, [id], asOf))[0] ?? null,
    findItemByCode: r.items.findByCode,
    itemsByCodes: r.items.getByCodes,
    searchItems: r.items.search,
    isItemCodeFree: r.items.isCodeFree,
    itemHistory: r.items.history,
    createItem: r.items.create,
    updateItem: r.items.update,
    deleteItem: r.items.remove,

    getServices: r.services.get,
    getService: async (ctx, id, asOf) => (await r.services.get(ctx, [id], asOf))[0] ?? null,
    findServiceByCode: r.services.findByCode,
    servicesByCodes: r.services.getByCodes,
    searchServices: r.services.search,
    isServiceCodeFree: r.services.isCodeFree,
    serviceHistory: r.services.history,
    createService: r.services.create,
    updateService: r.services.update,
    deleteService: r.services.remove,

    getDiagnoses: r.diagnoses.get,
    getDiagnosis: async (ctx, id, asOf) => (await r.diagnoses.get(ctx, [id], asOf))[0] ?? null,
    findDiagnosisByCode: r.diagnoses.findByCode,
    diagnosesByCodes: r.diagnoses.getByCodes,
    searchDiagnoses: r.diagnoses.search,
    diagnosisHistory: r.diagnoses.history,
    createDiagnosis: r.diagnoses.create,
    updateDiagnosis: r.diagnoses.update,
    deleteDiagnosis: r.diagnoses.remove,
    async upsertDiagnoses(ctx, inputs: readonly DiagnosisInput[]) {
      requireRight(ctx, RIGHTS.diagnosisUpload);
      const values = inputs.map((input, i) => {
        const { problems, values } = checkDiagnosis(input);
        if (problems.length) throw InputError.fields(problems.map((p) => ({ ...p, field: `${i}.${p.field}` })));
        return values;
      });
      return withTransaction(ctx, (tx) => r.diagnoses.upsert(tx, values));
    },
  };
}
