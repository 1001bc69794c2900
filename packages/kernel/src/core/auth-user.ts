import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AuthUser } from '../context.js';
import type { Db } from '../db.js';
import { isLocale } from '../i18n.js';
import { ADMIN_ROLE_BIT } from './system-roles.js';
import { appUser, role, roleRight, userDistrict, userRole } from './tables.js';

/** Loads the user with its rights (from unblocked roles) and districts; null when missing, deleted or inactive. */
export async function loadAuthUser(db: Db, userId: string): Promise<AuthUser | null> {
  const [u] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, userId), isNull(appUser.deletedAt), eq(appUser.isActive, true)));
  if (!u) return null;
  const roles = await db
    .select({ id: role.id, isSystem: role.isSystem })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(and(eq(userRole.userId, userId), isNull(role.deletedAt), eq(role.isBlocked, false)));
  const roleIds = roles.map((r) => r.id);
  const rights = roleIds.length
    ? await db.selectDistinct({ right: roleRight.right }).from(roleRight).where(inArray(roleRight.roleId, roleIds))
    : [];
  const isAdmin = roles.some((r) => (r.isSystem & ADMIN_ROLE_BIT) !== 0);
  const districts = await db
    .select({ id: userDistrict.locationId })
    .from(userDistrict)
    .where(eq(userDistrict.userId, userId));
  return {
    id: u.id,
    username: u.username,
    language: isLocale(u.language) ? u.language : 'en',
    rights: new Set(rights.map((r) => r.right)),
    isAdmin,
    // No district rows = a national user (scheme staff at head office); districts restrict to their subtrees.
    districtIds: isAdmin ? null : districts.length ? districts.map((d) => d.id) : null,
    healthFacilityId: u.healthFacilityId,
  };
}
