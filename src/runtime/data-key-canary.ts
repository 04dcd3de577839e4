import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { DATA_KEY_CANARY_ID, DataKeyCanaryModel } from '../db/models/data-key-canary.model';

const CANARY_PLAINTEXT = 'lapor-anak data key canary';
export const CANARY_BINDING = fieldOf(BOUND.dataKeyCanary, DATA_KEY_CANARY_ID, 'value');

export type CanaryCheck =
  | { state: 'opened' | 'written'; writtenAt: Date }
  | { state: 'unreadable'; writtenAt: Date; keyId: string }
  | { state: 'absent' };

/**
 * Opens the stored canary with `cipher`. With `writeIfAbsent` (process start), a database without one gets one under
 * the active key; `doctor` only reads. Only `reencrypt` rewrites it under a newer key, together with every other value:
 * until then it still needs the old key in DATA_ENCRYPTION_OLD_KEYS, exactly as the reports written before do.
 */
export async function checkDataKeyCanary(cipher: FieldCipher, opts: { writeIfAbsent: boolean; now?: Date }): Promise<CanaryCheck> {
  const stored = await DataKeyCanaryModel.findById(DATA_KEY_CANARY_ID).lean();
  if (!stored) return opts.writeIfAbsent ? writeCanary(cipher, opts.now ?? new Date()) : { state: 'absent' };
  return { ...open(cipher, stored.value), writtenAt: stored.writtenAt };
}

/** The one line a process prints before it stops (and `doctor` shows): no key material, only the key id. */
export function canaryFailureLine(check: { writtenAt: Date; keyId: string }): string {
  return `DATA_ENCRYPTION_KEY cannot decrypt the data already stored (canary written ${check.writtenAt.toISOString()} `
    + `under key id ${check.keyId}); check the key or DATA_ENCRYPTION_OLD_KEYS`;
}

/** At start, after the database connects: a wrong key stops the process before it writes or reads a report. */
export async function exitUnlessDataKeyOpensCanary(cipher: FieldCipher): Promise<void> {
  const check = await checkDataKeyCanary(cipher, { writeIfAbsent: true });
  if (check.state !== 'unreadable') return;
  process.stderr.write(`${canaryFailureLine(check)}\n`);
  process.exit(1);
}

function open(cipher: FieldCipher, value: string): { state: 'opened' } | { state: 'unreadable'; keyId: string } {
  try {
    if (cipher.decrypt(value, CANARY_BINDING) === CANARY_PLAINTEXT) return { state: 'opened' };
  } catch {
    // a key that is missing or wrong: reported below
  }
  return { state: 'unreadable', keyId: value.split(':')[2] ?? 'unknown' };
}

async function writeCanary(cipher: FieldCipher, now: Date): Promise<CanaryCheck> {
  try {
    await DataKeyCanaryModel.create({ _id: DATA_KEY_CANARY_ID, value: cipher.encrypt(CANARY_PLAINTEXT, CANARY_BINDING), writtenAt: now });
    return { state: 'written', writtenAt: now };
  } catch (err) {
    // Another process wrote it first: open theirs.
    if ((err as { code?: number }).code !== 11000) throw err;
    return checkDataKeyCanary(cipher, { writeIfAbsent: false });
  }
}
