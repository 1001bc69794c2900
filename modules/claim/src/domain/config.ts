import type { EngineConfig } from './types.js';

export const DEFAULT_CONFIG: Readonly<EngineConfig> = Object.freeze({
  ageOfMajority: 18,
  partialApprovalOnProvisionLimit: false,
});

/** The module config with its defaults (DECISIONS.md #1, #10). */
export const engineConfig = (c: Partial<EngineConfig> | undefined): EngineConfig =>
  c ? { ...DEFAULT_CONFIG, ...c } : DEFAULT_CONFIG;
