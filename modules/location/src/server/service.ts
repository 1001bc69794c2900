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
  return {
    levels: deps.config.levels,
    scope: scope.scope,
    scopeCondition: scope.scopeCondition,
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
    createLocation: (ctx, input) => write.createLocation(deps, ctx, input),
    updateLocation: (ctx, id, input) => write.updateLocation(deps, ctx, id, input),
    deleteLocation: (ctx, id, opts) => treeWrite.deleteLocation(deps, ctx, id, opts),
    moveLocation: (ctx, id, newParentId) => treeWrite.moveLocation(deps, ctx, id, newParentId),

    searchHealthFacilities: hfRead.searchHealthFacilities,
    getHealthFacility: hfRead.getHealthFacility,
    getHealthFacilities: hfRead.getHealthFacilities,
    findHealthFacilityByCode: hfRead.findHealthFacilityByCode,
    isHealthFacilityCodeFree: hfRead.isHealthFacilityCodeFree,
    createHealthFacility: (ctx, input) => hfWrite.createHealthFacility(deps, ctx, input),
    updateHealthFacility: (ctx, id, input) => hfWrite.updateHealthFacility(deps, ctx, id, input),
    deleteHealthFacility: (ctx, id) => hfWrite.deleteHealthFacility(deps, ctx, id),
  };
}
