import { readFileSync } from 'node:fs';
import { defineModule, type Messages } from '@mutua/kernel';
import { manifest, RIGHTS } from '../manifest.js';
import type { MedicalApi } from '../points.js';
import { seedDemo } from './demo.js';
import { registerExportRoutes } from './exports.js';
import { benchmarks, generate } from './generate.js';
import { registerMedicalGraphql } from './graphql.js';
import { registerImports } from './imports.js';
import { createMedicalService, createRegisters } from './service.js';

// Read at runtime: the same relative path works from src/server (tsx) and dist/server (node).
const catalog = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../locales/${locale}.json`, import.meta.url), 'utf8')) as Messages;

/** The medical module: the effective-dated items, services and ICD-10 diagnoses registers. */
export default defineModule<MedicalApi>({
  manifest,
  migrations: new URL('../../migrations/', import.meta.url),
  messages: { en: catalog('en'), fr: catalog('fr') },
  setup({ hooks, graphql, audit, imports, routes }) {
    const registers = createRegisters(hooks);
    const service = createMedicalService(registers);
    registerMedicalGraphql(graphql, service);
    audit.entity('MedicalItem', { right: RIGHTS.itemSearch });
    audit.entity('MedicalService', { right: RIGHTS.serviceSearch });
    audit.entity('Diagnosis', { right: RIGHTS.diagnosisSearch });
    registerImports(imports, registers);
    registerExportRoutes(routes, registers);
    return service;
  },
  seedDemo,
  generate,
  benchmarks,
});

/** Right names declared by the medical module. */
export { RIGHTS as MEDICAL_RIGHTS } from '../manifest.js';
/** The service type, its service ref, hook refs, GraphQL object refs and the patient-category helpers. */
export * from '../points.js';
