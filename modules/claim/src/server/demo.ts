import type { Ctx, GenerateOptions } from '@mutua/kernel';
import type { ClaimService } from './service.js';

/** Demo claims: filled in once the insuree/policy demos exist (see README). */
export async function seedDemo(_ctx: Ctx, _claims: ClaimService): Promise<void> {}
export async function generateClaims(_ctx: Ctx, _claims: ClaimService, _opts: GenerateOptions): Promise<void> {}
