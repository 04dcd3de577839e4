import { loadConfigOrExit } from '../../src/config';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { reencryptMedia, reencryptStored } from '../../src/db/reencrypt-stored';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { withDatabase } from './with-database';

/**
 * `npm run cli -- reencrypt`: every encrypted value in the database sealed again as v2 (bound to its collection,
 * record and field) under DATA_ENCRYPTION_KEY; v1 values and values under a key in DATA_ENCRYPTION_OLD_KEYS are
 * taken, current ones left alone, so it is safe to run twice. One line per collection; exit 1 when a value could
 * not be opened (then the old key is still needed, or the value was tampered with: see README).
 */
export async function reencrypt(
  _args: string[],
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  return withDatabase(async () => {
    const config = loadConfigOrExit();
    const cipher = createFieldCipher(config.crypto);
    const counts = await reencryptStored(cipher);
    for (const c of counts) {
      output.write(`${c.collection}: ${c.rewritten} rewritten, ${c.current} already current, ${c.unreadable} unreadable, ${c.skipped} changed meanwhile\n`);
    }
    const media = await reencryptMedia(createFolderMediaStore(config.media.dir, cipher));
    output.write(`media files: ${media.rewritten} rewritten, ${media.current} already current, ${media.unreadable} unreadable, ${media.missing} missing\n`);
    const unreadable = counts.reduce((sum, c) => sum + c.unreadable, 0) + media.unreadable;
    const skipped = counts.reduce((sum, c) => sum + c.skipped, 0);
    if (skipped) output.write(`${skipped} values changed while this ran: run it again\n`);
    return unreadable ? 1 : 0;
  });
}
