import { readAnonymity, readReporterRole } from '../../language';
import { REPORTER_ROLES } from '../../reports/report-vocabulary';
import { optionStep } from './step';

export const reporterRoleStep = optionStep({
  id: 'reporter_role',
  text: (t) => t.reporterRole,
  options: (t) => REPORTER_ROLES.map((r) => ({ value: r, label: t.reporterRoles[r] })),
  apply: (v) => ({ reporterRole: v }),
  read: readReporterRole,
  unread: 'other',
});

export const anonymousStep = optionStep({
  id: 'anonymous',
  text: (t) => t.anonymous,
  options: (t) => [
    { value: 'yes', label: t.anonymousOptions.yes, means: 'yes', synonyms: ['anonim', 'anonymous'] },
    { value: 'no', label: t.anonymousOptions.no, means: 'no' },
  ],
  // Anonymous means anonymous: no contact is asked for or kept.
  apply: (v) => (v === 'yes' ? { anonymous: true, contactMethod: 'none', contactPhone: undefined } : { anonymous: false }),
  read: (text) => {
    const anonymous = readAnonymity(text);
    return anonymous === undefined ? undefined : anonymous ? 'yes' : 'no';
  },
  hint: (t) => t.hints.yesNo,
});
