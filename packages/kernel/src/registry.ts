import type { ModuleDefinition } from './module.js';

/** One entry of composition.json. */
export interface CompositionEntry {
  id: string;
  config?: Record<string, unknown>;
}
export interface Composition {
  modules: CompositionEntry[];
}

/** A composition the registry refuses; the message names the module and the fix. */
export class CompositionError extends Error {
  override name = 'CompositionError';
}

export interface ResolvedModule {
  def: ModuleDefinition<unknown, unknown>;
  config: unknown;
}

/** Loads a module's server entry: `@mutua/<id>` by default. */
export type ModuleLoader = (id: string) => Promise<ModuleDefinition<unknown, unknown>>;

export const packageLoader: ModuleLoader = async (id) => {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    throw new CompositionError(`module id '${id}' is invalid — use lowercase letters, digits and '-'`);
  }
  try {
    const mod = (await import(`@mutua/${id}`)) as { default?: ModuleDefinition<unknown, unknown> };
    if (!mod.default?.manifest)
      throw new CompositionError(`package @mutua/${id} has no default defineModule(...) export`);
    return mod.default;
  } catch (err) {
    if (err instanceof CompositionError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(`@mutua/${id}`)) {
      throw new CompositionError(
        `unknown module '${id}' in composition.json — no package @mutua/${id} is installed; fix the id or remove it`,
      );
    }
    throw err;
  }
};

/**
 * Checks a composition and returns its modules in dependency order. Refuses, naming the fix: an unknown module,
 * a duplicate, a missing dependency, a cycle, or config that fails the module's schema.
 */
export function resolveComposition(
  composition: Composition,
  defs: ReadonlyMap<string, ModuleDefinition<unknown, unknown>>,
): ResolvedModule[] {
  const entries = new Map<string, CompositionEntry>();
  for (const e of composition.modules) {
    if (entries.has(e.id))
      throw new CompositionError(`module '${e.id}' is listed twice in composition.json — keep one`);
    const def = defs.get(e.id);
    if (!def) throw new CompositionError(`unknown module '${e.id}' in composition.json — fix the id or remove it`);
    if (def.manifest.id !== e.id) {
      throw new CompositionError(`package for '${e.id}' declares id '${def.manifest.id}' — the ids must match`);
    }
    entries.set(e.id, e);
  }
  for (const id of entries.keys()) {
    for (const dep of defs.get(id)!.manifest.dependsOn ?? []) {
      if (!entries.has(dep)) {
        throw new CompositionError(
          `module '${id}' needs '${dep}', which is not in composition.json — add '${dep}' or remove '${id}'`,
        );
      }
    }
  }
  // Depth-first topological sort; optional dependencies order too when present.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id].join(' → ');
      throw new CompositionError(`dependency cycle between modules: ${cycle} — remove one of these dependencies`);
    }
    state.set(id, 'visiting');
    const m = defs.get(id)!.manifest;
    for (const dep of [...(m.dependsOn ?? []), ...(m.optionalDependsOn ?? []).filter((d) => entries.has(d))]) {
      visit(dep, [...path, id]);
    }
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of entries.keys()) visit(id, []);

  return order.map((id) => {
    const def = defs.get(id)!;
    const raw = entries.get(id)!.config ?? {};
    let config: unknown = raw;
    if (def.manifest.config) {
      const parsed = def.manifest.config.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
        throw new CompositionError(`invalid config for module '${id}' in composition.json — ${issues}`);
      }
      config = parsed.data;
    }
    return { def, config };
  });
}

/** Loads every listed module through `loader`, then resolves the composition. */
export async function loadComposition(
  composition: Composition,
  loader: ModuleLoader = packageLoader,
): Promise<ResolvedModule[]> {
  const defs = new Map<string, ModuleDefinition<unknown, unknown>>();
  for (const e of composition.modules) {
    if (!defs.has(e.id)) defs.set(e.id, await loader(e.id));
  }
  return resolveComposition(composition, defs);
}
