// Ids unique across offline terminals: UUIDv7 (time-ordered, so indexes stay append-friendly).
import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
/** UUIDv7 with random bytes from a pool (uuid's default rng makes one getRandomValues call per id, ~5 µs); msecs/seq kept monotonic like uuid's own state */
export function pooledUuidv7(): () => string {
  const pool = new Uint8Array(16 * 1024);
  let at = pool.length;
  let msecs = -Infinity;
  let seq = 0;
  return () => {
    if (at >= pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const random = pool.subarray(at, at + 16);
    at += 16;
    const now = Date.now();
    if (now > msecs) {
      msecs = now;
      seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    } else {
      seq = (seq + 1) | 0;
      if (seq === 0) msecs++;
    }
    return uuidv7({ random, msecs, seq });
  };
}
