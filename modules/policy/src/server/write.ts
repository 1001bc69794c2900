import { enrolmentWrites } from './enrolment.js';
import { memberCoverageWrites } from './member-coverage.js';
import { statusWrites } from './policy-status.js';
import { createVersions, type WriteDeps } from './policy-versions.js';

export type { WriteDeps } from './policy-versions.js';

/** The policy module's writes, sharing one set of version helpers. */
export function createWriter(deps: WriteDeps) {
  const versions = createVersions(deps);
  return {
    ...enrolmentWrites(deps, versions),
    ...statusWrites(deps, versions),
    ...memberCoverageWrites(deps, versions),
  };
}
