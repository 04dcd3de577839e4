import type { ReportStatus } from './report-vocabulary';

// A report's life (docs/domain.md "A report's life") as one table: from each status, which staff actions are
// possible and where each leads. The domain functions take their `from` statuses here and the report page shows a
// button only for an action this table allows from the report's status (and the role may take, admin/permissions.ts).

export const REPORT_ACTIONS = ['claim', 'release', 'open_case', 'attach_case', 'refer_out', 'reject', 'merge'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Whether the action needs the report held by the one acting (claimed by them). */
type Step = { to: ReportStatus; holderOnly: boolean };

export const REPORT_LIFECYCLE: Record<ReportStatus, { open: boolean; actions: Partial<Record<ReportAction, Step>> }> = {
  received: { open: true, actions: {} },
  triaged: { open: true, actions: { claim: { to: 'claimed', holderOnly: false } } },
  queued: {
    open: true,
    actions: { claim: { to: 'claimed', holderOnly: false }, merge: { to: 'merged', holderOnly: false } },
  },
  claimed: {
    open: true,
    actions: {
      open_case: { to: 'case_opened', holderOnly: true },
      attach_case: { to: 'case_opened', holderOnly: true },
      release: { to: 'queued', holderOnly: true },
      refer_out: { to: 'referred_out', holderOnly: true },
      reject: { to: 'rejected', holderOnly: true },
      merge: { to: 'merged', holderOnly: true },
    },
  },
  case_opened: { open: false, actions: {} },
  referred_out: { open: false, actions: {} },
  merged: { open: false, actions: {} },
  rejected: { open: false, actions: {} },
};

/** The statuses an action may start from: what transitionReport's `from` guard is given. */
export function statusesAllowing(action: ReportAction): ReportStatus[] {
  return (Object.keys(REPORT_LIFECYCLE) as ReportStatus[]).filter((s) => REPORT_LIFECYCLE[s].actions[action]);
}

/** The actions open on a report right now for someone who does (or does not) hold it. */
export function actionsOn(report: { status: string; claimedBy?: string | null }, userId: string): ReportAction[] {
  const entry = REPORT_LIFECYCLE[report.status as ReportStatus];
  if (!entry) return [];
  const holds = report.claimedBy === userId;
  return REPORT_ACTIONS.filter((a) => {
    const step = entry.actions[a];
    return step !== undefined && (!step.holderOnly || holds);
  });
}
