import { isValidObjectId } from 'mongoose';
import { AlertModel } from '../db/models/alert.model';

export type AcknowledgeOutcome = 'acknowledged' | 'already_acknowledged' | 'not_found';

/** Called by the admin panel when a worker opens the alert's link: stops its escalation. First acknowledgement wins. */
export async function acknowledgeAlert(alertId: string, userId: string, now = new Date()): Promise<AcknowledgeOutcome> {
  if (!isValidObjectId(alertId)) return 'not_found';
  const updated = await AlertModel.updateOne(
    { _id: alertId, acknowledgedAt: null },
    { $set: { acknowledgedAt: now, acknowledgedBy: userId } },
  );
  if (updated.modifiedCount === 1) return 'acknowledged';
  return (await AlertModel.exists({ _id: alertId })) ? 'already_acknowledged' : 'not_found';
}
