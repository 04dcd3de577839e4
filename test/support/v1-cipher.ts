import { createCipheriv, randomBytes } from 'node:crypto';

/** A value as the v1 cipher wrote it (before values were bound to their record): "enc:v1:<keyId>:<b64(iv|tag|ct)>". */
export function encryptV1(plain: string, keyId: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `enc:v1:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** A media file as the v1 cipher wrote it: key-id length, key id, iv | tag | ciphertext (no marker byte, no binding). */
export function encryptBufferV1(plain: Buffer, keyId: string, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const id = Buffer.from(keyId, 'utf8');
  return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]);
}
