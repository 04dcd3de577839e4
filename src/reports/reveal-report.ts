import { recordAuditEvent, type Actor } from '../audit/record-audit-event';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Report } from '../db/models/report.model';
import { ReportModel } from '../db/models/report.model';

export interface PersonalFields {
  reporterName?: string;
  contactPhone?: string;
  description?: string;
  childName?: string;
  desa?: string;
  exactLocation?: string;
  occurredWhen?: string;
}

/** Which personal fields a report holds (names only): what the masked page shows exists. */
export function personalFieldNames(report: Report): (keyof PersonalFields)[] {
  const present: [keyof PersonalFields, unknown][] = [
    ['reporterName', report.reporterName], ['contactPhone', report.contactPhone], ['description', report.description],
    ['childName', report.child?.name], ['desa', report.location?.desa], ['exactLocation', report.location?.exact],
    ['occurredWhen', report.occurredWhen],
  ];
  return present.filter(([, v]) => typeof v === 'string' && v.length > 0).map(([k]) => k);
}

export function decryptPersonalFields(report: Report & { _id: unknown }, cipher: FieldCipher): PersonalFields {
  const open = (v: string | null | undefined, path: string) => (v ? cipher.decrypt(v, fieldOf(BOUND.reports, report._id, path)) : undefined);
  return {
    reporterName: open(report.reporterName, 'reporterName'),
    contactPhone: open(report.contactPhone, 'contactPhone'),
    description: open(report.description, 'description'),
    childName: open(report.child?.name, 'child.name'),
    desa: open(report.location?.desa, 'location.desa'),
    exactLocation: open(report.location?.exact, 'location.exact'),
    occurredWhen: open(report.occurredWhen, 'occurredWhen'),
  };
}

/** Audits the reveal (who, which report, why) and notes it on the report's own timeline. */
export async function recordReveal(reportId: string, ticket: string, fields: string[], actor: Actor, reason: string) {
  await recordAuditEvent(actor, { action: 'report.reveal', subjectType: 'report', subjectId: reportId, reason, details: { ticket, fields } });
  await ReportModel.updateOne({ _id: reportId }, { $push: { events: { type: 'reveal', actor: actor.id, reason, at: new Date() } } });
}
