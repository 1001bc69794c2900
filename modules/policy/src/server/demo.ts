import type { Ctx } from '@mutua/kernel';
import type { PolicyApi } from '../points.js';

/** Demo policies: filled in below once the insuree demo families exist. */
export async function seedDemo(_ctx: Ctx, _policies: PolicyApi): Promise<void> {}
