import type { Model } from 'mongoose';
import type { FieldCipher } from '../crypto/field-cipher';
import type { MediaStore } from '../reports/media-store';
import { ReportMessageModel } from './models/report-message.model';
import { ReportModel } from './models/report.model';
import { ENCRYPTED_PATHS, storedValuesOf, type EncryptedPaths } from './encrypted-paths';

// The migration to bound (v2) values, and the key-rotation path: every encrypted value not yet v2 under the active
// key is opened where it is stored and sealed again there. Safe to run any number of times: a current value is left
// alone. A value that does not open (a key missing from DATA_ENCRYPTION_OLD_KEYS, damaged, or a v2 value moved from
// another record) is left as it is and counted, never logged.

export interface ReencryptCounts {
  collection: string;
  /** Sealed again as v2 under the active key by this run. */
  rewritten: number;
  /** Already v2 under the active key. */
  current: number;
  /** Could not be opened where it is stored: left untouched. */
  unreadable: number;
  /** Changed by someone else between the read and the write: the next run takes them. */
  skipped: number;
}

export async function reencryptStored(cipher: FieldCipher): Promise<ReencryptCounts[]> {
  const counts: ReencryptCounts[] = [];
  for (const entry of ENCRYPTED_PATHS) counts.push(await reencryptCollection(entry, cipher));
  return counts;
}

async function reencryptCollection(entry: EncryptedPaths, cipher: FieldCipher): Promise<ReencryptCounts> {
  const counts: ReencryptCounts = { collection: entry.collection, rewritten: 0, current: 0, unreadable: 0, skipped: 0 };
  for await (const doc of entry.model.collection.find({})) {
    const set: Record<string, string> = {};
    const guard: Record<string, string> = {};
    for (const stored of storedValuesOf(entry, doc)) {
      if (cipher.isCurrent(stored.value)) {
        counts.current += 1;
        continue;
      }
      try {
        set[stored.setPath] = cipher.rebind(stored.value, stored.binding, stored.binding);
        guard[stored.setPath] = stored.value;
      } catch {
        counts.unreadable += 1;
      }
    }
    const changed = Object.keys(set).length;
    if (!changed) continue;
    // Guarded on the old values: a write that came in meanwhile (a new note, an edited plan) is not overwritten.
    const result = await entry.model.collection.updateOne({ _id: doc._id, ...guard }, { $set: set });
    if (result.modifiedCount) counts.rewritten += changed;
    else counts.skipped += changed;
  }
  return counts;
}

/** How many stored values are still in an old form (v1, or v2 under a retired key): what `reencrypt` would take. */
export async function countOldFormValues(cipher: FieldCipher): Promise<number> {
  let old = 0;
  for (const entry of ENCRYPTED_PATHS) {
    for await (const doc of entry.model.collection.find({})) {
      old += storedValuesOf(entry, doc).filter((v) => !cipher.isCurrent(v.value)).length;
    }
  }
  return old;
}

/** Every media file the reports and their later messages name, sealed again by `store.reseal` (see reencryptStored). */
export async function reencryptMedia(store: Pick<MediaStore, 'reseal'>): Promise<Record<'rewritten' | 'current' | 'unreadable' | 'missing', number>> {
  const counts = { rewritten: 0, current: 0, unreadable: 0, missing: 0 };
  for (const model of [ReportModel, ReportMessageModel] as Model<any>[]) {
    for await (const doc of model.collection.find({ media: { $exists: true } }, { projection: { media: 1 } })) {
      const items: unknown[] = Array.isArray(doc.media) ? doc.media : [doc.media];
      for (const item of items) {
        const key = (item as { storageKey?: unknown } | null)?.storageKey;
        if (typeof key === 'string') counts[await store.reseal(key)] += 1;
      }
    }
  }
  return counts;
}
