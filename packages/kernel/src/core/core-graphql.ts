import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { requireRight } from '../context.js';
import { InputError } from '../errors.js';
import { connectionType, keysetAfter, keysetPage } from '../graphql/connection.js';
import { idempotent } from '../graphql/idempotent.js';
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
  const roleById = (ctx: Ctx, ids: string[]) => (ids.length ? d.roles.byIds(ctx, ids) : []);
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

  // Mutations: each takes one input with an optional clientMutationId and returns a payload.
  const UserPayload = b.objectRef<{ clientMutationId: string | null; user: UserRow }>('UserPayload').implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      user: t.field({ type: User, resolve: (p) => p.user }),
    }),
  });
  const MePayload = b.objectRef<{ clientMutationId: string | null; me: UserRow }>('MePayload').implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      me: t.field({ type: Me, resolve: (p) => p.me }),
    }),
  });
  const RolePayload = b.objectRef<{ clientMutationId: string | null; role: RoleRow }>('RolePayload').implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      role: t.field({ type: Role, resolve: (p) => p.role }),
    }),
  });

  const userFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
    clientMutationId: t.string(),
    lastName: t.string(),
    otherNames: t.string(),
    email: t.string(),
    phone: t.string(),
    language: t.string(),
    roleIds: t.idList(),
    districtIds: t.idList(),
    healthFacilityId: t.id(),
  });
  const CreateUserInput = b.inputType('CreateUserInput', {
    fields: (t) => ({
      ...userFields(t),
      username: t.string({ required: true }),
      lastName: t.string({ required: true }),
      otherNames: t.string({ required: true }),
      password: t.string({ required: true }),
      isActive: t.boolean(),
    }),
  });
  const UpdateUserInput = b.inputType('UpdateUserInput', {
    fields: (t) => ({ ...userFields(t), id: t.id({ required: true }), isActive: t.boolean() }),
  });
  const IdInput = b.inputType('UserIdInput', {
    fields: (t) => ({ clientMutationId: t.string(), id: t.id({ required: true }) }),
  });
  const ResetPasswordInput = b.inputType('ResetUserPasswordInput', {
    fields: (t) => ({
      clientMutationId: t.string(),
      id: t.id({ required: true }),
      newPassword: t.string({ required: true }),
    }),
  });
  const ChangePasswordInput = b.inputType('ChangeMyPasswordInput', {
    fields: (t) => ({
      clientMutationId: t.string(),
      currentPassword: t.string({ required: true }),
      newPassword: t.string({ required: true }),
    }),
  });
  const ChangeLanguageInput = b.inputType('ChangeMyLanguageInput', {
    fields: (t) => ({ clientMutationId: t.string(), language: t.string({ required: true }) }),
  });
  const RoleInput = b.inputType('RoleInput', {
    fields: (t) => ({
      clientMutationId: t.string(),
      id: t.id(),
      name: t.string(),
      nameFr: t.string(),
      rights: t.stringList(),
      isBlocked: t.boolean(),
    }),
  });
  const DuplicateRoleInput = b.inputType('DuplicateRoleInput', {
    fields: (t) => ({ clientMutationId: t.string(), id: t.id({ required: true }), name: t.string({ required: true }) }),
  });

  const clean = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'clientMutationId' && k !== 'id'));
  const cmid = (i: { clientMutationId?: string | null }) => i.clientMutationId ?? null;

  b.mutationFields((t) => ({
    createUser: t.field({
      type: UserPayload,
      extensions: { right: 'core.user.add' },
      args: { input: t.arg({ type: CreateUserInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'createUser', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          user: await d.users.create(tx, {
            ...clean(input),
            roleIds: input.roleIds?.map(String) ?? [],
            districtIds: input.districtIds?.map(String) ?? [],
          }),
        })),
    }),
    updateUser: t.field({
      type: UserPayload,
      extensions: { right: 'core.user.edit' },
      args: { input: t.arg({ type: UpdateUserInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'updateUser', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          user: await d.users.update(tx, String(input.id), {
            ...clean(input),
            ...(input.roleIds ? { roleIds: input.roleIds.map(String) } : {}),
            ...(input.districtIds ? { districtIds: input.districtIds.map(String) } : {}),
          }),
        })),
    }),
    resetUserPassword: t.field({
      type: UserPayload,
      extensions: { right: 'core.user.edit' },
      args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'resetUserPassword', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          user: await d.users.resetPassword(tx, String(input.id), input.newPassword),
        })),
    }),
    deleteUser: t.field({
      type: UserPayload,
      extensions: { right: 'core.user.delete' },
      args: { input: t.arg({ type: IdInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'deleteUser', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          user: await d.users.remove(tx, String(input.id)),
        })),
    }),
    changeMyPassword: t.field({
      type: MePayload,
      extensions: { authenticated: true },
      args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
      resolve: async (_r, { input }, ctx) => ({
        clientMutationId: cmid(input),
        me: await d.users.changeMyPassword(ctx, input.currentPassword, input.newPassword),
      }),
    }),
    changeMyLanguage: t.field({
      type: MePayload,
      extensions: { authenticated: true },
      args: { input: t.arg({ type: ChangeLanguageInput, required: true }) },
      resolve: async (_r, { input }, ctx) => ({
        clientMutationId: cmid(input),
        me: await d.users.changeMyLanguage(ctx, input.language),
      }),
    }),
    createRole: t.field({
      type: RolePayload,
      extensions: { right: 'core.role.add' },
      args: { input: t.arg({ type: RoleInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'createRole', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          role: await d.roles.create(tx, { ...clean(input), rights: input.rights ?? [] }),
        })),
    }),
    updateRole: t.field({
      type: RolePayload,
      extensions: { right: 'core.role.edit' },
      args: { input: t.arg({ type: RoleInput, required: true }) },
      resolve: (_r, { input }, ctx) => {
        if (!input.id) throw InputError.fields([{ field: 'id', key: 'kernel.error.required' }]);
        return idempotent(ctx, 'updateRole', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          role: await d.roles.update(tx, String(input.id), clean(input)),
        }));
      },
    }),
    duplicateRole: t.field({
      type: RolePayload,
      extensions: { right: 'core.role.add' },
      args: { input: t.arg({ type: DuplicateRoleInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'duplicateRole', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          role: await d.roles.duplicate(tx, String(input.id), input.name),
        })),
    }),
    deleteRole: t.field({
      type: RolePayload,
      extensions: { right: 'core.role.delete' },
      args: { input: t.arg({ type: IdInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        idempotent(ctx, 'deleteRole', input.clientMutationId, async (tx) => ({
          clientMutationId: cmid(input),
          role: await d.roles.remove(tx, String(input.id)),
        })),
    }),
  }));
}
