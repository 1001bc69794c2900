import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Db } from '../db.js';
import { kernelSetting } from './tables.js';

export const TOKEN_TTL_SECONDS = 8 * 3600;

/** A verified token: whose it is, its id, and its lifetime (epoch seconds). */
export interface Session {
  userId: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

/** Tokens whose signature was checked, kept at most (a few MB): the sessions active on one server. */
const VERIFIED_MAX = 10_000;

/** Signs and verifies session tokens (HS256) with a secret kept in the database, shared by a cluster. */
export class TokenService {
  /**
   * Tokens already verified, by their text: a signed token never changes, so its signature is checked once, not on
   * every request of the session (expiry is checked each time; revocation when the user is loaded).
   */
  private readonly verified = new Map<string, Session>();

  private constructor(private readonly key: Uint8Array) {}

  static async open(db: Db): Promise<TokenService> {
    const env = process.env.MUTUA_JWT_SECRET;
    if (env) return new TokenService(new TextEncoder().encode(env));
    await db
      .insert(kernelSetting)
      .values({ key: 'jwt.secret', value: randomBytes(48).toString('base64url') })
      .onConflictDoNothing();
    const rows = await db.select().from(kernelSetting);
    const secret = rows.find((r) => r.key === 'jwt.secret')!.value;
    return new TokenService(new TextEncoder().encode(secret));
  }

  sign(userId: string, username: string): Promise<string> {
    return new SignJWT({ username })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setJti(randomBytes(9).toString('base64url'))
      .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
      .sign(this.key);
  }

  /** The session of a validly signed, unexpired token, or null (revocation is checked when the user is loaded). */
  async verify(token: string): Promise<Session | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now() / 1000) return known;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (!payload.sub || !payload.jti || !payload.iat || !payload.exp) return null;
      const session = { userId: payload.sub, jti: payload.jti, issuedAt: payload.iat, expiresAt: payload.exp };
      // Oldest first out: a Map keeps insertion order.
      if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, session);
      return session;
    } catch {
      return null;
    }
  }
}
