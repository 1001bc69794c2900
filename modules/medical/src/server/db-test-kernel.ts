import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Ctx, ModuleDefinition, MutuaError } from '@mutua/kernel';
import { startTestKernel, type TestKernel } from '@mutua/kernel/testing';
import { type MedicalApi, medicalService } from '../points.js';
import { seedDemo } from './demo.js';
import medical from './index.js';

export interface MedicalTestKernel {
  k: TestKernel;
  service: MedicalApi;
  admin: Ctx;
  token: string;
}

/**
 * One kernel for the calling test file (PGlite, or DATABASE_URL) with the demo registers, an admin token; read it
 * inside tests only.
 */
export function useMedicalKernel(): MedicalTestKernel {
  const t = {} as MedicalTestKernel;
  before(async () => {
    const k = await startTestKernel({ modules: [medical as ModuleDefinition<unknown, unknown>] });
    const service = k.kernel.service(medicalService)!;
    const admin = k.adminCtx();
    await seedDemo(admin, service);
    await k.createUser({ username: 'med-admin', admin: true });
    Object.assign(t, { k, service, admin, token: await k.loginToken('med-admin') });
  });
  after(async () => {
    await t.k?.close();
  });
  return t;
}

/** Asserts that `p` fails with this Mutua error code, then runs `check` on the error. */
export const rejects = (p: Promise<unknown>, code: string, check?: (e: MutuaError) => void) =>
  assert.rejects(p, (e: MutuaError) => {
    assert.equal(e.code, code, e.message);
    check?.(e);
    return true;
  });
