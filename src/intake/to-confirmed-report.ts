import type { ConfirmedReport } from '../reports/store-report';
import { catalogueFor } from './catalogues/catalogue-for';
import type { Draft } from './draft';

/** The report a confirmed draft stands for, in the channel-neutral shape storeReport takes. */
export function toConfirmedReport(draft: Draft): ConfirmedReport {
  const a = draft.answers;
  return {
    language: draft.language,
    anonymous: a.anonymous ?? false,
    reporterRole: a.reporterRole,
    immediateDanger: a.danger ?? 'unknown',
    category: a.category ?? 'lainnya',
    description: referralNote(draft) + (a.description ?? ''),
    child: { age: a.childAge, ageBand: a.childAgeBand ?? 'unknown', sex: a.childSex ?? 'unknown', name: a.childName },
    perpetratorRelation: a.perpetratorRelation ?? 'not_said',
    location: { kecamatan: a.kecamatan, desa: a.desa, placeType: a.placeType, exact: a.exactLocation },
    occurredWhen: a.occurredWhen,
    // Danger now is going on now; the flow does not ask it twice.
    ongoing: a.ongoing ?? (a.danger === 'yes' ? 'yes' : undefined),
    contactMethod: a.anonymous ? 'none' : (a.contactMethod ?? 'none'),
    contactPhone: a.anonymous ? undefined : a.contactPhone,
    media: draft.media,
  };
}

/**
 * An adult victim's story the reporter chose to pass on: stored as a report like any other (so it is never lost and
 * staff see it in the intake queue), with a note above the story saying it is outside the child service; the
 * receptionist refers it out (status `referred_out`). The note is in Indonesian, the staff's language.
 */
function referralNote(draft: Draft): string {
  const age = draft.answers.adultAge;
  return draft.answers.adultReferral && age !== undefined ? `${catalogueFor('id').adultReferralNote(age)}\n\n` : '';
}
