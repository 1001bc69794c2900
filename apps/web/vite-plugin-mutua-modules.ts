import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:mutua-modules';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const CONDITIONS = ['@mutua/source', 'import', 'default'];

interface CompositionFile {
  modules: Array<{ id: string; config?: Record<string, unknown> }>;
}

type ExportTarget = string | { [condition: string]: ExportTarget } | null | undefined;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Picks the file an `exports` entry points to, preferring the source condition. */
function pickTarget(target: ExportTarget): string | undefined {
  if (typeof target === 'string') return target;
  if (!target) return undefined;
  for (const c of CONDITIONS) {
    const hit = pickTarget(target[c]);
    if (hit) return hit;
  }
  return undefined;
}

/** `@mutua/<name>[/sub]` → the source file the workspace package exports, whether or not npm linked it. */
function resolveWorkspace(repoRoot: string, specifier: string): string | undefined {
  const m = /^@mutua\/([a-z0-9-]+)(\/.*)?$/.exec(specifier);
  if (!m) return undefined;
  const [, name, sub] = m;
  for (const dir of ['packages', 'modules', 'apps']) {
    const pkgDir = path.join(repoRoot, dir, name ?? '');
    const pkgFile = path.join(pkgDir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = readJson<{ name?: string; exports?: Record<string, ExportTarget> }>(pkgFile);
    if (pkg.name !== `@mutua/${name}`) continue;
    const target = pickTarget(pkg.exports?.[sub ? `.${sub}` : '.']);
    return target ? path.join(pkgDir, target) : undefined;
  }
  return undefined;
}

/** The modules of composition.json that have a web part (`exports["./web"]` in their package.json). */
export function webModulesOf(repoRoot: string): { ids: string[]; composition: CompositionFile } {
  const file = process.env.MUTUA_COMPOSITION ?? path.join(repoRoot, 'composition.json');
  if (!existsSync(file)) throw new Error(`composition.json not found at ${file}: create it with {"modules": []}`);
  const composition = readJson<CompositionFile>(file);
  if (!Array.isArray(composition.modules)) throw new Error(`${file}: "modules" must be an array of { id, config }`);
  const ids: string[] = [];
  for (const { id } of composition.modules) {
    const pkgFile = path.join(repoRoot, 'modules', id, 'package.json');
    if (!existsSync(pkgFile)) {
      throw new Error(`module '${id}' is listed in composition.json but modules/${id}/package.json does not exist`);
    }
    const pkg = readJson<{ exports?: Record<string, ExportTarget> }>(pkgFile);
    if (!pkg.exports || !('./web' in pkg.exports)) continue;
    const entry = pickTarget(pkg.exports['./web']);
    if (!entry || !existsSync(path.join(repoRoot, 'modules', id, entry))) {
      // a module being written may declare its web entry before the file exists: skip it, loudly
      console.warn(`[mutua] module '${id}' exports "./web" but ${entry ?? '(no target)'} is missing: skipped`);
      continue;
    }
    ids.push(id);
  }
  return { ids, composition };
}

/**
 * Provides `virtual:mutua-modules`: the default export lists the web part of each module in composition.json
 * (modules without `exports["./web"]` are skipped); `composition` holds the module ids and config. Also resolves
 * `@mutua/*` workspace imports to their source.
 */
export function mutuaModules(repoRoot: string): Plugin {
  const compositionFile = process.env.MUTUA_COMPOSITION ?? path.join(repoRoot, 'composition.json');
  return {
    name: 'mutua-modules',
    enforce: 'pre',
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      return resolveWorkspace(repoRoot, id);
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(compositionFile);
      const { ids, composition } = webModulesOf(repoRoot);
      const imports = ids.map((id, i) => `import m${i} from '@mutua/${id}/web';`).join('\n');
      const list = ids.map((_, i) => `m${i}`).join(', ');
      const comp = { modules: composition.modules.map((m) => ({ id: m.id, config: m.config ?? {} })) };
      return `${imports}\nexport default [${list}];\nexport const composition = ${JSON.stringify(comp)};\n`;
    },
    handleHotUpdate(ctx) {
      if (ctx.file === compositionFile) ctx.server.restart();
    },
  };
}
