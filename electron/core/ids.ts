import { randomFillSync } from 'node:crypto';

/**
 * Random bytes are drawn from a pool refilled 4 KiB at a time: `randomBytes(3)` per id cost ~5 µs (a Buffer and a
 * call into OpenSSL each time), the pool ~0.4 µs, and an import makes several ids per event. The bytes are the same
 * CSPRNG output either way; each is used once.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Six hex digits (24 random bits) from the pool. */
function randomHex6(): string {
  if (used + 3 > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const s = HEX[pool[used]] + HEX[pool[used + 1]] + HEX[pool[used + 2]];
  used += 3;
  return s;
}

/** Time-ordered, collision-safe ids: a prefix, the time in base 36, a counter within the millisecond, and random bits. */
export function makeIdFactory(now: () => number): (prefix: string) => string {
  let last = '';
  let counter = 0;
  return (prefix: string) => {
    const t = now().toString(36);
    counter = t === last ? counter + 1 : 0;
    last = t;
    return `${prefix}${t}${counter.toString(36)}${randomHex6()}`;
  };
}
