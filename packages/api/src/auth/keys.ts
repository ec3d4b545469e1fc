/**
 * API keys: `bw_<id>_<secret>`, where the id (64 random bits, hex) names the key and the secret carries 256 random
 * bits. Only the SHA-256 of the whole key is stored — a fast hash is enough for a high-entropy random secret (no
 * dictionary to attack) — and it is compared in constant time.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { BridgeworkError } from '@bridgework/graph-core';
import { SCOPES, type Scope } from '../schemas.js';
import { API_ROLES, type ApiKeyInfo, type ApiRole, type ApiStorage } from '../storage.js';

const KEY_PATTERN = /^bw_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssueKeyOptions {
  role: ApiRole;
  /** Required for coach keys: the coach's person id. */
  coachId?: string | null;
  name?: string | null;
  /** For service keys: what the key may do. */
  scopes?: readonly string[];
}

export function hashKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/**
 * Create a key and store its hash. Resolves to the key's record and the secret key itself, which is never stored
 * and cannot be shown again.
 */
export async function issueKey(storage: ApiStorage, options: IssueKeyOptions, now: () => Date): Promise<{ info: ApiKeyInfo; key: string }> {
  const { role } = options;
  if (!API_ROLES.includes(role)) {
    throw new BridgeworkError('validation', `api/keys: role must be one of ${API_ROLES.join(', ')}, not ${JSON.stringify(role)}`);
  }
  const coachId = options.coachId ?? null;
  if (role === 'coach' && coachId === null) throw new BridgeworkError('validation', 'api/keys: a coach key needs the coach\'s person id (--coach ID)');
  if (role !== 'coach' && coachId !== null) throw new BridgeworkError('validation', `api/keys: only a coach key is bound to a coach, not a ${role} key`);
  const scopes = [...new Set(options.scopes ?? [])].sort();
  for (const s of scopes) {
    if (!(SCOPES as readonly string[]).includes(s)) {
      throw new BridgeworkError('validation', `api/keys: unknown scope ${JSON.stringify(s)}; scopes are ${SCOPES.join(', ')}`);
    }
  }
  if (role !== 'service' && scopes.length > 0) {
    throw new BridgeworkError('validation', `api/keys: scopes are for service keys; a ${role} key has its role's permissions`);
  }
  if (role === 'service' && scopes.length === 0) {
    throw new BridgeworkError('validation', 'api/keys: a service key needs at least one scope');
  }
  const id = randomBytes(8).toString('hex');
  const key = `bw_${id}_${randomBytes(32).toString('base64url')}`;
  const info = await storage.createKey({
    id,
    name: options.name ?? null,
    role,
    coachId,
    scopes,
    createdAt: now().toISOString(),
    hash: hashKey(key),
  });
  return { info, key };
}

/**
 * Keys verified since the store last changed, by the SHA-256 of the presented key (never the key itself), so a busy
 * caller costs one hash and no store read per request. Only live keys are kept; `stamp` names the state of the
 * store (the API's write counter and the store's data version): any change to it — a key revoked or an erasure
 * through the API, or by another process such as `bridgework keys revoke` — empties the cache before the next
 * lookup, so a revoked key is refused from the next request on.
 */
export class VerifiedKeys {
  private readonly keys = new Map<string, ApiKeyInfo>();
  private stamp: string | undefined;

  constructor(private readonly max = 10_000) {}

  /** The cached key for this hash at this stamp (clearing the cache when the stamp moved on). */
  get(hash: string, stamp: string): ApiKeyInfo | undefined {
    if (stamp !== this.stamp) {
      this.keys.clear();
      this.stamp = stamp;
    }
    return this.keys.get(hash);
  }

  set(hash: string, info: ApiKeyInfo): void {
    if (this.keys.size >= this.max) this.keys.clear();
    this.keys.set(hash, info);
  }
}

/**
 * The key record for a presented key, or undefined when it is malformed, unknown, wrong or revoked. With `cache`
 * (and the store's current `stamp`), a key verified before at the same stamp is answered without reading the store.
 */
export async function verifyKey(storage: ApiStorage, presented: string, cache?: { keys: VerifiedKeys; stamp: string }): Promise<ApiKeyInfo | undefined> {
  const m = KEY_PATTERN.exec(presented);
  const hex = hashKey(presented);
  if (!m) return undefined;
  const hit = cache?.keys.get(hex, cache.stamp);
  if (hit) return hit;
  const presentedHash = Buffer.from(hex, 'hex');
  const stored = await storage.findKey(m[1]!);
  // Compare even when the key is unknown, so timing does not tell a known id from an unknown one.
  const expected = stored ? Buffer.from(stored.hash, 'hex') : Buffer.alloc(32);
  const same = expected.length === presentedHash.length && timingSafeEqual(expected, presentedHash);
  if (!stored || !same || stored.revokedAt !== null) return undefined;
  const { hash: _hash, ...info } = stored;
  cache?.keys.set(hex, info);
  return info;
}

export type { Scope };
