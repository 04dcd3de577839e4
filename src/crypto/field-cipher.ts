import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';

// Personal data at rest: AES-256-GCM (authenticated), the key id stored beside each value so keys can rotate.
// Stored form v2: "enc:v2:<keyId>:<base64(iv | tag | ciphertext)>", authenticated together with where the value lives
// (collection, record id, field) as GCM associated data: a ciphertext copied into another record or another field
// by someone who can write to the database fails to decrypt there instead of showing one child's data on another's
// page. v1 ("enc:v1:…", no associated data) is still read, never written: `npm run cli -- reencrypt` rewrites it.
const V1 = 'enc:v1:';
const V2 = 'enc:v2:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of a v2 media file; a v1 file starts with its key id's length (1–16), so the two cannot be confused. */
const BUFFER_V2 = 0xe2;

/** Where an encrypted value lives; part of what the value's authentication tag covers (see fieldOf). */
export interface FieldBinding {
  collection: string;
  recordId: string;
  field: string;
}

export interface CipherKeys {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export interface FieldCipher {
  encrypt(plain: string, binding: FieldBinding): string;
  decrypt(stored: string, binding: FieldBinding): string;
  encryptBuffer(plain: Buffer, binding: FieldBinding): Buffer;
  decryptBuffer(stored: Buffer, binding: FieldBinding): Buffer;
  /**
   * Opens `stored` where it was (`from`) and seals it again for `to` under the active key: how a value is copied into
   * another record (an alert takes its recipient's address) and how `reencrypt` moves v1 and old-key values to v2.
   */
  rebind(stored: string, from: FieldBinding, to: FieldBinding): string;
  isEncrypted(value: string): boolean;
  /** True when `value` is already v2 under the active key: nothing for `reencrypt` to do. */
  isCurrent(value: string): boolean;
  /** The same for a media file (encryptBuffer's form). */
  isCurrentBuffer(stored: Buffer): boolean;
}

// IVs come from a pool of random bytes filled a few hundred IVs at a time: one call into the system's random source
// per 4 kB instead of one per value (the draft is sealed on every message; randomBytes was 1.7 % of the bots' CPU).
// Each IV is still 12 fresh random bytes, never handed out twice: the pool is refilled whole before it runs out.
const IV_POOL = Buffer.alloc(IV_BYTES * 341);
let ivOffset = IV_POOL.length;

/** 12 random bytes of the pool's, copied out (the pool is overwritten when refilled). */
export function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

/** The associated data of a v2 value: the version tag and the binding, unambiguous whatever the strings hold. */
function aadOf(binding: FieldBinding): Buffer {
  return Buffer.from(JSON.stringify(['enc:v2', binding.collection, binding.recordId, binding.field]), 'utf8');
}

export function createFieldCipher({ activeKeyId, keys }: CipherKeys): FieldCipher {
  const active = keys.get(activeKeyId);
  if (!active) throw new Error(`encryption key ${activeKeyId} is not configured`);

  const seal = (plain: Buffer, binding: FieldBinding): Buffer => {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', active, iv);
    cipher.setAAD(aadOf(binding));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (keyId: string, sealed: Buffer, binding: FieldBinding | undefined): Buffer => {
    const key = keys.get(keyId);
    if (!key) throw new Error(`encryption key ${keyId} is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    if (binding) decipher.setAAD(aadOf(binding));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  };
  const splitText = (stored: string, prefix: string) => {
    const rest = stored.slice(prefix.length);
    const sep = rest.indexOf(':');
    return { keyId: rest.slice(0, sep), sealed: Buffer.from(rest.slice(sep + 1), 'base64') };
  };

  const cipher: FieldCipher = {
    encrypt: (plain, binding) => `${V2}${activeKeyId}:${seal(Buffer.from(plain, 'utf8'), binding).toString('base64')}`,
    decrypt(stored, binding) {
      if (stored.startsWith(V2)) {
        const { keyId, sealed } = splitText(stored, V2);
        return open(keyId, sealed, binding).toString('utf8');
      }
      if (!stored.startsWith(V1)) throw new Error('value is not encrypted');
      const { keyId, sealed } = splitText(stored, V1);
      return open(keyId, sealed, undefined).toString('utf8');
    },
    // Binary form for media files: v2 marker byte, 1 byte key-id length, key id, then iv | tag | ciphertext.
    // v1 files have no marker byte.
    encryptBuffer(plain, binding) {
      const id = Buffer.from(activeKeyId, 'utf8');
      return Buffer.concat([Buffer.from([BUFFER_V2, id.length]), id, seal(plain, binding)]);
    },
    decryptBuffer(stored, binding) {
      const v2 = stored[0] === BUFFER_V2;
      const body = v2 ? stored.subarray(1) : stored;
      const idLength = body[0] ?? 0;
      return open(body.subarray(1, 1 + idLength).toString('utf8'), body.subarray(1 + idLength), v2 ? binding : undefined);
    },
    rebind: (stored, from, to) => cipher.encrypt(cipher.decrypt(stored, from), to),
    isEncrypted: (value) => value.startsWith(V2) || value.startsWith(V1),
    isCurrent: (value) => value.startsWith(`${V2}${activeKeyId}:`),
    isCurrentBuffer: (stored) => stored[0] === BUFFER_V2 && stored.subarray(2, 2 + (stored[1] ?? 0)).toString('utf8') === activeKeyId,
  };
  return cipher;
}

/** Keyed hash for look-ups (e.g. by chat) without storing the raw identifier. */
export function createLookupHasher(key: Buffer): (value: string) => string {
  return (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
