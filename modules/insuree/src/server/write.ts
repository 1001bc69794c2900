import { familyWrites } from './family-write.js';
import { createChecks, type WriteDeps } from './insuree-checks.js';
import { photoWrites } from './insuree-photo.js';
import { insureeWrites } from './insuree-write.js';
import { createRowVersions } from './row-versions.js';

export type { WriteDeps } from './insuree-checks.js';
export { imageKind } from './insuree-photo.js';

/** The insuree module's writes, sharing one set of checks and row-version helpers. */
export function createWriter(deps: WriteDeps) {
  const checks = createChecks(deps);
  const rows = createRowVersions(deps);
  return {
    ...insureeWrites(deps, checks, rows),
    ...familyWrites(deps, checks, rows),
    ...photoWrites(deps, rows),
  };
}
