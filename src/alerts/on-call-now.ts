import { ALERT_ROLES, OnCallShiftModel, type AlertRole } from '../db/models/on-call-shift.model';

/** How many shifts of each escalation role cover `at`: who an alert raised now would reach. */
export async function countOnCallNow(at = new Date()): Promise<Record<AlertRole, number>> {
  const counts = await Promise.all(
    ALERT_ROLES.map((role) => OnCallShiftModel.countDocuments({ role, from: { $lte: at }, to: { $gt: at } })),
  );
  return Object.fromEntries(ALERT_ROLES.map((role, i) => [role, counts[i]!])) as Record<AlertRole, number>;
}
