import { type Ctx, ForbiddenError, InputError, NotFoundError, requireUser } from '@mutua/kernel';
import {
  checkEntryChange,
  checkNewEntry,
  clean,
  deactivateProblems,
  entryLabel,
  listKey,
} from '../domain/entry-rules.js';
import { CODE_LISTS, listDef } from '../domain/lists.js';
import { seedRows } from '../domain/seed.js';
import type { CodeListEntry } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type { CodeListService } from '../points.js';

/**
 * An in-memory code list service holding the built-in entries, for tests of dependent modules that need no database.
 * It applies the same rules as the real one (rights, protected codes, field problems) but records no audit.
 * @example
 * const codeLists = fakeCodeListService();
 * assert.equal(await codeLists.isValid(ctx, 'gender', 'M'), true);
 */
export function fakeCodeListService(): CodeListService {
  let n = 0;
  const rows: CodeListEntry[] = seedRows().map((r) => ({
    id: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
    ...r,
    active: true,
    builtIn: true,
  }));
  const def = (list: string) => {
    const d = listDef(list);
    if (!d) throw InputError.fields([{ field: 'list', key: 'codelist.error.unknownList', params: { list } }]);
    return d;
  };
  const ofList = (list: string) =>
    rows.filter((r) => r.list === list).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const edit = (ctx: Ctx) => {
    const user = requireUser(ctx);
    if (!user.isAdmin && !user.rights.has(RIGHTS.entryEdit)) throw new ForbiddenError(RIGHTS.entryEdit);
  };
  const byId = (id: string) => {
    const e = rows.find((r) => r.id === id);
    if (!e) throw new NotFoundError('CodeListEntry', id);
    return e;
  };
  const service: CodeListService = {
    lists: () => CODE_LISTS,
    async entries(ctx, list, opts = {}) {
      requireUser(ctx);
      return ofList(def(list).id).filter((e) => e.active || opts.includeInactive);
    },
    async isValid(ctx, list, code, opts = {}) {
      return (await service.entries(ctx, list, opts)).some((e) => e.code === code);
    },
    async check(ctx, list, field, raw, opts = {}) {
      const code = clean(raw);
      const label = opts.fieldLabel ?? field;
      if (code === null)
        return opts.required ? [{ field, key: 'codelist.error.required', params: { field: label } }] : [];
      const e = (await service.entries(ctx, list, { includeInactive: true })).find((x) => x.code === code);
      if (e && (e.active || opts.includeInactive)) return [];
      const key = e ? 'codelist.error.inactiveCode' : 'codelist.error.unknownCode';
      return [{ field, key, params: { field: label, code, list: listKey(list) } }];
    },
    async label(ctx, list, code, locale) {
      const e = (await service.entries(ctx, list, { includeInactive: true })).find((x) => x.code === code);
      return e ? entryLabel(e, locale ?? ctx.locale) : null;
    },
    async getEntry(ctx, id) {
      requireUser(ctx);
      return rows.find((r) => r.id === id) ?? null;
    },
    async updateEntry(ctx, id, change) {
      edit(ctx);
      const before = byId(id);
      const others = ofList(before.list).filter((r) => r.id !== id);
      const problems = checkEntryChange(def(before.list), before, change, {
        otherCodes: others.map((o) => o.code),
        activeCount: others.filter((o) => o.active).length + (before.active ? 1 : 0),
      });
      if (problems.length) throw InputError.fields(problems);
      Object.assign(before, {
        code: clean(change.code) ?? before.code,
        name: clean(change.name) ?? before.name,
        nameFr: clean(change.nameFr) ?? before.nameFr,
        sortOrder: change.sortOrder ?? before.sortOrder,
        active: change.active ?? before.active,
        requiresNumber: change.requiresNumber ?? before.requiresNumber,
      });
      return { ...before };
    },
    async addEntry(ctx, list, input) {
      edit(ctx);
      const d = def(list);
      const problems = checkNewEntry(
        d,
        input,
        ofList(d.id).map((e) => e.code),
      );
      if (problems.length) throw InputError.fields(problems);
      const created: CodeListEntry = {
        id: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
        list: d.id,
        code: clean(input.code) ?? '',
        name: clean(input.name) ?? '',
        nameFr: clean(input.nameFr) ?? '',
        sortOrder: input.sortOrder ?? ofList(d.id).length + 1,
        active: true,
        requiresNumber: d.hasRequiresNumber ? (input.requiresNumber ?? false) : false,
        builtIn: false,
      };
      rows.push(created);
      return { ...created };
    },
    async deactivateEntry(ctx, id) {
      edit(ctx);
      const e = byId(id);
      const active = ofList(e.list).filter((r) => r.active).length;
      const problems = deactivateProblems(def(e.list), e, active);
      if (problems.length) throw InputError.fields(problems);
      e.active = false;
      return { ...e };
    },
  };
  return service;
}
