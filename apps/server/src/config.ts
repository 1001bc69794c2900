import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Composition } from '@mutua/kernel';

/** Repository paths, valid from src (tsx) and from dist (node): both are two levels below apps/server. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface ServerEnv {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  compositionPath: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a number between 0 and 65535, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    compositionPath: env.MUTUA_COMPOSITION ?? `${ROOT}composition.json`,
  };
}

export function readComposition(path: string): Composition {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `composition file ${path} is missing — create it with {"modules":[{"id":"location"}]} or set MUTUA_COMPOSITION`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`composition file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const mods = (json as { modules?: unknown }).modules;
  if (!Array.isArray(mods) || mods.some((m) => typeof m?.id !== 'string')) {
    throw new Error(`composition file ${path} must look like {"modules":[{"id":"location","config":{}}]}`);
  }
  return json as Composition;
}
