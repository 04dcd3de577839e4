import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Personal data at rest: AES-256-GCM (authenticated), the key id stored beside each value so keys can rotate.
// Stored form: "enc:v1:<keyId>:<base64(iv | tag | ciphertext)>".
const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CipherKeys {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  encryptBuffer(plain: Buffer): Buffer;
  decryptBuffer(stored: Buffer): Buffer;
  isEncrypted(value: string): boolean;
}

export function createFieldCipher({ activeKeyId, keys }: CipherKeys): FieldCipher {
  const active = keys.get(activeKeyId);
  if (!active) throw new Error(`encryption key ${activeKeyId} is not configured`);

  const seal = (plain: Buffer): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', active, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (keyId: string, sealed: Buffer): Buffer => {
    const key = keys.get(keyId);
    if (!key) throw new Error(`encryption key ${keyId} is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  };

  return {
    encrypt: (plain) => `${PREFIX}${activeKeyId}:${seal(Buffer.from(plain, 'utf8')).toString('base64')}`,
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new Error('value is not encrypted');
      const rest = stored.slice(PREFIX.length);
      const sep = rest.indexOf(':');
      return open(rest.slice(0, sep), Buffer.from(rest.slice(sep + 1), 'base64')).toString('utf8');
    },
    // Binary form for media files: 1 byte key-id length, key id, then iv | tag | ciphertext.
    encryptBuffer(plain) {
      const id = Buffer.from(activeKeyId, 'utf8');
      return Buffer.concat([Buffer.from([id.length]), id, seal(plain)]);
    },
    decryptBuffer(stored) {
      const idLength = stored[0] ?? 0;
      return open(stored.subarray(1, 1 + idLength).toString('utf8'), stored.subarray(1 + idLength));
    },
    isEncrypted: (value) => value.startsWith(PREFIX),
  };
}

/** Keyed hash for look-ups (e.g. by chat) without storing the raw identifier. */
export function createLookupHasher(key: Buffer): (value: string) => string {
  return (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
