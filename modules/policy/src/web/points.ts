import { definePoint } from '@mutua/web-kernel';
import type { ComponentType } from 'react';

/** Panels on the policy page (contributions…). */
export const policyPanels = definePoint<ComponentType<{ policyId: string; familyId: string }>>('policy.policyPanels', {
  wrapComponents: true,
});
