import type { PricelistApi } from '../points.js';
import { createFacilityPrices } from './facility-prices.js';
import { createKindService, type KindService } from './kind-service.js';
import type { Deps } from './pricelist-common.js';

export { createKindService, type KindService } from './kind-service.js';
export { checkAsOf, type Deps, ENTITY } from './pricelist-common.js';

export interface PricelistService extends PricelistApi {
  items: KindService;
  services: KindService;
  /** The services it reads (demo seed). */
  deps: Deps;
}

export function createPricelistService(deps: Deps): PricelistService {
  const items = createKindService('items', deps);
  const services = createKindService('services', deps);
  return { items, services, deps, ...createFacilityPrices(deps, items, services) };
}
