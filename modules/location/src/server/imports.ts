import type { Importers } from '@mutua/kernel';
import { RIGHTS } from '../manifest.js';
import { importHealthFacilities } from './hf-import.js';
import { importLocations } from './location-import.js';
import type { WriteDeps } from './location-write.js';

/** Registers the two register imports; the kernel serves them at `POST /api/imports/{id}` and in `mutua import`. */
export function registerImports(imports: Importers, deps: WriteDeps): void {
  imports.add({
    id: 'location.locations',
    right: RIGHTS.locationImport,
    formats: ['csv', 'xml'],
    label: 'location.import.locations',
    run: (ctx, input) => importLocations(deps, ctx, input),
  });
  imports.add({
    id: 'location.healthFacilities',
    right: RIGHTS.hfImport,
    formats: ['csv', 'xml'],
    label: 'location.import.healthFacilities',
    run: (ctx, input) => importHealthFacilities(deps, ctx, input),
  });
}
