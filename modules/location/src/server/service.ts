import { requireUser } from '@mutua/kernel';
import type { LocationService } from '../points.js';
import * as hfRead from './hf-read.js';
import * as hfWrite from './hf-write.js';
import * as read from './location-read.js';
import * as treeWrite from './location-tree-write.js';
import * as write from './location-write.js';
import * as scope from './scope.js';
import { subtree } from './tree-sql.js';

/** Assembles the service from its parts; every operation takes the caller's context first. */
export function createLocationService(deps: write.WriteDeps): LocationService {
  /** A write with the module's hooks and config given (writes take them first). */
  function withDeps<A extends unknown[], R>(fn: (d: write.WriteDeps, ...args: A) => R) {
    return (...args: A) => fn(deps, ...args);
  }
  return {
    levels: deps.config.levels,
    scope: scope.scope,
    scopeCondition: scope.scopeCondition,
    facilityScopeCondition: scope.facilityScopeCondition,
    isInScope: scope.isInScope,
    subtreeIds: async (ctx, ids) => {
      requireUser(ctx);
      return subtree(ctx.db, ids);
    },
    ancestors: read.ancestors,

    searchLocations: read.searchLocations,
    children: read.children,
    getLocation: read.getLocation,
    getLocations: read.getLocations,
    findByCode: read.findByCode,
    isLocationCodeFree: read.isLocationCodeFree,
    createLocation: withDeps(write.createLocation),
    updateLocation: withDeps(write.updateLocation),
    deleteLocation: withDeps(treeWrite.deleteLocation),
    moveLocation: withDeps(treeWrite.moveLocation),

    searchHealthFacilities: hfRead.searchHealthFacilities,
    getHealthFacility: hfRead.getHealthFacility,
    getHealthFacilities: hfRead.getHealthFacilities,
    findHealthFacilityByCode: hfRead.findHealthFacilityByCode,
    isHealthFacilityCodeFree: hfRead.isHealthFacilityCodeFree,
    createHealthFacility: withDeps(hfWrite.createHealthFacility),
    updateHealthFacility: withDeps(hfWrite.updateHealthFacility),
    deleteHealthFacility: withDeps(hfWrite.deleteHealthFacility),
  };
}
