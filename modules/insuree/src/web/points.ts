import { definePoint } from '@mutua/web-kernel';
import type { ComponentType } from 'react';

/** Panels below the members on the family page (policies, contributions…). */
export const familyPanels = definePoint<ComponentType<{ familyId: string }>>('insuree.familyPanels', {
  wrapComponents: true,
});
