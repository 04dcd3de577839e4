import { z } from 'zod';
import {
  AGE_BANDS, CATEGORIES, CHANNELS, CONTACT_METHODS, DANGER_ANSWERS, PERPETRATOR_RELATIONS, PLACE_TYPES,
  REPORTER_ROLES, SEXES,
} from '../reports/report-vocabulary';
import { MEDIA_KINDS } from './messages';

// A draft is everything a reporter has answered so far. It lives (encrypted) in Redis until confirmed or forgotten.

export const STEP_IDS = [
  'consent', 'danger', 'reporter_role', 'anonymous', 'category', 'description', 'more_media', 'child_age',
  'child_sex', 'child_name', 'perpetrator', 'kecamatan', 'desa', 'place_type', 'location', 'when', 'ongoing',
  'contact', 'contact_phone', 'confirm', 'resume', 'language', 'adult_check', 'cancel_check',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MediaRefSchema = z.object({
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  storageKey: z.string().min(1),
});
export type MediaRef = z.infer<typeof MediaRefSchema>;

export const DraftSchema = z.object({
  id: z.string().min(1),
  /** Bumped on every save; a save with a stale version is refused (see draft-store). */
  version: z.number().int().nonnegative(),
  channel: z.enum(CHANNELS),
  chatId: z.string().min(1),
  language: z.enum(LANGUAGES),
  step: z.enum(STEP_IDS),
  /** Steps answered, most recent last: `kembali` pops from here. */
  history: z.array(z.enum(STEP_IDS)),
  /** Where `resume` or `language` return to. */
  returnTo: z.enum(STEP_IDS).optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  urgentAlerted: z.boolean().default(false),
  /** The reporter opened with the story (first message, or at the notice): fewer questions before the ticket. */
  openedWithStory: z.boolean().optional(),
  /** Answers in a row the current question could not read (a second one takes its "not known": Step.whenUnread). */
  unread: z.object({ step: z.enum(STEP_IDS), count: z.number().int().min(1) }).optional(),
  answers: z.object({
    consent: z.boolean().optional(),
    danger: z.enum(DANGER_ANSWERS).optional(),
    reporterRole: z.enum(REPORTER_ROLES).optional(),
    anonymous: z.boolean().optional(),
    category: z.enum(CATEGORIES).optional(),
    description: z.string().optional(),
    childAge: z.number().int().min(0).max(17).optional(),
    childAgeBand: z.enum(AGE_BANDS).optional(),
    /** The victim is an adult (the reporter confirmed it) and the story goes to staff as a referral note. */
    adultAge: z.number().int().min(18).max(120).optional(),
    /** The reporter chose to pass an adult's story on to staff as a referral note (true), instead of retyping the age. */
    adultReferral: z.boolean().optional(),
    /** The reporter asked, at the summary, to add the optional details (child's name, desa, location, time). */
    details: z.boolean().optional(),
    childSex: z.enum(SEXES).optional(),
    childName: z.string().optional(),
    perpetratorRelation: z.enum(PERPETRATOR_RELATIONS).optional(),
    kecamatan: z.string().optional(),
    desa: z.string().optional(),
    placeType: z.enum(PLACE_TYPES).optional(),
    exactLocation: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
    occurredWhen: z.string().optional(),
    ongoing: z.enum(DANGER_ANSWERS).optional(),
    contactMethod: z.enum(CONTACT_METHODS).optional(),
    contactPhone: z.string().optional(),
  }),
  media: z.array(MediaRefSchema).default([]),
});
export type Draft = z.infer<typeof DraftSchema>;
export type DraftAnswers = Draft['answers'];

export function newDraft(args: {
  id: string;
  channel: Draft['channel'];
  chatId: string;
  now: Date;
  language?: Language;
}): Draft {
  const at = args.now.toISOString();
  return {
    id: args.id,
    version: 0,
    channel: args.channel,
    chatId: args.chatId,
    language: args.language ?? 'id',
    step: 'consent',
    history: [],
    startedAt: at,
    updatedAt: at,
    urgentAlerted: false,
    answers: {},
    media: [],
  };
}
