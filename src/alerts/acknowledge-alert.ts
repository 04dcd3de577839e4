import { isValidObjectId } from 'mongoose';
import { AlertModel } from '../db/models/alert.model';
import { enqueue, type Queues } from '../queue/queues';

export type AcknowledgeOutcome = 'acknowledged' | 'already_acknowledged' | 'not_found';

/**
 * Called by the admin panel when a worker opens the alert's link or accepts it on /alerts: stops its escalation. First
 * acknowledgement wins. A person accepting an urgent draft's alert has it: the reporter, told "kami kabari di sini
 * begitu petugas menerimanya", hears it through the worker's `alert_heard` job, as when a channel accepts the alert
 * (once per chain: `claimTelling`). Without this, an alert that reached nobody's channel (an empty roster) was never told.
 */
export async function acknowledgeAlert(alertId: string, userId: string, queues?: Partial<Queues>, now = new Date()): Promise<AcknowledgeOutcome> {
  if (!isValidObjectId(alertId)) return 'not_found';
  const updated = await AlertModel.updateOne(
    { _id: alertId, acknowledgedAt: null },
    { $set: { acknowledgedAt: now, acknowledgedBy: userId } },
  );
  if (updated.modifiedCount !== 1) return (await AlertModel.exists({ _id: alertId })) ? 'already_acknowledged' : 'not_found';
  if (queues?.outbound && (await AlertModel.exists({ _id: alertId, kind: 'urgent_draft' }))) {
    // The acknowledgement stands whatever the queue does.
    await enqueue(queues, 'alert_heard', { alertId }).catch(() => undefined);
  }
  return 'acknowledged';
}
