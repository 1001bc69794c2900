import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { recordAudit } from '../audit.js';
import { type Ctx, requireRight, withTransaction } from '../context.js';
import { ConflictError, InputError, isUniqueViolation, NotFoundError } from '../errors.js';
import { isUuid, uuidv7 } from '../ids.js';
import type { RightDecl } from '../module.js';
import { SYSTEM_ROLES } from './system-roles.js';
import { knownRight, role, roleRight, userRole } from './tables.js';

export interface RoleRow {
  id: string;
  name: string;
  nameFr: string | null;
  isSystem: number;
  isBlocked: boolean;
  rights: string[];
}
export interface RoleInput {
  name?: string;
  nameFr?: string | null;
  rights?: string[];
  isBlocked?: boolean;
}
export interface RightInfo extends RightDecl {
  module: string;
}

export class RoleService {
  constructor(readonly rights: readonly RightInfo[]) {}

  private readonly known = () => new Set(this.rights.map((r) => r.name));

  async list(ctx: Ctx): Promise<RoleRow[]> {
    requireRight(ctx, 'core.role.search');
    return this.all(ctx);
  }

  /** Roles by id, without a right check: for showing the roles of a user the caller may already see. */
  byIds(ctx: Ctx, ids?: string[]): Promise<RoleRow[]> {
    return this.all(ctx, ids);
  }

  private async all(ctx: Ctx, ids?: string[]): Promise<RoleRow[]> {
    const roles = await ctx.db
      .select()
      .from(role)
      .where(and(isNull(role.deletedAt), ids ? inArray(role.id, ids.filter(isUuid)) : undefined))
      .orderBy(asc(role.isSystem), asc(role.name));
    if (!roles.length) return [];
    const rr = await ctx.db
      .select()
      .from(roleRight)
      .where(
        inArray(
          roleRight.roleId,
          roles.map((r) => r.id),
        ),
      );
    return roles.map((r) => ({
      id: r.id,
      name: r.name,
      nameFr: r.nameFr,
      isSystem: r.isSystem,
      isBlocked: r.isBlocked,
      rights: rr
        .filter((x) => x.roleId === r.id)
        .map((x) => x.right)
        .sort(),
    }));
  }

  async get(ctx: Ctx, id: string): Promise<RoleRow> {
    const [r] = await this.all(ctx, [id]);
    if (!r) throw new NotFoundError('Role', id);
    return r;
  }

  private check(input: RoleInput, creating: boolean): void {
    const problems = [];
    if (creating && !input.name?.trim()) problems.push({ field: 'name', key: 'kernel.error.required' });
    if (input.name && input.name.length > 50)
      problems.push({ field: 'name', key: 'kernel.error.tooLong', params: { max: 50 } });
    if (input.nameFr && input.nameFr.length > 50)
      problems.push({ field: 'nameFr', key: 'kernel.error.tooLong', params: { max: 50 } });
    const known = this.known();
    const unknown = (input.rights ?? []).filter((r) => !known.has(r));
    if (unknown.length)
      problems.push({ field: 'rights', key: 'kernel.error.unknownRight', params: { right: unknown[0] } });
    if (problems.length) throw InputError.fields(problems);
  }

  async create(ctx: Ctx, input: RoleInput): Promise<RoleRow> {
    requireRight(ctx, 'core.role.add');
    this.check(input, true);
    return withTransaction(ctx, async (tx) => {
      const id = uuidv7();
      await this.insertRole(tx, id, input);
      const after = await this.get(tx, id);
      await recordAudit(tx, { entity: 'Role', entityId: id, action: 'create', after });
      return after;
    });
  }

  async update(ctx: Ctx, id: string, input: RoleInput): Promise<RoleRow> {
    requireRight(ctx, 'core.role.edit');
    this.check(input, false);
    return withTransaction(ctx, async (tx) => {
      const before = await this.get(tx, id);
      try {
        await tx.db
          .update(role)
          .set({
            ...(input.name !== undefined ? { name: input.name.trim() } : {}),
            ...(input.nameFr !== undefined ? { nameFr: input.nameFr } : {}),
            ...(input.isBlocked !== undefined ? { isBlocked: input.isBlocked } : {}),
          })
          .where(eq(role.id, id));
      } catch (err) {
        throw mapUnique(err, input.name);
      }
      if (input.rights) {
        await tx.db.delete(roleRight).where(eq(roleRight.roleId, id));
        if (input.rights.length)
          await tx.db.insert(roleRight).values(input.rights.map((right) => ({ roleId: id, right })));
      }
      const after = await this.get(tx, id);
      await recordAudit(tx, { entity: 'Role', entityId: id, action: 'update', before, after });
      return after;
    });
  }

  async duplicate(ctx: Ctx, id: string, name: string): Promise<RoleRow> {
    requireRight(ctx, 'core.role.add');
    const src = await this.get(ctx, id);
    return this.create(ctx, { name, nameFr: null, rights: src.rights });
  }

  async remove(ctx: Ctx, id: string): Promise<RoleRow> {
    requireRight(ctx, 'core.role.delete');
    return withTransaction(ctx, async (tx) => {
      const before = await this.get(tx, id);
      if (before.isSystem) throw InputError.fields([{ field: 'id', key: 'kernel.error.systemRole' }]);
      const [inUse] = await tx.db.select().from(userRole).where(eq(userRole.roleId, id)).limit(1);
      if (inUse) throw new ConflictError('kernel.error.roleInUse', { name: before.name });
      await tx.db.update(role).set({ deletedAt: new Date() }).where(eq(role.id, id));
      await recordAudit(tx, { entity: 'Role', entityId: id, action: 'delete', before });
      return before;
    });
  }

  private async insertRole(ctx: Ctx, id: string, input: RoleInput & { isSystem?: number }): Promise<void> {
    try {
      await ctx.db.insert(role).values({
        id,
        name: input.name!.trim(),
        nameFr: input.nameFr ?? null,
        isSystem: input.isSystem ?? 0,
        isBlocked: input.isBlocked ?? false,
      });
    } catch (err) {
      throw mapUnique(err, input.name);
    }
    if (input.rights?.length)
      await ctx.db.insert(roleRight).values(input.rights.map((right) => ({ roleId: id, right })));
  }

  /**
   * Seeds the 12 openIMIS system roles on first start, and gives each system role the composed modules' rights
   * that match its legacy codes — once per right, so a module composed later extends the roles, and an
   * administrator's later edits are kept.
   */
  async syncSystemRoles(ctx: Ctx): Promise<void> {
    await withTransaction(ctx, async (tx) => {
      const existing = await tx.db.select().from(role).where(isNull(role.deletedAt));
      for (const sr of SYSTEM_ROLES) {
        if (!existing.some((r) => r.isSystem === sr.isSystem)) {
          await this.insertRole(tx, uuidv7(), { name: sr.name, nameFr: sr.nameFr, isSystem: sr.isSystem });
        }
      }
      const known = await tx.db.select().from(knownRight);
      const fresh = this.rights.filter((r) => !known.some((k) => k.right === r.name));
      if (!fresh.length) return;
      const roles = await tx.db.select().from(role).where(isNull(role.deletedAt));
      for (const sr of SYSTEM_ROLES) {
        const target = roles.find((r) => r.isSystem === sr.isSystem);
        const grant = fresh.filter((r) => r.legacyCode !== undefined && sr.codes.includes(r.legacyCode));
        if (target && grant.length) {
          await tx.db
            .insert(roleRight)
            .values(grant.map((g) => ({ roleId: target.id, right: g.name })))
            .onConflictDoNothing();
        }
      }
      await tx.db
        .insert(knownRight)
        .values(fresh.map((r) => ({ right: r.name })))
        .onConflictDoNothing();
    });
  }

  /** Role ids by system bit, for seeding demo users. */
  async systemRoleId(ctx: Ctx, isSystem: number): Promise<string> {
    const [r] = await ctx.db
      .select()
      .from(role)
      .where(and(eq(role.isSystem, isSystem), isNull(role.deletedAt)));
    if (!r) throw new NotFoundError('Role', String(isSystem));
    return r.id;
  }

  /** Rights that roles still hold but no composed module declares (kept, shown, not granted). */
  async orphanRights(ctx: Ctx): Promise<string[]> {
    const names = this.rights.map((r) => r.name);
    const rows = await ctx.db
      .selectDistinct({ right: roleRight.right })
      .from(roleRight)
      .where(names.length ? notInArray(roleRight.right, names) : undefined);
    return rows.map((r) => r.right);
  }
}

function mapUnique(err: unknown, name: string | undefined): unknown {
  if (!isUniqueViolation(err)) return err;
  return new ConflictError('kernel.error.roleNameTaken', { name }, [
    { field: 'name', key: 'kernel.error.roleNameTaken', params: { name } },
  ]);
}
