import { type Builder, defineMutation, payloadType } from '@mutua/kernel';
import { canAdd, canDeactivate, entryLabel } from '../domain/entry-rules.js';
import type { CodeListDef } from '../domain/lists.js';
import type { CodeListEntry } from '../domain/types.js';
import { RIGHTS } from '../manifest.js';
import type { CodeListService } from '../points.js';
import { requireList } from './entry-read.js';

// Every form reads the lists (gender, profession, care type, …): reading needs a session, not a right.
const READ = { authenticated: true } as const;

/** A list as the API returns it: its definition, and whether its entries include inactive ones by default. */
interface ListNode {
  def: CodeListDef;
  includeInactive: boolean;
}

export function registerCodeListGraphql(builder: Builder, service: CodeListService): void {
  const EntryRef = builder.objectRef<CodeListEntry>('CodeListEntry').implement({
    description: 'An entry of a code list: a stable code and its names.',
    fields: (t) => ({
      id: t.exposeID('id'),
      list: t.exposeString('list'),
      code: t.exposeString('code'),
      name: t.exposeString('name', { description: 'English name.' }),
      nameFr: t.exposeString('nameFr', { description: 'French name.' }),
      label: t.string({
        description: 'The name in the caller’s language (Accept-Language, else the user’s language).',
        resolve: (e, _args, ctx) => entryLabel(e, ctx.locale),
      }),
      sortOrder: t.exposeInt('sortOrder'),
      active: t.exposeBoolean('active'),
      requiresNumber: t.exposeBoolean('requiresNumber', {
        description: 'Confirmation types: the family’s confirmation number is required.',
      }),
      builtIn: t.exposeBoolean('builtIn', { description: 'Shipped with Mutua: the code cannot change.' }),
    }),
  });

  const ListRef = builder.objectRef<ListNode>('CodeList').implement({
    description: 'A code list (DOMAIN.md §3) with its entries by sort order.',
    fields: (t) => ({
      id: t.id({ resolve: (l) => l.def.id }),
      name: t.string({
        description: 'The list’s name in the caller’s language.',
        resolve: (l, _args, ctx) => entryLabel(l.def, ctx.locale),
      }),
      policy: t.string({
        description: 'open (entries may be added), closed (fixed entries) or protected (rules read the codes).',
        resolve: (l) => l.def.policy,
      }),
      canAdd: t.boolean({ resolve: (l) => canAdd(l.def) }),
      canDeactivate: t.boolean({ resolve: (l) => canDeactivate(l.def) }),
      codeMaxLength: t.int({ resolve: (l) => l.def.codeMax }),
      numericCodes: t.boolean({ resolve: (l) => !!l.def.numeric }),
      hasRequiresNumber: t.boolean({ resolve: (l) => !!l.def.hasRequiresNumber }),
      entries: t.field({
        type: [EntryRef],
        args: { includeInactive: t.arg.boolean() },
        resolve: (l, a, ctx) =>
          service.entries(ctx, l.def.id, { includeInactive: a.includeInactive ?? l.includeInactive }),
      }),
    }),
  });

  builder.queryFields((t) => ({
    codeLists: t.field({
      type: [ListRef],
      extensions: READ,
      description: 'Every code list with its active entries (inactive ones too with entries(includeInactive: true)).',
      resolve: () => service.lists().map((def) => ({ def, includeInactive: false })),
    }),
    codeList: t.field({
      type: ListRef,
      extensions: READ,
      args: { list: t.arg.string({ required: true }), includeInactive: t.arg.boolean() },
      resolve: (_root, a) => ({ def: requireList(a.list), includeInactive: a.includeInactive ?? false }),
    }),
  }));

  const EntryPayload = payloadType(builder, 'CodeListEntryPayload', 'codeListEntry', EntryRef);
  const GUARD = { right: RIGHTS.entryEdit };

  defineMutation(builder, 'updateCodeListEntry', {
    guard: GUARD,
    input: (t) => ({
      id: t.id({ required: true }),
      code: t.string({ description: 'A new code; only for entries added locally (built-in codes are fixed).' }),
      name: t.string(),
      nameFr: t.string(),
      sortOrder: t.int(),
      active: t.boolean(),
      requiresNumber: t.boolean(),
    }),
    payload: EntryPayload,
    run: async ({ id, ...change }, tx) => ({ codeListEntry: await service.updateEntry(tx, String(id), change) }),
  });
  defineMutation(builder, 'addCodeListEntry', {
    guard: GUARD,
    input: (t) => ({
      list: t.string({ required: true }),
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      nameFr: t.string({ required: true }),
      sortOrder: t.int(),
      requiresNumber: t.boolean(),
    }),
    payload: EntryPayload,
    run: async ({ list, ...input }, tx) => ({ codeListEntry: await service.addEntry(tx, list, input) }),
  });
  defineMutation(builder, 'deactivateCodeListEntry', {
    guard: GUARD,
    input: (t) => ({ id: t.id({ required: true }) }),
    payload: EntryPayload,
    run: async ({ id }, tx) => ({ codeListEntry: await service.deactivateEntry(tx, String(id)) }),
  });
}
