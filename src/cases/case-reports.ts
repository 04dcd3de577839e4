import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { ReportModel, type Report } from '../db/models/report.model';
import { decryptPersonalFields, personalFieldNames, type PersonalFields } from '../reports/reveal-report';

// What the people on a case need to know about the child and what happened: the facts of the case's reports.
// Coded facts (category, age band, place…) are not personal and always shown; the personal fields stay masked
// until someone on the case reveals them with a reason (recordReveal, audited like a reveal on the report page).

export interface CaseReportFacts {
  id: string;
  ticket: string;
  status: string;
  category: string;
  priority?: string | null;
  channel: string;
  receivedAt: Date;
  slaDueAt?: Date | null;
  /** When the desk first took it (claimed): the first response the SLA measures. */
  firstResponseAt?: Date | null;
  ageBand?: string | null;
  age?: number | null;
  sex?: string | null;
  kecamatan?: string | null;
  placeType?: string | null;
  perpetratorRelation?: string | null;
  ongoing?: boolean | null;
  immediateDanger?: string | null;
  reporterRole?: string | null;
  anonymous: boolean;
  contactMethod?: string | null;
  /** Which personal fields exist (names only), so the masked page can say what a reveal would show. */
  fieldNames: (keyof PersonalFields)[];
  personal?: PersonalFields;
}

/** The reports of a case (oldest first), as stored; for `factsOf`. */
export function findCaseReports(reportIds: readonly unknown[]) {
  return ReportModel.find({ _id: { $in: reportIds } }).sort({ receivedAt: 1 }).lean();
}

export function factsOf(report: Report & { _id: unknown }, cipher: FieldCipher, revealed: boolean): CaseReportFacts {
  const firstResponse = report.events.find((e) => e.type === 'status' && e.to && e.to !== 'queued' && e.to !== 'triaged');
  return {
    id: String(report._id),
    ticket: report.ticket,
    status: report.status,
    category: report.category,
    priority: report.priority,
    channel: report.channel,
    receivedAt: report.receivedAt,
    slaDueAt: report.slaDueAt,
    firstResponseAt: firstResponse?.at,
    ageBand: report.child?.ageBand,
    age: report.child?.age,
    sex: report.child?.sex,
    kecamatan: report.location?.kecamatan,
    placeType: report.location?.placeType,
    perpetratorRelation: report.perpetratorRelation,
    ongoing: report.ongoing,
    immediateDanger: report.immediateDanger,
    reporterRole: report.reporterRole,
    anonymous: report.anonymous,
    contactMethod: report.contactMethod,
    fieldNames: personalFieldNames(report),
    personal: revealed ? decryptPersonalFields(report, cipher) : undefined,
  };
}

/** "Ayu Lestari" → "A. L.": enough to tell two cases apart in a list, little to identify a child. */
export function initialsOf(name: string | undefined): string | undefined {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  return words.length ? words.map((w) => `${w[0]!.toUpperCase()}.`).join(' ') : undefined;
}

/** The child's initials from the first report that names the child. */
export function childInitialsOf(reports: readonly (Report & { _id: unknown })[], cipher: FieldCipher): string | undefined {
  const named = reports.find((r) => r.child?.name);
  return named?.child?.name ? initialsOf(cipher.decrypt(named.child.name, fieldOf(BOUND.reports, named._id, 'child.name'))) : undefined;
}
