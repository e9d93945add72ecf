import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { secretKind, type Credential } from '../../../shared/schema';

/**
 * Salted scrypt hashes of profile secrets (node:crypto, no native add-on). N = 2^14, r = 8, p = 1: ~16 MiB and a
 * few tens of milliseconds per check here, which makes guessing slow without making sign-in feel slow; the
 * parameters are stored with each hash.
 */
const PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashSecret(agentId: string, secret: string, now: number, demo = false): Promise<Credential> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, PARAMS);
  return { id: agentId, kind: secretKind(secret), algo: 'scrypt', ...PARAMS, salt: salt.toString('base64'), hash: hash.toString('base64'), demo, updatedAt: now };
}

/** Constant-time comparison of the derived key. */
export async function verifySecret(credential: Credential, secret: string): Promise<boolean> {
  const expected = Buffer.from(credential.hash, 'base64');
  const actual = await derive(secret, Buffer.from(credential.salt, 'base64'), credential);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
