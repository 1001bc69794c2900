import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, execScript, queryRows } from './db.js';

export interface MigrationSource {
  module: string;
  dir: URL;
}

/**
 * Applies each module's SQL migrations (`NNNN_name.sql`, name order) in dependency order, once each, recorded in
 * `mutua_migration`. Each file runs in its own transaction; an advisory lock keeps two servers from racing.
 */
export async function migrate(
  db: Db,
  sources: readonly MigrationSource[],
  log?: (msg: string) => void,
): Promise<number> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS mutua_migration (
    module varchar(60) NOT NULL, name varchar(200) NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, name))`);
  let applied = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274)`);
    const done = await queryRows<{ module: string; name: string }>(
      tx as unknown as Db,
      sql`SELECT module, name FROM mutua_migration`,
    );
    const seen = new Set(done.map((r) => `${r.module}/${r.name}`));
    for (const src of sources) {
      let files: string[];
      try {
        files = (await readdir(fileURLToPath(src.dir))).filter((f) => f.endsWith('.sql')).sort();
      } catch {
        throw new Error(`module '${src.module}': migrations folder ${fileURLToPath(src.dir)} is missing`);
      }
      for (const file of files) {
        if (seen.has(`${src.module}/${file}`)) continue;
        const text = await readFile(new URL(file, src.dir), 'utf8');
        try {
          await execScript(tx as unknown as Db, text);
        } catch (err) {
          // drizzle wraps the driver error in "Failed query: <the whole file>"; the cause says what went wrong.
          const cause = (err as { cause?: { message?: string } }).cause?.message;
          throw new Error(`migration ${src.module}/${file} failed: ${cause ?? (err as Error).message}`);
        }
        await tx.execute(sql`INSERT INTO mutua_migration (module, name) VALUES (${src.module}, ${file})`);
        log?.(`migrated ${src.module}/${file}`);
        applied++;
      }
    }
  });
  return applied;
}
