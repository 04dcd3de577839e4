import { AlertModel } from '../db/models/alert.model';
import { ESCALATION_ROLES, raiseDraftAlert, raiseReportAlert, type AlertDeps } from './raise-alert';

export type EscalationOutcome = { outcome: 'acknowledged' | 'last_level' | 'escalated' | 'not_found'; level?: number };

/** An alert nobody acknowledged in time goes one level up; any acknowledgement of the same subject stops the chain. */
export async function escalateAlert(alertId: string, deps: AlertDeps): Promise<EscalationOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (await AlertModel.exists({ subject: alert.subject, acknowledgedAt: { $ne: null } })) return { outcome: 'acknowledged' };
  const level = alert.level + 1;
  if (level >= ESCALATION_ROLES.length) return { outcome: 'last_level' };

  if (alert.kind === 'report' && alert.reportId) await raiseReportAlert(alert.reportId.toHexString(), level, deps);
  else if (alert.kind === 'urgent_draft') {
    const [, draftId, channel] = /^draft-(.+)$/.exec(alert.subject) ?? [];
    await raiseDraftAlert(draftId ?? alert.subject, channel ?? 'chat', level, deps);
  } else return { outcome: 'last_level' };
  // The next level's alert (its createdAt) is the record of the escalation. Nothing is written on this alert: on
  // FerretDB a second update of it in the same moment as its send could write back the document without `sentAt`.
  return { outcome: 'escalated', level };
}
