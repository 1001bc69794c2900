import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { requireRight } from '../context.js';
import { InputError } from '../errors.js';
import { connectionType, keysetAfter, keysetPage } from '../graphql/connection.js';
import { defineMutation, payloadType } from '../graphql/mutation.js';
import { translate } from '../i18n.js';
import type { JobRow, JobService } from '../jobs.js';
import type { Builder, Types } from '../module.js';
import type { RightInfo, RoleRow, RoleService } from './role-service.js';
import { auditLog } from './tables.js';
import type { UserRow, UserService } from './user-service.js';

type AuditRow = typeof auditLog.$inferSelect;

export interface CoreGraphqlDeps {
  users: UserService;
  roles: RoleService;
  jobs: JobService;
  /** Entity name → right needed to read its history. */
  auditEntities: ReadonlyMap<string, string>;
}

/** Core API: me, users, roles, rights, record history, jobs. */
export function registerCoreGraphql(b: Builder, d: CoreGraphqlDeps): void {
  const Role = b.objectRef<RoleRow>('Role').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      nameFr: t.exposeString('nameFr', { nullable: true }),
      isSystem: t.exposeInt('isSystem'),
      isBlocked: t.exposeBoolean('isBlocked'),
      rights: t.exposeStringList('rights'),
    }),
  });
  // A user's role names are visible to whoever may see the user.
  // Roles are few: one read per request serves every user row of a page (no query per row).
  const rolesOfRequest = new WeakMap<object, Promise<RoleRow[]>>();
  const roleById = async (ctx: Ctx, ids: string[]) => {
    if (!ids.length) return [];
    let all = rolesOfRequest.get(ctx);
    if (!all) {
      all = d.roles.byIds(ctx);
      rolesOfRequest.set(ctx, all);
    }
    return (await all).filter((r) => ids.includes(r.id));
  };
  const fields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, UserRow>) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    lastName: t.exposeString('lastName'),
    otherNames: t.exposeString('otherNames'),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    language: t.exposeString('language'),
    isActive: t.exposeBoolean('isActive'),
    mustChangePassword: t.exposeBoolean('mustChangePassword'),
    lockedUntil: t.exposeString('lockedUntil', { nullable: true }),
    lastLoginAt: t.exposeString('lastLoginAt', { nullable: true }),
    healthFacilityId: t.exposeID('healthFacilityId', { nullable: true }),
    districtIds: t.exposeIDList('districtIds'),
    roles: t.field({ type: [Role], resolve: (u, _a, ctx) => roleById(ctx, u.roleIds) }),
  });
  const User = b.objectRef<UserRow>('User').implement({ fields });
  const Me = b.objectRef<UserRow>('Me').implement({
    fields: (t) => ({
      ...fields(t),
      rights: t.stringList({ resolve: (_u, _a, ctx) => [...(ctx.user?.rights ?? [])].sort() }),
      isAdmin: t.boolean({ resolve: (_u, _a, ctx) => !!ctx.user?.isAdmin }),
      districtIds: t.idList({
        nullable: true,
        resolve: (_u, _a, ctx) => (ctx.user?.districtIds ? [...ctx.user.districtIds] : null),
      }),
    }),
  });
  const RightInfoRef = b.objectRef<RightInfo>('RightInfo').implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      label: t.exposeString('label'),
      labelText: t.string({ resolve: (r, _a, ctx) => translate(ctx.locale, r.label) }),
      module: t.exposeString('module'),
      legacyCode: t.exposeInt('legacyCode', { nullable: true }),
    }),
  });
  const Audit = b.objectRef<AuditRow>('AuditEntry').implement({
    fields: (t) => ({
      id: t.id({ resolve: (a) => String(a.id) }),
      at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
      username: t.exposeString('username', { nullable: true }),
      entity: t.exposeString('entity'),
      entityId: t.exposeString('entityId'),
      action: t.exposeString('action'),
      before: t.field({ type: 'JSON', nullable: true, resolve: (a) => a.before }),
      after: t.field({ type: 'JSON', nullable: true, resolve: (a) => a.after }),
    }),
  });
  const Job = b.objectRef<JobRow>('Job').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      type: t.exposeString('type'),
      status: t.exposeString('status'),
      done: t.exposeInt('done'),
      total: t.exposeInt('total'),
      attempts: t.exposeInt('attempts'),
      error: t.exposeString('error', { nullable: true }),
      result: t.field({ type: 'JSON', nullable: true, resolve: (j) => j.result }),
      createdAt: t.field({ type: 'DateTime', resolve: (j) => j.createdAt }),
      finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (j) => j.finishedAt }),
    }),
  });
  const UserConnection = connectionType(b, User, 'User');
  const AuditConnection = connectionType(b, Audit, 'AuditEntry');

  b.queryFields((t) => ({
    me: t.field({ type: Me, extensions: { authenticated: true }, resolve: (_r, _a, ctx) => d.users.me(ctx) }),
    users: t.field({
      type: UserConnection,
      extensions: { right: 'core.user.search' },
      args: { search: t.arg.string(), first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => d.users.search(ctx, a),
    }),
    user: t.field({
      type: User,
      nullable: true,
      extensions: { right: 'core.user.search' },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => d.users.get(ctx, String(a.id)),
    }),
    roles: t.field({
      type: [Role],
      extensions: { right: 'core.role.search' },
      resolve: (_r, _a, ctx) => d.roles.list(ctx),
    }),
    rights: t.field({
      type: [RightInfoRef],
      extensions: { right: 'core.role.search' },
      resolve: () => [...d.roles.rights],
    }),
    auditHistory: t.field({
      type: AuditConnection,
      extensions: { authenticated: true },
      args: {
        entity: t.arg.string({ required: true }),
        entityId: t.arg.id({ required: true }),
        first: t.arg.int(),
        after: t.arg.string(),
      },
      resolve: (_r, a, ctx) => {
        const right = d.auditEntities.get(a.entity);
        if (!right)
          throw InputError.fields([
            { field: 'entity', key: 'kernel.error.unknownEntity', params: { entity: a.entity } },
          ]);
        requireRight(ctx, right);
        const where = and(eq(auditLog.entity, a.entity), eq(auditLog.entityId, String(a.entityId)));
        return keysetPage({
          first: a.first,
          after: a.after,
          key: (r: AuditRow) => [r.id],
          fetch: (limit, after) =>
            ctx.db
              .select()
              .from(auditLog)
              .where(and(where, after ? keysetAfter([auditLog.id], after) : undefined))
              .orderBy(asc(auditLog.id))
              .limit(limit),
          count: async () =>
            (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where))[0]?.n ?? 0,
        });
      },
    }),
    job: t.field({
      type: Job,
      extensions: { authenticated: true },
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => d.jobs.get(ctx, String(a.id)),
    }),
  }));

  // Mutations: one input each (with an optional clientMutationId), a payload echoing it, run once per id.
  const UserPayload = payloadType(b, 'UserPayload', 'user', User);
  const MePayload = payloadType(b, 'MePayload', 'me', Me);
  const RolePayload = payloadType(b, 'RolePayload', 'role', Role);
  type Fields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
  const userFields = (t: Fields) => ({
    lastName: t.string(),
    otherNames: t.string(),
    email: t.string(),
    phone: t.string(),
    language: t.string(),
    roleIds: t.idList(),
    districtIds: t.idList(),
    healthFacilityId: t.id(),
    isActive: t.boolean(),
  });
  const roleFields = (t: Fields) => ({
    name: t.string(),
    nameFr: t.string(),
    rights: t.stringList(),
    isBlocked: t.boolean(),
  });
  const idField = (t: Fields) => ({ id: t.id({ required: true }) });
  const clean = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'clientMutationId' && k !== 'id'));
  const ids = (v: ReadonlyArray<string | number> | null | undefined) => v?.map(String);

  defineMutation(b, 'createUser', {
    guard: { right: 'core.user.add' },
    input: (t) => ({
      ...userFields(t),
      username: t.string({ required: true }),
      lastName: t.string({ required: true }),
      otherNames: t.string({ required: true }),
      password: t.string({ required: true }),
    }),
    payload: UserPayload,
    run: async (input, tx) => ({
      user: await d.users.create(tx, {
        ...clean(input),
        roleIds: ids(input.roleIds) ?? [],
        districtIds: ids(input.districtIds) ?? [],
      }),
    }),
  });
  defineMutation(b, 'updateUser', {
    guard: { right: 'core.user.edit' },
    input: (t) => ({ ...userFields(t), ...idField(t) }),
    payload: UserPayload,
    run: async (input, tx) => ({
      user: await d.users.update(tx, String(input.id), {
        ...clean(input),
        ...(input.roleIds ? { roleIds: ids(input.roleIds) } : {}),
        ...(input.districtIds ? { districtIds: ids(input.districtIds) } : {}),
      }),
    }),
  });
  defineMutation(b, 'resetUserPassword', {
    guard: { right: 'core.user.edit' },
    input: (t) => ({ ...idField(t), newPassword: t.string({ required: true }) }),
    payload: UserPayload,
    run: async (input, tx) => ({ user: await d.users.resetPassword(tx, String(input.id), input.newPassword) }),
  });
  defineMutation(b, 'deleteUser', {
    guard: { right: 'core.user.delete' },
    input: idField,
    payload: UserPayload,
    run: async (input, tx) => ({ user: await d.users.remove(tx, String(input.id)) }),
  });
  defineMutation(b, 'changeMyPassword', {
    guard: { authenticated: true },
    input: (t) => ({ currentPassword: t.string({ required: true }), newPassword: t.string({ required: true }) }),
    payload: MePayload,
    run: async (input, tx) => ({ me: await d.users.changeMyPassword(tx, input.currentPassword, input.newPassword) }),
  });
  defineMutation(b, 'changeMyLanguage', {
    guard: { authenticated: true },
    input: (t) => ({ language: t.string({ required: true }) }),
    payload: MePayload,
    run: async (input, tx) => ({ me: await d.users.changeMyLanguage(tx, input.language) }),
  });
  defineMutation(b, 'createRole', {
    guard: { right: 'core.role.add' },
    input: (t) => ({ ...roleFields(t), name: t.string({ required: true }) }),
    payload: RolePayload,
    run: async (input, tx) => ({ role: await d.roles.create(tx, { ...clean(input), rights: input.rights ?? [] }) }),
  });
  defineMutation(b, 'updateRole', {
    guard: { right: 'core.role.edit' },
    input: (t) => ({ ...roleFields(t), ...idField(t) }),
    payload: RolePayload,
    run: async (input, tx) => ({ role: await d.roles.update(tx, String(input.id), clean(input)) }),
  });
  defineMutation(b, 'duplicateRole', {
    guard: { right: 'core.role.add' },
    input: (t) => ({ ...idField(t), name: t.string({ required: true }) }),
    payload: RolePayload,
    run: async (input, tx) => ({ role: await d.roles.duplicate(tx, String(input.id), input.name) }),
  });
  defineMutation(b, 'deleteRole', {
    guard: { right: 'core.role.delete' },
    input: idField,
    payload: RolePayload,
    run: async (input, tx) => ({ role: await d.roles.remove(tx, String(input.id)) }),
  });
}
