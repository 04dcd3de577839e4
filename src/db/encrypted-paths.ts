import type { Model } from 'mongoose';
import { BOUND, elementField, fieldOf } from '../crypto/encrypted-fields';
import type { FieldBinding } from '../crypto/field-cipher';
import { AlertModel } from './models/alert.model';
import { CaseModel } from './models/case.model';
import { DataKeyCanaryModel } from './models/data-key-canary.model';
import { OnCallShiftModel } from './models/on-call-shift.model';
import { ReportMessageModel } from './models/report-message.model';
import { ReportModel } from './models/report.model';
import { UserModel } from './models/user.model';

// Every field the database holds encrypted (marked "(enc)" in the model files), in one list: `reencrypt` walks it,
// doctor counts what is still in the old form, and test/crypto/encrypted-paths.test.ts checks it against the markers.

export interface EncryptedPaths {
  model: Model<any>;
  /** The collection as values are bound to it (BOUND); the same as the model's collection name. */
  collection: string;
  /** Dotted paths from the document's root ("child.name"). */
  fields: readonly string[];
  /** Arrays whose elements have their own `_id`: each element's encrypted paths, bound per element (elementField). */
  elements?: Readonly<Record<string, readonly string[]>>;
}

export const ENCRYPTED_PATHS: readonly EncryptedPaths[] = [
  {
    model: ReportModel, collection: BOUND.reports,
    fields: ['replyAddress', 'reporterName', 'contactPhone', 'description', 'child.name', 'location.desa', 'location.exact', 'occurredWhen'],
  },
  {
    model: CaseModel, collection: BOUND.cases,
    fields: ['assessment', 'servicePlan', 'closingSummary', 'termination.note', 'terminationRequest.closingSummary'],
    elements: { referrals: ['reason', 'authorisation.note'], conferenceNotes: ['text', 'attendees'], monitoring: ['note'] },
  },
  { model: ReportMessageModel, collection: BOUND.reportMessages, fields: ['text', 'location'] },
  { model: UserModel, collection: BOUND.users, fields: ['telegramChatId', 'whatsappNumber'] },
  { model: OnCallShiftModel, collection: BOUND.onCallShifts, fields: ['address'] },
  { model: AlertModel, collection: BOUND.alerts, fields: ['address'] },
  { model: DataKeyCanaryModel, collection: BOUND.dataKeyCanary, fields: ['value'] },
];

/** One encrypted value found in a stored document: where to write it back, and what it is bound to. */
export interface StoredValue {
  /** The `$set` path: array elements by index (FerretDB has no positional operator). */
  setPath: string;
  value: string;
  binding: FieldBinding;
}

type Raw = Record<string, unknown>;

function at(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Raw)[key] : undefined), doc);
}

/** Every encrypted string of one raw document (as the driver returns it) of `entry`'s collection. */
export function storedValuesOf(entry: EncryptedPaths, doc: Raw): StoredValue[] {
  const found: StoredValue[] = [];
  const add = (setPath: string, value: unknown, field: string) => {
    if (typeof value === 'string' && value.startsWith('enc:')) found.push({ setPath, value, binding: fieldOf(entry.collection, doc._id, field) });
  };
  for (const path of entry.fields) add(path, at(doc, path), path);
  for (const [array, paths] of Object.entries(entry.elements ?? {})) {
    const items = at(doc, array);
    if (!Array.isArray(items)) continue;
    items.forEach((item: Raw, index) => {
      for (const path of paths) add(`${array}.${index}.${path}`, at(item, path), elementField(array, item._id, path));
    });
  }
  return found;
}
