import type { ProductApi } from '../points.js';
import { createReader } from './read.js';
import { createWriter, type WriteDeps } from './write.js';

/** Assembles the service; every operation takes the caller's context first. */
export function createProductService(deps: Omit<WriteDeps, 'read'>): ProductApi {
  const read = createReader(deps);
  const write = createWriter({ ...deps, read });
  return {
    searchProducts: read.searchProducts,
    getProduct: read.getProduct,
    getProducts: read.getProducts,
    findByCode: read.findByCode,
    isCodeFree: read.isCodeFree,
    productHistory: read.productHistory,
    productItems: (ctx, id, asOf) => read.lines(ctx, 'item', id, asOf),
    productServices: (ctx, id, asOf) => read.lines(ctx, 'service', id, asOf),
    limitDefaults: () => deps.lineDefaults,
    ...write,
  };
}
