import { z } from 'zod';
import { AUTHORISATION_KINDS, CASE_STATUSES, MONITORING_KINDS } from '../src/cases/case-vocabulary';

// Bodies of the panel's forms and JSON API, one definition each; parseBody makes every one strict, and
// /api/openapi.json is generated from the same schemas.

export const SessionBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export const ReasonBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const EmptyBody = z.object({});
const text = (max: number) => z.string().trim().min(3).max(max);
export const ReferralBody = z.object({ partnerId: z.string().regex(/^[a-f0-9]{24}$/), reason: text(2000), authKind: z.enum(AUTHORISATION_KINDS), authNote: text(500) });
export const NoteBody = z.object({ text: text(5000), attendees: z.string().trim().max(500).optional() });
export const MonitoringBody = z.object({ kind: z.enum(MONITORING_KINDS), note: text(5000), nextDueAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('')) });
export const PlanBody = z.object({ assessment: z.string().trim().max(10_000).optional(), servicePlan: z.string().trim().max(10_000).optional() });
export const TransitionBody = z.object({
  to: z.enum(CASE_STATUSES),
  closingSummary: z.string().trim().max(5000).optional(),
  authKind: z.enum(AUTHORISATION_KINDS).optional(),
  authNote: z.string().trim().max(500).optional(),
});
export const TerminationRequestBody = z.object({ closingSummary: z.string().trim().min(10).max(5000) });
export const ApprovalBody = z.object({ note: text(500) });
export function terminationOf(body: z.infer<typeof TransitionBody>) {
  if (body.to !== 'terminated') return undefined;
  return { closingSummary: body.closingSummary ?? '', authorisation: { kind: body.authKind ?? 'consent', note: body.authNote ?? '' } };
}

