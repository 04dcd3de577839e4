import type { Response } from 'express';
import type { FieldCipher } from '../src/crypto/field-cipher';
import type { Logger } from '../src/logger';

/**
 * The cipher the panel shows stored values with: a value that does not open where it is stored (copied from another
 * record or field, damaged, written under a key this process lacks) reads "Tidak dapat dibaca" instead of failing the
 * whole page, and the log says where (collection, record, field), never the value. Only for showing: whatever writes
 * (approving a terminasi re-encrypts the requested summary) keeps the strict cipher, so a label is never stored.
 */
export function displayCipher(cipher: FieldCipher, res: Response, logger?: Logger): FieldCipher {
  const label = (res.locals.label as (kind: 'figure', code: string) => string)('figure', 'tidak_dapat_dibaca');
  return {
    ...cipher,
    decrypt(stored, binding) {
      try {
        return cipher.decrypt(stored, binding);
      } catch {
        logger?.warn({ collection: binding.collection, recordId: binding.recordId, field: binding.field }, 'encrypted value cannot be read here');
        return label;
      }
    },
  };
}

/** A stored file, or null when it does not open under its own storage key (then the route says so, calmly). */
export async function readMediaOrNull(read: () => Promise<Buffer>, storageKey: string, logger?: Logger): Promise<Buffer | null> {
  try {
    return await read();
  } catch (err) {
    // A missing file is a different fault: left to the error handler as before.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
    logger?.warn({ collection: 'media', recordId: storageKey, field: 'file' }, 'encrypted file cannot be read here');
    return null;
  }
}
