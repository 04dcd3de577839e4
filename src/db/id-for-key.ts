import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * The `_id` a record with this natural key always has. Used where a repeated job must find what it made before:
 * the look-up is then by `_id`, the one filter FerretDB 1.24 answers without reading every document, and the unique
 * `_id` index refuses a second copy on both FerretDB and MongoDB.
 */
export function idForKey(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(key).digest('hex').slice(0, 24));
}
