import type { Category, DangerAnswer, PerpetratorRelation, PlaceType, ReporterRole, Sex } from '../reports/report-vocabulary';
import { readAgeInStory, type AgeReading } from './age';
import { hearsDangerNow } from './danger';
import { CATEGORY_WORDS, PERPETRATOR_WORDS, PLACE_WORDS, SEX_WORDS } from './read-choices';
import { oncePerTurn } from './turn';
import { affirmed, findPhrase, firstConcept, hasPhrase, readWords, type Words } from './words';

// What a story already answers, so a reporter who opens with the whole story is not asked it again. Careful where
// the questions are broad: "anak tetangga" is the child, not the one who did it; a relation word counts as the
// perpetrator only beside the harm ("dipukul bapaknya", "oleh gurunya", "ayahnya memukul").

export interface StoryFacts {
  /** Whether the text reads like a report at all (something happened to a child), not a greeting or a question. */
  isStory: boolean;
  category?: Category;
  dangerNow: boolean;
  age?: AgeReading;
  sex?: Exclude<Sex, 'unknown'>;
  perpetrator?: PerpetratorRelation;
  place?: PlaceType;
  reporterRole?: ReporterRole;
  ongoing?: DangerAnswer;
  /** When it happened, as the story says it ("tadi malam", "sejak Januari"), in the reporter's words. */
  when?: string;
  /** The desa or kelurahan the story names ("di desa Pulai Payung"), as written. */
  desa?: string;
}

const HARM_VERBS = ['pukul', 'tendang', 'tampar', 'cekik', 'hajar', 'siksa', 'aniaya', 'perkosa', 'cabul', 'leceh', 'raba', 'sundut',
  'jambak', 'cubit', 'bentak', 'maki', 'ancam', 'kurung', 'usir', 'telantar', 'tinggal', 'jual', 'suruh', 'paksa', 'bully', 'ejek', 'marahi',
  'beaten', 'hit', 'bullied', 'abused', 'molested', 'neglected', 'forced', 'threatened', 'kicked', 'slapped'];

const REPORTER_IN_STORY: readonly (readonly [ReporterRole, readonly string[]])[] = [
  ['parent_guardian', ['anak saya', 'anakku', 'anak kami', 'my child', 'my son', 'my daughter']],
  ['teacher_school', ['murid saya', 'siswa saya', 'murid kami', 'my student', 'my pupil']],
  ['health_worker', ['pasien saya', 'my patient']],
  ['relative', ['keponakan saya', 'ponakan saya', 'keponakanku', 'ponakanku', 'cucuku', 'cucu saya', 'adik saya', 'sepupu saya', 'my niece', 'my nephew', 'my grandchild']],
  ['neighbour_community', ['anak tetangga', 'tetangga saya', 'di sebelah rumah', 'my neighbour', 'my neighbor', 'neighbour', 'neighbor']],
];

const CHILD_WORDS = ['anak', 'bayi', 'balita', 'murid', 'siswa', 'keponakan', 'cucu', 'child', 'kid', 'boy', 'girl', 'baby'];
// "setiap" / "tiap" / "saben" / "tiok" before any time ("tiap minggu", "saben bengi"): it recurs. "kadang" (now and then)
// says nothing of now, and is asked again.
const ONGOING_YES = ['masih', 'sampai sekarang', 'setiap', 'sering', 'terus', 'berulang', 'selalu', 'still', 'every', 'often'];
const ONGOING_NO = ['sudah tidak', 'sudah berhenti', 'tidak lagi', 'no longer'];

/** Read once per turn (turn.ts): whether a message is a story, then what it answers, read from one reading. */
const readStoryOnce = oncePerTurn(readStoryFacts);

export function readStory(text: string): StoryFacts {
  // A copy: the reading is shared within the turn, the caller's facts are its own.
  return { ...readStoryOnce(text) };
}

function readStoryFacts(text: string): StoryFacts {
  const w = readWords(text);
  const category = firstConcept(w, CATEGORY_WORDS);
  const dangerNow = hearsDangerNow(text);
  const facts = { age: readAgeInStory(text), perpetrator: perpetrator(w), place: place(w) };
  const words = w.tokens.filter((t) => t !== '|').length;
  // Something happened (harm named, or a child with who/where/how old) — a long greeting or question is no story.
  const told = category !== undefined || dangerNow || (CHILD_WORDS.some((c) => hasPhrase(w, c)) && Object.values(facts).some(Boolean));
  return {
    isStory: words >= 4 && told,
    category,
    dangerNow,
    ...facts,
    sex: childSex(w),
    reporterRole: firstConcept(w, REPORTER_IN_STORY),
    when: whenIn(text),
    desa: desaIn(text),
    ongoing: dangerNow || ONGOING_YES.some((p) => affirmed(w, p).length) ? 'yes' : ONGOING_NO.some((p) => hasPhrase(w, p)) ? 'no' : undefined,
  };
}

// Time words a story uses, longest first; kept as the reporter wrote them (the summary shows them, staff read them).
const WHEN = /\b(?:(?:sejak|dari)\s+(?:kemarin|tadi|minggu lalu|bulan lalu|tahun lalu|(?:hari\s+)?(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|\d{1,2}\s+\w+)|kemarin(?:\s+(?:pagi|siang|sore|malam))?|kmrn|tadi\s+(?:pagi|siang|sore|malam)|semalam|minggu lalu|bulan lalu|tahun lalu|(?:\d+|dua|tiga|beberapa)\s+(?:hari|minggu|bulan)\s+(?:yang\s+)?lalu|wingi(?:\s+sore|\s+bengi)?|yesterday|last (?:night|week|month))\b/i;

function whenIn(text: string): string | undefined {
  return WHEN.exec(text)?.[0];
}

// "desa Pulai Payung", "ds. Lubuk Sanai", "kelurahan Bandar Ratu": the name as written, in capitals (a name, not a word).
const DESA = /\b(?:desa|ds\.?|kelurahan|kel\.)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})/;

function desaIn(text: string): string | undefined {
  return DESA.exec(text)?.[1];
}

/** Whether it is still going on: "sampai sekarang masih", "tiap hari", "isih" yes; "sudah tidak", "wis ora" no. */
export function readOngoing(text: string): DangerAnswer | undefined {
  const w = readWords(text);
  if (ONGOING_NO.some((p) => hasPhrase(w, p))) return 'no';
  const said = ONGOING_YES.flatMap((p) => affirmed(w, p));
  if (said.length === 0) return undefined;
  // "mungkin masih", "maybe still": a guess, not a yes; the officer must not read it as going on for sure.
  return said.every((at) => hedged(w, at)) ? 'unknown' : 'yes';
}

const HEDGES = new Set(['mungkin', 'barangkali', 'entah', 'maybe', 'perhaps', 'possibly']);
const hedged = (w: Words, at: number) => w.tokens.slice(Math.max(0, at - 2), at).some((t) => HEDGES.has(t));

/** The child's sex when the story names it beside the child ("anak perempuan", "cewek", "putri"). */
function childSex(w: Words): StoryFacts['sex'] {
  for (const [sex, names] of SEX_WORDS) {
    if (names.some((n) => hasPhrase(w, `anak ${n}`) || (n !== 'laki' && n !== 'pria' && hasPhrase(w, n)))) return sex;
  }
  return undefined;
}

/** A relation word right after a harm verb (up to two words on, "oleh" allowed) or right before an active one. */
function perpetrator(w: Words): PerpetratorRelation | undefined {
  const harmAt = HARM_VERBS.flatMap((v) => findPhrase(w, v));
  for (const [relation, names] of PERPETRATOR_WORDS) {
    if (relation === 'not_said' || relation === 'lainnya') continue;
    const near = names.some((name) => findPhrase(w, name).some((at) => !childsRelation(w, at) &&
      harmAt.some((h) => (at > h && at - h <= 3 && !between(w, h, at, '|')) || (h > at && h - at <= 2 && isActive(w, h)))));
    if (near) return relation;
  }
  return undefined;
}

/** "anak tetangga", "anak guru": the relation names the child, not someone who did something. */
function childsRelation(w: Words, at: number): boolean {
  return ['anak', 'child', 'cucu', 'keponakan'].includes(w.tokens[at - 1] ?? '');
}

/** "bapaknya memukul" names the one who did it; "tetangga saya ditelantarkan" names the one it was done to. */
function isActive(w: Words, at: number): boolean {
  return !w.tokens[at]!.startsWith('di') && !w.tokens[at]!.startsWith('ter');
}

function between(w: Words, from: number, to: number, token: string): boolean {
  return w.tokens.slice(from + 1, to).includes(token);
}

/** The kind of place when the story says where: "di rumah", "dirumahnya", "di sekolah", "lewat facebook". */
function place(w: Words): PlaceType | undefined {
  for (const [type, names] of PLACE_WORDS) {
    if (type === 'lainnya') continue;
    if (names.some((n) => findPhrase(w, n).some((at) => ['di', 'ke', 'dari', 'lewat', 'via', 'at', 'in'].includes(w.tokens[at - 1] ?? '') || w.tokens[at]!.startsWith('di')))) return type;
  }
  return undefined;
}
