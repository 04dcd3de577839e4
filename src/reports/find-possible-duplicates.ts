import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import type { Report } from '../db/models/report.model';

const WINDOW_MS = 14 * 24 * 3600 * 1000;
/** How long a report stays in the index: no later report is compared with it after that. */
const KEEP_MS = 60 * 24 * 3600 * 1000;

export interface DuplicateIndex {
  redis: Redis;
  /** Redis key prefix (config.redis.prefix). */
  prefix: string;
}

/** What the index is keyed on: a lean read of these fields is enough. */
export type DuplicateKeyFields = Pick<Report, 'receivedAt' | 'reporterHash' | 'category' | 'child' | 'location'> & { _id: Types.ObjectId };

/**
 * Reports that may describe the same child or event: the same reporter, or the same age band, kecamatan and category,
 * within 14 days either side. Registers the report in the index on the way (safe to repeat), so later reports find
 * it. They are linked for staff to merge by hand, never dropped.
 *
 * The index is a sorted set per key in Redis (score: when the report was received), not a query on the reports: on
 * FerretDB any query on report fields reads every report (133 ms at 1,500 reports, measured), and keeping the index
 * as documents cost four database writes per report, the largest share of triage time under load. Only hashes,
 * categories and kecamatan names are in it. Should Redis lose it, reports already linked keep their links; newer
 * ones are compared with what came after.
 */
export async function findPossibleDuplicates(report: DuplicateKeyFields, index: DuplicateIndex): Promise<Types.ObjectId[]> {
  const at = report.receivedAt.getTime();
  const self = report._id.toHexString();
  const tx = index.redis.multi();
  for (const key of duplicateKeysOf(report)) {
    const k = `${index.prefix}:duplicates:${key}`;
    tx.zremrangebyscore(k, '-inf', Date.now() - KEEP_MS)
      .zrangebyscore(k, at - WINDOW_MS, at + WINDOW_MS)
      .zadd(k, at, self)
      .pexpire(k, KEEP_MS);
  }
  const replies = (await tx.exec()) ?? [];
  const found = replies.filter((_, i) => i % 4 === 1).flatMap(([err, ids]) => {
    if (err) throw err;
    return ids as string[];
  });
  return [...new Set(found)].filter((id) => id !== self).slice(0, 20).map((id) => new Types.ObjectId(id));
}

function duplicateKeysOf(report: DuplicateKeyFields): string[] {
  const keys = [`reporter:${report.reporterHash}`];
  const ageBand = report.child?.ageBand;
  if (report.location?.kecamatan && ageBand && ageBand !== 'unknown') {
    keys.push(`child:${report.category}:${report.location.kecamatan}:${ageBand}`);
  }
  return keys;
}
