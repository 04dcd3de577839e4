// The words of docs/domain.md ("A case's life") as data.
export const CASE_STATUSES = ['assessment', 'planning', 'in_service', 'monitoring', 'terminated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The one way forward; terminasi may also come early from any open stage (e.g. the family moved away). */
export const NEXT_STATUS: Record<CaseStatus, CaseStatus | undefined> = {
  assessment: 'planning',
  planning: 'in_service',
  in_service: 'monitoring',
  monitoring: 'terminated',
  terminated: undefined,
};

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const MONITORING_KINDS = ['legal', 'health', 'psychosocial'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** Terminasi and referrals need one of these on record (docs/domain.md "A case's life"). */
export const AUTHORISATION_KINDS = ['consent', 'supervisor_approval'] as const;
export type AuthorisationKind = (typeof AUTHORISATION_KINDS)[number];

export const PARTNER_KINDS = [
  'kesehatan', 'unit_ppa_polisi', 'uptd_ppa', 'pendidikan', 'dukcapil', 'bantuan_hukum', 'keagamaan_masyarakat', 'lainnya',
] as const;
