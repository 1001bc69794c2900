import { type Db, uuidv7 } from '@mutua/kernel';
import { seedRows } from '../domain/seed.js';
import { codeListEntry } from './schema.js';

/**
 * Inserts the built-in entries that are missing, and only those: an administrator's renames, re-sorting and
 * deactivations stay. Safe to run on every start and from several servers at once (ON CONFLICT on list + code).
 */
export async function seedBuiltIns(db: Db): Promise<void> {
  const rows = seedRows().map((r) => ({ id: uuidv7(), ...r, active: true, builtIn: true }));
  await db
    .insert(codeListEntry)
    .values(rows)
    .onConflictDoNothing({ target: [codeListEntry.list, codeListEntry.code] });
}
