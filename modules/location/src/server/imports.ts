import type { Importers } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import { importHealthFacilities } from './hf-import.js';
import { importLocations } from './location-import.js';
import type { WriteDeps } from './location-write.js';

/** Registers the two register imports; the kernel serves them at `POST /api/imports/{id}` and in `mutua import`. */
export function registerImports(imports: Importers, deps: WriteDeps): void {
  const add = (id: string, right: string, label: string, run: typeof importLocations) =>
    imports.add({ id, right, formats: ['csv', 'xml'], label, run: (ctx, input) => run(deps, ctx, input) });
  add('location.locations', RIGHTS.locationImport, 'location.import.locations', importLocations);
  add('location.healthFacilities', RIGHTS.hfImport, 'location.import.healthFacilities', importHealthFacilities);
}
