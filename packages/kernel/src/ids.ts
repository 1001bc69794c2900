import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;
// Random bytes are taken from a pool refilled 4 KiB at a time: one RNG call per 250 ids instead of two per id
// (bulk inserts and generators make ids by the million).
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function random(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}

/**
 * A UUID v7 (time-ordered), generated in the app: time-ordered keys keep B-tree inserts at the right edge of the
 * index, where openIMIS's v4 keys fragmented it. Monotonic within one process.
 */
export function uuidv7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = random(2).readUInt16BE(0) & 0x7ff;
  }
  const b = random(16); // consumed here: the string is made before the pool is refilled
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);
