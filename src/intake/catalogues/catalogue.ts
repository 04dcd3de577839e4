import type {
  Category, ContactMethod, PerpetratorRelation, PlaceType, ReporterRole, ReportStatus, Sex,
} from '../../reports/report-vocabulary';
import type { Language } from '../draft';

/** Every text the intake conversation says. Each language file must fill all of it (a missing key does not compile). */
export interface Catalogue {
  languageName: string;
  options: { yes: string; no: string; dontKnow: string; skip: string; continue: string };
  welcome: (unitName: string) => string;
  consentDeclined: string;
  /** Asked again after an answer that was not yes or no: the question without the whole notice. */
  consentShort: string;
  /** Before the notice, when the first message already told the story. */
  storyKept: string;
  /** What the story already answered, shown so the reporter can correct it before sending. */
  understood: (lines: string) => string;
  danger: string;
  emergency: (contactLines: string) => string;
  reporterRole: string;
  reporterRoles: Record<ReporterRole, string>;
  anonymous: string;
  anonymousOptions: { yes: string; no: string };
  category: string;
  categories: Record<Category, string>;
  description: string;
  descriptionAfterMedia: string;
  moreMedia: string;
  media: {
    received: (count: number) => string;
    wrongType: string;
    tooLarge: (maxMb: number) => string;
    tooMany: (max: number) => string;
    failed: string;
    notHere: string;
  };
  childAge: string;
  ageBands: { '0-5': string; '6-12': string; '13-17': string; adult: string; unknown: string };
  adultReferral: string;
  adultCheck: (age: number) => string;
  adultOptions: { refer: string; retype: string; cancel: string };
  /** Where an adult's story goes when the reporter passes it on. */
  adultReferred: string;
  /** Staff-facing line put above the story of an adult victim that was passed on. */
  adultReferralNote: (age: number) => string;
  cancelCheck: string;
  cancelOptions: { cancel: string; keep: string };
  childSex: string;
  sexes: Record<Sex, string>;
  childName: string;
  perpetrator: string;
  perpetrators: Record<PerpetratorRelation, string>;
  kecamatan: (districtName: string) => string;
  desa: string;
  placeType: string;
  placeTypes: Record<PlaceType, string>;
  location: string;
  when: string;
  ongoing: string;
  contact: string;
  contactMethods: Record<ContactMethod, string>;
  contactPhone: string;
  confirm: string;
  confirmOptions: { send: string; back: string; cancel: string; details: string };
  summary: {
    danger: string; reporter: string; anonymous: string; category: string; description: string; media: string;
    child: string; perpetrator: string; place: string; when: string; ongoing: string; contact: string;
    notGiven: string; sharedLocation: string; age: (n: number) => string;
  };
  submitted: (ticket: string) => string;
  submitFailed: string;
  /** Something on our side failed; nothing the reporter did. */
  unexpected: string;
  cancelled: string;
  nothingToCancel: string;
  atStart: string;
  help: string;
  resume: string;
  resumeOptions: { continue: string; restart: string };
  language: string;
  hints: {
    pickOption: string;
    yesNo: string;
    staleButton: string;
    textNeeded: string;
    tooShort: string;
    phone: string;
    location: string;
    age: string;
    /** At the story question, a bare "iya" / "ok": the story is asked for, kindly. */
    storyPlease: string;
    /** A question that could not be read twice: its don't-know answer is taken and the conversation goes on. */
    unreadMovedOn: string;
  };
  status: {
    none: string;
    header: string;
    line: (ticket: string, state: string, date: string) => string;
    states: Record<ReportStatus, string>;
    startHint: string;
  };
  limits: { rate: string; daily: (max: number) => string; tooLong: (max: number) => string; busy: string; blocked: string };
  reminder: (hoursLeft: number) => string;
}

export type { Language };
