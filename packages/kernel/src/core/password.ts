import { hash, verify } from '@node-rs/argon2';
import type { FieldProblem } from '../errors.js';

// argon2id (algorithm 2) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal valid usernames. */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => {
  dummy ??= hashPassword('not-a-real-password-9!');
  return dummy;
};

/** Password policy (openIMIS settings): ≥ 8 characters with an upper, a lower, a digit and a symbol. */
export function passwordProblems(password: string, field = 'password'): FieldProblem[] {
  const ok =
    password.length >= 8 &&
    password.length <= 128 &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /\d/.test(password) &&
    /[^A-Za-z0-9]/.test(password);
  return ok ? [] : [{ field, key: 'kernel.error.passwordPolicy' }];
}
