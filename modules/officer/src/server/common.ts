import {
  ConflictError,
  type Ctx,
  coreTables,
  type FieldProblem,
  ForbiddenError,
  type Hooks,
  isUniqueViolation,
  isUuid,
} from '@mutua/kernel';
import type { LocationService } from '@mutua/location';
import { and, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export interface OfficerDeps {
  hooks: Hooks;
  location: LocationService;
}

/** Escapes LIKE wildcards so a user's `%` or `_` is searched literally. */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The code starts with the text, or a name contains it, case-insensitive. */
export function personMatch(code: AnyPgColumn, names: AnyPgColumn[], text: string): SQL | undefined {
  const t = likeEscape(text);
  return or(ilike(code, `${t}%`), ...names.map((n) => ilike(n, `%${t}%`)));
}

/** The write refusal for a location outside the user's districts. */
export const outOfScope = () => new ForbiddenError(undefined, 'officer.error.outOfScope');

export const codeTaken = (code: string) =>
  new ConflictError('officer.error.codeTaken', { code }, [
    { field: 'code', key: 'officer.error.codeTaken', params: { code } },
  ]);
export const userTaken = () =>
  new ConflictError('officer.error.userTaken', {}, [{ field: 'userId', key: 'officer.error.userTaken' }]);

/** Runs a write, mapping a unique violation (a concurrent insert) to the conflict of its index: code or user. */
export async function guardUnique(code: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const e = err as { constraint?: string; cause?: { constraint?: string } };
    const constraint = e.constraint ?? e.cause?.constraint ?? '';
    throw constraint.includes('user') ? userTaken() : codeTaken(code);
  }
}

/** A user account must exist and be current. */
export async function checkUserExists(ctx: Ctx, userId: string | null, problems: FieldProblem[]): Promise<void> {
  if (userId === null) return;
  const u = coreTables.appUser;
  const found = isUuid(userId)
    ? await ctx.db
        .select({ id: u.id })
        .from(u)
        .where(and(eq(u.id, userId), isNull(u.deletedAt)))
    : [];
  if (!found.length) problems.push({ field: 'userId', key: 'officer.error.userNotFound' });
}
