import type { OfficerService } from '../points.js';
import { createClaimAdminOps } from './claim-admin-service.js';
import type { OfficerDeps } from './common.js';
import { createOfficerOps } from './officer-service.js';

/** Assembles the service from its parts; every operation takes the caller's context first. */
export function createOfficerService(deps: OfficerDeps): OfficerService {
  return { ...createOfficerOps(deps), ...createClaimAdminOps(deps) };
}
