import { z } from 'zod';
import { CATEGORIES } from '../reports/report-vocabulary';
import raw from './lexicon.json';

// The triage rules are reviewed data (lexicon.json); this file only states their shape, checked once at load.

const category = z.enum(CATEGORIES);

const SignalSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  reason: z.string().min(1),
  weight: z.number().min(0),
  category: category.optional(),
  terms: z.array(z.string().min(2)).min(1),
  ongoingMarker: z.boolean().optional(),
  youngChildMarker: z.boolean().optional(),
  welfare: z.boolean().optional(),
  /** Words for an adult that, one or two words before a term, make the adult the one doing it: "ibu aku jualan sayur",
   * "mbahnya cuma jualan gorengan", "saya ibu tunggal kerja sampai sore" is an adult's work, not child labour. */
  notAfter: z.array(z.string()).optional(),
  /** Terms that, anywhere in the text, make this signal someone else's story: "anak saya belum punya akta karena saya
   * nikah siri" is the parents' marriage in a question about a birth certificate, not a child married off. */
  notWith: z.array(z.string()).optional(),
  /** Tags this signal adds besides its id, for combinations and the rules of `resolved` ("now", "plea", "past");
   * `intent` is a plan not yet carried out ("mau", "akan", "arep", "kate"), `treated` an injury seen to ("sudah diobati"),
   * `worry` a fear it is not over ("khawatir terulang", "memburuk", "mohon asesmen"), which no "settled" word lowers. */
  marks: z.array(z.enum(['now', 'plea', 'night', 'past', 'soon', 'settled', 'safe', 'general', 'intent', 'treated', 'worry'])).optional(),
});

export const LexiconSchema = z.object({
  version: z.string().min(1),
  thresholds: z.object({ P1: z.number(), P2: z.number(), P3: z.number() }),
  youngChildMaxAge: z.number().int().min(0),
  /** A harm in the text this heavy or more is one a plea, "now" or shouting makes urgent (teasing is not). */
  urgentHarmWeight: z.number().min(0),
  negationWindow: z.number().int().min(1),
  abbreviations: z.record(z.string(), z.string()),
  /** Javanese and Mukomuko Malay stems read as their Indonesian stem too ("pukua" → "pukul", "tingga" → "tinggal"). */
  stemAliases: z.record(z.string(), z.string()),
  /** Words that mean something else together ("demam berdarah" is not bleeding), or a word not to be stemmed
   * ("kehilangan" is not "hilang"): read as one word, as written. */
  compounds: z.record(z.string(), z.string()),
  /** "kalau tidak dapat uang, dipukuli": a negator right after one of these negates the condition, not what follows. */
  conditionals: z.array(z.string()),
  negators: z.array(z.string()),
  negationCancellers: z.array(z.string()),
  clauseBreaks: z.array(z.string()),
  prefixes: z.array(z.string()),
  suffixes: z.array(z.string()),
  shortWords: z.array(z.string()),
  commonWords: z.array(z.string()),
  signals: z.array(SignalSchema),
  signalCategories: z.partialRecord(category, z.array(z.string())),
  combos: z.array(
    z.object({ id: z.string(), reason: z.string(), weight: z.number().min(0), all: z.array(z.string()).min(2), category: category.optional() }),
  ),
  /** Capitals and "!!!" read as shouting: at least this many letters, this share of them upper case. */
  shouting: z.object({
    minLetters: z.number().int().min(1),
    upperShare: z.number().min(0).max(1),
    reason: z.string(),
    /** A shouted plea ("TOLONG …!!!") that is no welfare question is P1 even when its harm is not understood. */
    plea: z.string(),
  }),
  /** More words for the `safe` mark (the doer held, tried, jailed, dismissed, dead: "pelakunya sudah ditahan",
   * "alah diputus pangadilan") and the `settled` mark ("gurunya udah pensiun", "he moved away"), read as those marks;
   * "undone" words say the doer is free again ("sudah dibebaskan", "keluar penjara"): then no word makes it safe;
   * "stillNear" words say the doer is still near the child ("masih tinggal serumah", "datang lagi"): nothing is settled. */
  settledWords: z.object({ safe: z.array(z.string()), settled: z.array(z.string()), undone: z.array(z.string()), stillNear: z.array(z.string()) }),
  /**
   * An event told as past and settled ("dulu … pelakunya sudah dipenjara, sekarang aman") is capped at `cap`:
   * a `safe` mark (perpetrator jailed, child safe) settles any harm; a `settled` mark (apology, mediation) settles
   * only harms below P1. A plea or shouting in the same text is a conflict: `review` instead.
   */
  resolved: z.object({
    cap: z.enum(['P2', 'P3', 'P4']),
    reason: z.string(),
    /** "hanya ingin tercatat", "mung pengen dicatet", "on record": an event told as over (past, settled, safe, treated)
     * and reported for the record is exactly `cap`, unless one of `recordNotWithTags` is there. */
    forTheRecord: z.array(z.string()),
    recordNotWithTags: z.array(z.string()),
    recordReason: z.string(),
    /** Phrases in which a past word is none: "aman dulu" (safe for now), "dari dulu", "ket biyen" (since ever). */
    notPast: z.array(z.string()),
    /** A harm of P1 weight told as past and only `settled` (mediated, apologised, moved), no `safe` ending: at most this. */
    settledGrave: z.enum(['P2', 'P3']),
    /** Only harms of these categories: a sexual harm or a wish to die is never lowered by a talk or a doer moved away. */
    settledGraveCategories: z.array(category),
    /** Uncategorised signals and combinations of P1 weight no talk settles (a danger to life, a child hiding). */
    settledGraveNot: z.array(z.string()),
    /** A sign that the harm is not over (now, again, a small child): no such lowering. */
    settledGraveNotWithTags: z.array(z.string()),
    settledGraveReason: z.string(),
  }),
  /** "apakah menjewer anak itu bisa dipidana?", "boleh nggak menurut aturan?": a question about the law, with no harm of
   * P1 weight and none of `notWithTags` (a harm told as recurring, a small child, now), is a topic asked about. */
  lawQuestion: z.object({ terms: z.array(z.string()), notWithTags: z.array(z.string()) }),
  /** A question about a topic ("pencegahan kekerasan seksual", "sosialisasi") rather than a child: capped at `cap`. */
  general: z.object({
    cap: z.enum(['P2', 'P3', 'P4']),
    reason: z.string(),
    /** A request for counselling ("butuh konseling", "psikolog anak"): a P2 with no harm of P2 weight becomes P3. */
    counselling: z.array(z.string()),
    /** "apakah termasuk …?": an unsure reporter asking whether what happens counts (see toldAndAskedWhetherItCounts). */
    whetherItCounts: z.array(z.string()),
    counsellingReason: z.string(),
    /** Words that say there is no case (research, statistics, "belum ada kasus"): a topic even with "sedang"/"sekarang". */
    noCase: z.array(z.string()),
  }),
  /**
   * "aku dibunuh 5 kali di mobile legends wkwk", "script nya aku diculik lol": the reporter laughs (`terms`) about a
   * game, a play or a joke. With none of `notWithSignals` (a sexual harm, a wish to die, a child confined or unfed)
   * and none of `notWithTags` (a plea, danger now, a small child, a worry), at most `atMost`. A school's "cuma
   * bercanda" about a beating is someone else's word, not the reporter laughing, and is not among the terms.
   */
  jest: z.object({
    terms: z.array(z.string()),
    notWithSignals: z.array(z.string()),
    notWithTags: z.array(z.string()),
    atMost: z.enum(['P2', 'P3']),
    reason: z.string(),
  }),
  /**
   * A teenager's pregnancy (`terms`, read by `signal`) told to ask for a service (`service`: her schooling, care,
   * support) is at most `atMost`, unless someone is named as forcing her or sharing her house (`coercion`), another
   * term of `signal` or another grave signal is there, one of `notWithTags` is, or she is younger than `minAge`.
   */
  pregnancy: z.object({
    signal: z.string(),
    terms: z.array(z.string()),
    service: z.array(z.string()),
    coercion: z.array(z.string()),
    notWithTags: z.array(z.string()),
    minAge: z.number().int(),
    atMost: z.enum(['P2', 'P3']),
    reason: z.string(),
  }),
  /** An injury told as stopped and treated ("berdarah tapi sudah berhenti dan diobati") is no danger now: with a
   * `treated` mark, these signals weigh at most `weight` and add no tag for combinations. */
  treated: z.object({ signals: z.array(z.string()), weight: z.number().min(0), reason: z.string() }),
  /**
   * "maaf salah kirim", "wrong number", "tes tes": a message sent by mistake (`mistake`) or made only of `testWords`,
   * with nothing else understood and none of `notWithTags`, tells of no child: `priority`, not a person's review.
   */
  noConcern: z.object({
    mistake: z.array(z.string()),
    testWords: z.array(z.string()),
    notWithTags: z.array(z.string()),
    priority: z.enum(['P3', 'P4']),
    reason: z.string(),
  }),
  /** A message made only of these words (greetings, "mau tanya", "ini nomor pengaduan?") tells no concern yet: a
   * person reads it at the `review` priority rather than as a welfare question. */
  contentless: z.object({ reason: z.string(), words: z.array(z.string()) }),
  /**
   * The safety net: a report that names a harm of one of these families (signal ids) and is not told as over and safe
   * is never left at P3/P4. With one of `urgentTags` (now, lasting until now, a young child, a plan about to be
   * carried out, shouting; `danger_now` is the language layer's `hearsDangerNow`) it is P1; without, at least P2 for a
   * person to look at. Missing a child in danger is the worst error; one level of over-triage only costs a quicker look.
   * "Often" alone (`ongoing`: "sering", "suka", "terus") is not urgent here: those words are too common to mean danger
   * now, and a harm said to recur is already P2 by the net.
   */
  safetyNet: z.object({
    families: z.array(z.string()).min(1),
    urgentTags: z.array(z.string()).min(1),
    /** After a conditional ("kalau", "jika"), these make the harm a supposition: "kalau ada …", "kalau mau lapor …". */
    hypothesis: z.array(z.string()),
    /** Nothing understood, but one of these tags (now, a young child) and nothing told as over: P1, for a person at once. */
    unreadUrgentTags: z.array(z.string()),
    unreadUrgent: z.string(),
    review: z.string(),
    urgent: z.string(),
  }),
  /**
   * A harm denied ("tidak dipukul", "bukan kekerasan, tapi …", "indak ado nan luko") is no harm, but the reporter is
   * telling of a worry about a child: at least `atLeast`, not a welfare question. A harm said to be no longer or never
   * (`noLonger` just after the term or before it: "tidak dipukul lagi", "sudah tidak", "tidak pernah"), or only not
   * yet ("belum dibayar"), is not a worry denied, nor is a denial beside a question or a retraction (`asking`:
   * "tidak ada kekerasan, cuma mau tanya akta").
   */
  denied: z.object({
    atLeast: z.enum(['P2', 'P3']),
    noLonger: z.array(z.string()),
    asking: z.array(z.string()),
    /** "Tidak ada kekerasan", "gak ada yang nyakitin dia": nobody harms the child. With no grave harm and none of
     * `noHarmNotWithTags`, at most `atLeast`; and at least `atLeast` as a worry denied is. */
    noHarm: z.array(z.string()),
    noHarmNotWithTags: z.array(z.string()),
    noHarmReason: z.string(),
    /** A denial alone ("bocahe ora digebuki") is no story: the text must have at least this many words. */
    minWords: z.number().int().min(1),
    reason: z.string(),
  }),
  /** "Suami saya sering memukul saya, tapi anak-anak tidak pernah disentuh", "aku durung duwe anak": the victim is an
   * adult and no child is in the story (signal `korban_dewasa`): no safety net, at most `atMost`, and referred on. */
  adultVictim: z.object({ atMost: z.enum(['P2', 'P3', 'P4']), reason: z.string() }),
  /** Nothing understood, or signals that contradict each other: a person looks, at this priority. */
  review: z.object({ priority: z.enum(['P1', 'P2', 'P3']), nothingUnderstood: z.string(), conflict: z.string() }),
  answers: z.object({
    immediateDangerYes: z.object({ reason: z.string(), weight: z.number() }),
    ongoing: z.object({ reason: z.string(), weight: z.number() }),
    categories: z.partialRecord(category, z.object({ reason: z.string(), weight: z.number() })),
  }),
});
export type Lexicon = z.infer<typeof LexiconSchema>;
export type Signal = z.infer<typeof SignalSchema>;

export const LEXICON: Lexicon = LexiconSchema.refine(
  (l) => l.safetyNet.families.every((id) => l.signals.some((s) => s.id === id)),
  { message: 'safetyNet.families names a signal the lexicon does not have' },
).parse(raw);
