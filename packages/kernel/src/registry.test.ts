import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { defineModule, type ModuleDefinition, type ModuleManifest } from './module.js';
import { type Composition, CompositionError, loadComposition, packageLoader, resolveComposition } from './registry.js';

type Def = ModuleDefinition<unknown, unknown>;

const mod = (manifest: Omit<ModuleManifest<unknown>, 'version'>): Def =>
  defineModule({ manifest: { version: '1.0.0', ...manifest }, setup: () => undefined }) as Def;

const defsOf = (...defs: Def[]) => new Map(defs.map((d) => [d.manifest.id, d]));
const compose = (...ids: string[]): Composition => ({ modules: ids.map((id) => ({ id })) });
const ids = (resolved: ReturnType<typeof resolveComposition>) => resolved.map((r) => r.def.manifest.id);

const alpha = mod({ id: 'alpha' });
const beta = mod({ id: 'beta', dependsOn: ['alpha'] });

/** Asserts `fn` throws a CompositionError whose message is exactly `message`. */
function refuses(fn: () => unknown, message: string) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CompositionError, `expected a CompositionError, got ${String(err)}`);
    assert.equal(err.message, message);
    return true;
  });
}

describe('composition registry', () => {
  test('refuses a module id that no package provides, naming it and the fix', () => {
    refuses(
      () => resolveComposition(compose('alpha', 'nope'), defsOf(alpha)),
      "unknown module 'nope' in composition.json — fix the id or remove it",
    );
  });

  test('refuses a module listed twice', () => {
    refuses(
      () => resolveComposition(compose('alpha', 'alpha'), defsOf(alpha)),
      "module 'alpha' is listed twice in composition.json — keep one",
    );
  });

  test('refuses a package whose manifest id differs from the composition entry', () => {
    refuses(
      () => resolveComposition(compose('alpha'), new Map([['alpha', mod({ id: 'alfa' })]])),
      "package for 'alpha' declares id 'alfa' — the ids must match",
    );
  });

  test('refuses a missing dependency, naming the module, the dependency and both fixes', () => {
    refuses(
      () => resolveComposition(compose('beta'), defsOf(alpha, beta)),
      "module 'beta' needs 'alpha', which is not in composition.json — add 'alpha' or remove 'beta'",
    );
  });

  test('refuses a dependency cycle, naming every module on it in order', () => {
    const a = mod({ id: 'a', dependsOn: ['c'] });
    const b = mod({ id: 'b', dependsOn: ['a'] });
    const c = mod({ id: 'c', dependsOn: ['b'] });
    refuses(
      () => resolveComposition(compose('a', 'b', 'c'), defsOf(a, b, c)),
      'dependency cycle between modules: a → c → b → a — remove one of these dependencies',
    );
  });

  test('refuses a module that depends on itself', () => {
    const selfish = mod({ id: 'selfish', dependsOn: ['selfish'] });
    refuses(
      () => resolveComposition(compose('selfish'), defsOf(selfish)),
      'dependency cycle between modules: selfish → selfish — remove one of these dependencies',
    );
  });

  test('refuses a cycle that goes through an optional dependency when both modules are composed', () => {
    const a = mod({ id: 'a', optionalDependsOn: ['b'] });
    const b = mod({ id: 'b', dependsOn: ['a'] });
    assert.throws(
      () => resolveComposition(compose('a', 'b'), defsOf(a, b)),
      /dependency cycle between modules: a → b → a/,
    );
  });

  test('refuses invalid config, naming the module and the field', () => {
    const configured = defineModule({
      manifest: {
        id: 'configured',
        version: '1.0.0',
        config: z.object({ maxThings: z.number().int().positive().default(10), greeting: z.string().default('hi') }),
      },
      setup: () => undefined,
    }) as Def;
    assert.throws(
      () => resolveComposition({ modules: [{ id: 'configured', config: { maxThings: -3 } }] }, defsOf(configured)),
      (err: unknown) => {
        assert.ok(err instanceof CompositionError);
        assert.match(err.message, /^invalid config for module 'configured' in composition\.json — maxThings: /);
        return true;
      },
    );
  });

  test('fills config defaults and passes modules without a schema their raw config', () => {
    const configured = defineModule({
      manifest: { id: 'configured', version: '1.0.0', config: z.object({ greeting: z.string().default('hi') }) },
      setup: () => undefined,
    }) as Def;
    const raw = mod({ id: 'raw' });
    const resolved = resolveComposition(
      { modules: [{ id: 'configured' }, { id: 'raw', config: { anything: 1 } }] },
      defsOf(configured, raw),
    );
    assert.deepEqual(
      resolved.map((r) => r.config),
      [{ greeting: 'hi' }, { anything: 1 }],
    );
  });

  test('orders dependencies before the modules that need them, whatever the listing order', () => {
    const gamma = mod({ id: 'gamma', dependsOn: ['beta', 'alpha'] });
    assert.deepEqual(ids(resolveComposition(compose('gamma', 'beta', 'alpha'), defsOf(alpha, beta, gamma))), [
      'alpha',
      'beta',
      'gamma',
    ]);
  });

  test('orders an optional dependency first when it is composed', () => {
    const betaOpt = mod({ id: 'beta', dependsOn: ['alpha'], optionalDependsOn: ['gamma'] });
    const gamma = mod({ id: 'gamma' });
    assert.deepEqual(ids(resolveComposition(compose('beta', 'alpha', 'gamma'), defsOf(alpha, betaOpt, gamma))), [
      'alpha',
      'gamma',
      'beta',
    ]);
  });

  test('tolerates an optional dependency that is not composed', () => {
    const betaOpt = mod({ id: 'beta', dependsOn: ['alpha'], optionalDependsOn: ['gamma'] });
    assert.deepEqual(ids(resolveComposition(compose('beta', 'alpha'), defsOf(alpha, betaOpt))), ['alpha', 'beta']);
  });

  test('always yields each module once, after all its dependencies (random acyclic graphs)', () => {
    // A module may only depend on modules with a smaller index, so every generated graph is acyclic.
    const graph = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(
        fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
        fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
        fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
      ),
    );
    fc.assert(
      fc.property(graph, ([deps, optional, listing]) => {
        const name = (i: number) => `m${i}`;
        const defs = deps.map((d, i) =>
          mod({ id: name(i), dependsOn: d.map(name), optionalDependsOn: [...optional[i]!.map(name), 'absent'] }),
        );
        const order = ids(resolveComposition(compose(...listing.map(name)), defsOf(...defs)));
        assert.deepEqual([...order].sort(), defs.map((d) => d.manifest.id).sort());
        defs.forEach((d, i) => {
          for (const dep of [...deps[i]!, ...optional[i]!]) {
            assert.ok(order.indexOf(name(dep)) < order.indexOf(d.manifest.id), `${name(dep)} before ${d.manifest.id}`);
          }
        });
      }),
    );
  });

  test('loadComposition loads each listed module once through the loader and resolves them', async () => {
    const loaded: string[] = [];
    const resolved = await loadComposition(compose('beta', 'alpha'), async (id) => {
      loaded.push(id);
      return defsOf(alpha, beta).get(id)!;
    });
    assert.deepEqual(loaded, ['beta', 'alpha']);
    assert.deepEqual(ids(resolved), ['alpha', 'beta']);
  });

  test('packageLoader reports an id with no installed package as an unknown module', async () => {
    await assert.rejects(packageLoader('no-such-module'), {
      name: 'CompositionError',
      message:
        "unknown module 'no-such-module' in composition.json — no package @mutua/no-such-module is installed; fix the id or remove it",
    });
  });

  test('packageLoader refuses an id that is not a valid package name', async () => {
    await assert.rejects(packageLoader('../kernel'), {
      name: 'CompositionError',
      message: "module id '../kernel' is invalid — use lowercase letters, digits and '-'",
    });
  });
});
