import type { InsureeApi } from '../points.js';
import { createFamilyPages } from './family-pages.js';
import { createReader, type ReadDeps } from './read.js';
import { createWriter, type WriteDeps } from './write.js';

/** Assembles the service; every operation takes the caller's context first. */
export function createInsureeService(deps: ReadDeps & Omit<WriteDeps, 'read'>): InsureeApi {
  const read = createReader(deps);
  const write = createWriter({ ...deps, read });
  return {
    getFamily: read.getFamily,
    getFamilies: read.getFamilies,
    familyMembers: read.familyMembers,
    getInsuree: read.getInsuree,
    getInsurees: read.getInsurees,
    findByNumber: read.findByNumber,
    findByNumbers: read.findByNumbers,
    familyScopeCondition: read.familyScopeCondition,
    familyVillageSql: read.familyVillageSql,
    canWriteFamily: read.canWriteFamily,
    searchInsurees: read.searchInsurees,
    searchFamilies: read.searchFamilies,
    insureeHistory: read.insureeHistory,
    ...createFamilyPages(deps),
    ...write,
  };
}
