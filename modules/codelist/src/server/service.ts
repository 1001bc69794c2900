import { requireUser } from '@mutua/kernel';
import { clean, entryLabel, listKey } from '../domain/entry-rules.js';
import { CODE_LISTS } from '../domain/lists.js';
import type { CodeListService } from '../points.js';
import { createEntryCache, requireList } from './entry-read.js';
import * as write from './entry-write.js';

/** Assembles the service; every operation takes the caller's context first. */
export function createCodeListService(): CodeListService {
  const cache = createEntryCache();

  const entries: CodeListService['entries'] = async (ctx, list, opts = {}) => {
    const def = requireList(list);
    const all = (await cache.snapshot(ctx)).get(def.id) ?? [];
    return opts.includeInactive ? [...all] : all.filter((e) => e.active);
  };
  const find = async (ctx: Parameters<CodeListService['entries']>[0], list: string, code: string) =>
    (await entries(ctx, list, { includeInactive: true })).find((e) => e.code === code);

  return {
    lists: () => CODE_LISTS,
    entries,
    async isValid(ctx, list, code, opts = {}) {
      const e = await find(ctx, list, code);
      return !!e && (e.active || !!opts.includeInactive);
    },
    async check(ctx, list, field, raw, opts = {}) {
      const code = clean(raw);
      const label = opts.fieldLabel ?? field;
      if (code === null)
        return opts.required ? [{ field, key: 'codelist.error.required', params: { field: label } }] : [];
      const e = await find(ctx, list, code);
      if (e && (e.active || opts.includeInactive)) return [];
      return [
        {
          field,
          key: e ? 'codelist.error.inactiveCode' : 'codelist.error.unknownCode',
          params: { field: label, code, list: listKey(requireList(list).id) },
        },
      ];
    },
    async label(ctx, list, code, locale) {
      const e = await find(ctx, list, code);
      return e ? entryLabel(e, locale ?? ctx.locale) : null;
    },
    async getEntry(ctx, id) {
      requireUser(ctx);
      for (const list of (await cache.snapshot(ctx)).values()) {
        const e = list.find((x) => x.id === id);
        if (e) return e;
      }
      return null;
    },
    updateEntry: (ctx, id, change) => write.updateEntry(cache, ctx, id, change),
    addEntry: (ctx, list, input) => write.addEntry(cache, ctx, list, input),
    deactivateEntry: (ctx, id) => write.deactivateEntry(cache, ctx, id),
  };
}
