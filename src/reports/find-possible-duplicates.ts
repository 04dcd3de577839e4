import type { Types } from 'mongoose';
import { DuplicateKeyModel } from '../db/models/duplicate-key.model';
import { writeNextRevision } from '../db/write-next-revision';
import type { ReportDocument } from '../db/models/report.model';

const WINDOW_MS = 14 * 24 * 3600 * 1000;
/** Entries older than this are dropped when a key is written: no report is compared with them any more. */
const KEEP_MS = 60 * 24 * 3600 * 1000;
const MAX_ATTEMPTS = 20;

/**
 * Reports that may describe the same child or event: the same reporter, or the same age band, kecamatan and category,
 * within 14 days either side. Registers the report under its keys on the way (safe to repeat), so later reports find
 * it. They are linked for staff to merge by hand, never dropped.
 */
export async function findPossibleDuplicates(report: ReportDocument): Promise<Types.ObjectId[]> {
  const lists = await Promise.all(duplicateKeysOf(report).map((key) => registerUnder(key, report._id, report.receivedAt)));
  const at = report.receivedAt.getTime();
  const seen = new Set<string>([String(report._id)]);
  return lists.flat()
    .filter((o) => Math.abs(o.at.getTime() - at) <= WINDOW_MS && !seen.has(String(o.id)) && seen.add(String(o.id)))
    .slice(0, 20)
    .map((o) => o.id);
}

function duplicateKeysOf(report: ReportDocument): string[] {
  const keys = [`reporter:${report.reporterHash}`];
  const ageBand = report.child?.ageBand;
  if (report.location?.kecamatan && ageBand && ageBand !== 'unknown') {
    keys.push(`child:${report.category}:${report.location.kecamatan}:${ageBand}`);
  }
  return keys;
}

/** Adds the report to the key (once) and answers the other reports under it. */
async function registerUnder(key: string, id: Types.ObjectId, at: Date): Promise<{ id: Types.ObjectId; at: Date }[]> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await DuplicateKeyModel.findById(key).lean();
    if (!current) {
      const created = await DuplicateKeyModel.create({ _id: key, reports: [{ id, at }] }).catch((err: { code?: number }) => {
        if (err.code !== 11000) throw err;
        return null; // another report made the key first: read it again
      });
      if (created) return [];
      continue;
    }
    const others = current.reports.filter((r) => !r.id.equals(id));
    if (others.length < current.reports.length) return others; // registered by an earlier run of this triage
    const kept = others.filter((r) => Date.now() - r.at.getTime() < KEEP_MS);
    if (await writeNextRevision(DuplicateKeyModel, 'duplicate-key', current, { $set: { reports: [...kept, { id, at }] } })) return others;
    // Another report's triage took this revision and is writing it: give it a moment, then read again.
    await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 10, 100)));
  }
  throw new Error(`duplicate key still contested after ${MAX_ATTEMPTS} attempts`);
}
