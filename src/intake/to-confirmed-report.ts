import type { ConfirmedReport } from '../reports/store-report';
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
    description: a.description ?? '',
    child: { age: a.childAge, ageBand: a.childAgeBand ?? 'unknown', sex: a.childSex ?? 'unknown', name: a.childName },
    perpetratorRelation: a.perpetratorRelation ?? 'not_said',
    location: { kecamatan: a.kecamatan, desa: a.desa, placeType: a.placeType, exact: a.exactLocation },
    occurredWhen: a.occurredWhen,
    ongoing: a.ongoing,
    contactMethod: a.anonymous ? 'none' : (a.contactMethod ?? 'none'),
    contactPhone: a.anonymous ? undefined : a.contactPhone,
    media: draft.media,
  };
}
