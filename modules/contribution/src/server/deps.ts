import type { InsureeApi } from '@mutua/insuree';
import { ForbiddenError, type Hooks } from '@mutua/kernel';
import type { PayerService } from '@mutua/payer';
import type { PolicyApi } from '@mutua/policy';
import type { ProductApi } from '@mutua/product';
import type { ActivationOption } from '../domain/types.js';

/** What the contribution service is built with (from `setup`). */
export interface ContributionDeps {
  hooks: Hooks;
  insurees: InsureeApi;
  policies: PolicyApi;
  payers: PayerService;
  products: ProductApi;
  activationOption: ActivationOption;
}

/** Refused as out of the user's districts (403). */
export const outOfScope = () => new ForbiddenError(undefined, 'contribution.error.outOfScope');
