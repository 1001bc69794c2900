import { sql } from 'drizzle-orm';
import type { AuthUser } from '../context.js';
import { type Db, queryPrepared } from '../db.js';
import { isLocale } from '../i18n.js';
import { ADMIN_ROLE_BIT } from './system-roles.js';

interface Row {
  id: string;
  username: string;
  language: string;
  health_facility_id: string | null;
  must_change_password: boolean;
  rights: string[] | null;
  is_admin: boolean;
  districts: string[] | null;
}

/**
 * Loads the user with its rights (from unblocked roles) and districts, in one query since it runs on every
 * request; null when missing, deleted or inactive.
 */
export async function loadAuthUser(
  db: Db,
  userId: string,
  session?: { jti: string; issuedAt: number },
): Promise<AuthUser | null> {
  // A token must not be revoked (logout) nor older than the user's last password reset or deactivation.
  const sessionOk = session
    ? sql`AND (u.tokens_valid_after IS NULL OR ${session.issuedAt} >= extract(epoch FROM u.tokens_valid_after))
      AND NOT EXISTS (SELECT 1 FROM revoked_token t WHERE t.jti = ${session.jti})`
    : sql``;
  const [u] = await queryPrepared<Row>(
    db,
    sql`SELECT u.id, u.username, u.language, u.health_facility_id, u.must_change_password,
      (SELECT array_agg(DISTINCT rr.right_name) FROM user_role ur
         JOIN role r ON r.id = ur.role_id AND r.deleted_at IS NULL AND NOT r.is_blocked
         JOIN role_right rr ON rr.role_id = r.id
       WHERE ur.user_id = u.id) AS rights,
      EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
       WHERE ur.user_id = u.id AND r.deleted_at IS NULL AND NOT r.is_blocked
         AND (r.is_system & ${ADMIN_ROLE_BIT}) <> 0) AS is_admin,
      (SELECT array_agg(ud.location_id::text) FROM user_district ud WHERE ud.user_id = u.id) AS districts
    FROM app_user u
    WHERE u.id = ${userId} AND u.deleted_at IS NULL AND u.is_active ${sessionOk}`,
  );
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    language: isLocale(u.language) ? u.language : 'en',
    rights: new Set(u.rights ?? []),
    isAdmin: u.is_admin,
    // No district rows = a national user (scheme staff at head office); districts restrict to their subtrees.
    districtIds: u.is_admin || !u.districts?.length ? null : u.districts,
    healthFacilityId: u.health_facility_id,
    mustChangePassword: u.must_change_password,
  };
}
