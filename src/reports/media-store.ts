import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';

/** Where reporters' files go, encrypted. A folder by default; an object store could stand behind the same interface. */
export interface MediaStore {
  /** Encrypts and stores the bytes; returns the key to find them again. */
  put(plain: Buffer): Promise<string>;
  get(storageKey: string): Promise<Buffer>;
  remove(storageKey: string): Promise<void>;
  /**
   * Seals a stored file again as v2 under the active key (`reencrypt`): a file already current is left alone; a
   * missing file is `missing`; one that does not open under its own key is `unreadable` and left as it is.
   */
  reseal(storageKey: string): Promise<'rewritten' | 'current' | 'unreadable' | 'missing'>;
}

const KEY_PATTERN = /^[a-f0-9]{2}\/[a-f0-9-]{36}\.bin$/;

export function createFolderMediaStore(dir: string, cipher: FieldCipher): MediaStore {
  // Keys are generated here and checked on the way back, so no caller can make us read outside `dir`.
  const fileFor = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error('invalid media storage key');
    return path.join(dir, key);
  };
  // A file is bound to its own storage key: one file copied over another does not open under the other's name.
  const bindingOf = (key: string) => fieldOf(BOUND.media, key, 'file');
  return {
    async put(plain) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}.bin`;
      await mkdir(path.join(dir, id.slice(0, 2)), { recursive: true, mode: 0o700 });
      await writeFile(fileFor(key), cipher.encryptBuffer(plain, bindingOf(key)), { mode: 0o600, flag: 'wx' });
      return key;
    },
    async get(key) {
      return cipher.decryptBuffer(await readFile(fileFor(key)), bindingOf(key));
    },
    async remove(key) {
      await rm(fileFor(key), { force: true });
    },
    async reseal(key) {
      const stored = await readFile(fileFor(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!stored) return 'missing';
      if (cipher.isCurrentBuffer(stored)) return 'current';
      let plain: Buffer;
      try {
        plain = cipher.decryptBuffer(stored, bindingOf(key));
      } catch {
        return 'unreadable';
      }
      // Written beside it, then renamed over it: a crash leaves the old file or the new one, never half of one.
      const next = `${fileFor(key)}.reseal`;
      await writeFile(next, cipher.encryptBuffer(plain, bindingOf(key)), { mode: 0o600 });
      await rename(next, fileFor(key));
      return 'rewritten';
    },
  };
}
