import { sql } from 'drizzle-orm';
import type { AuthUser } from '../context.js';
import { type Db, defineStatement } from '../db.js';
import { isLocale } from '../i18n.js';
import { isUuid } from '../ids.js';
import { ADMIN_ROLE_BIT } from './system-roles.js';
import type { Session } from './token.js';

/** What a token says that the user's row must still allow: its id (not revoked) and when it was issued. */
type TokenCheck = Pick<Session, 'jti' | 'issuedAt'>;

interface Row {
  k: number;
  id: string;
  username: string;
  language: string;
  health_facility_id: string | null;
  must_change_password: boolean;
  rights: string[] | null;
  is_admin: boolean;
  districts: string[] | null;
}

/** Whose user row to load: with the session of a token, also checks that the token still holds. */
export interface AuthAsk {
  userId: string;
  session?: TokenCheck | undefined;
}

/** Users loaded in one statement at most (the asks travel as one JSON parameter). */
const MAX_ASKS = 200;

/** The users of a list of asks (JSON), with their rights and districts; built once, run on every request. */
const usersStatement = defineStatement<{ asks: string }>(
  sql`SELECT a.k, u.id, u.username, u.language, u.health_facility_id, u.must_change_password,
    (SELECT array_agg(DISTINCT rr.right_name) FROM user_role ur
       JOIN role r ON r.id = ur.role_id AND r.deleted_at IS NULL AND NOT r.is_blocked
       JOIN role_right rr ON rr.role_id = r.id
     WHERE ur.user_id = u.id) AS rights,
    EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id
     WHERE ur.user_id = u.id AND r.deleted_at IS NULL AND NOT r.is_blocked
       AND (r.is_system & ${sql.raw(String(ADMIN_ROLE_BIT))}) <> 0) AS is_admin,
    (SELECT array_agg(ud.location_id::text) FROM user_district ud WHERE ud.user_id = u.id) AS districts
  FROM json_to_recordset(${sql.placeholder('asks')}::json) AS a(k int, user_id uuid, jti text, iat numeric)
  JOIN app_user u ON u.id = a.user_id
  WHERE u.deleted_at IS NULL AND u.is_active
    AND (a.jti IS NULL OR ((u.tokens_valid_after IS NULL OR a.iat >= extract(epoch FROM u.tokens_valid_after))
      AND NOT EXISTS (SELECT 1 FROM revoked_token t WHERE t.jti = a.jti)))`,
);

/**
 * Loads users with their rights (from unblocked roles) and districts, in one query for many asks since it runs on
 * every request; null for a user missing, deleted or inactive, or whose token was revoked (logout) or is older than
 * their last password reset or deactivation. Answers in the order asked.
 */
export async function loadAuthUsers(db: Db, asks: readonly AuthAsk[]): Promise<Array<AuthUser | null>> {
  const out: Array<AuthUser | null> = asks.map(() => null);
  // A malformed id (never from a verified token) is nobody, and must not fail the others' statement.
  const valid = asks.flatMap((a, k) =>
    isUuid(a.userId) ? [{ k, user_id: a.userId, jti: a.session?.jti ?? null, iat: a.session?.issuedAt ?? null }] : [],
  );
  for (let i = 0; i < valid.length; i += MAX_ASKS) {
    const rows = await usersStatement<Row>(db, { asks: JSON.stringify(valid.slice(i, i + MAX_ASKS)) });
    for (const u of rows)
      out[u.k] = {
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
  return out;
}

/** One user, as `loadAuthUsers` loads them. */
export async function loadAuthUser(db: Db, userId: string, session?: TokenCheck): Promise<AuthUser | null> {
  return (await loadAuthUsers(db, [{ userId, session }]))[0] ?? null;
}

/**
 * `loadAuthUser` for the requests of a server: a request that comes while another's user is being read waits for
 * that read to end, then goes with every request that came meanwhile — one statement for them all instead of one
 * each (a round trip costs more than the rows on this path). Alone, a request is read at once. Each request still
 * reads its user fresh: a right removed or a token revoked counts from the next request on, as before.
 */
export function createAuthUserLoader(db: Db) {
  let queue: Array<AuthAsk & { resolve(u: AuthUser | null): void; reject(err: unknown): void }> = [];
  let reading = false;
  function pump() {
    if (reading || !queue.length) return;
    const batch = queue;
    queue = [];
    reading = true;
    void loadAuthUsers(db, batch)
      .then(
        (users) => {
          for (const [i, a] of batch.entries()) a.resolve(users[i] ?? null);
        },
        // The statement failed (connection lost…): each on its own, so each request gets its own answer.
        () => Promise.all(batch.map((a) => loadAuthUser(db, a.userId, a.session).then(a.resolve, a.reject))),
      )
      .finally(() => {
        reading = false;
        pump();
      });
  }
  return (userId: string, session?: TokenCheck): Promise<AuthUser | null> =>
    new Promise((resolve, reject) => {
      queue.push({ userId, session, resolve, reject });
      pump();
    });
}
