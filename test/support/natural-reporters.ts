import { advanceIntake, type EngineContext } from '../../src/intake/advance-intake';
import type { Draft, StepId } from '../../src/intake/draft';
import type { InboundMessage } from '../../src/intake/messages';
import type { Category, PerpetratorRelation, PlaceType, ReporterRole } from '../../src/reports/report-vocabulary';
import type { Prng } from './prng';

// Scripted reporters who write as people do: informal Indonesian, Javanese (Jombang), Mukomuko Malay / Minangkabau
// or English; some open with the whole story, some answer question by question. Each answers the question the
// engine asked (the draft's step), in words drawn at random from their own style. Run through the real engine.

export type Style = 'id' | 'jv' | 'min' | 'en';

export interface NaturalReporter {
  style: Style;
  storyFirst: boolean;
  danger: boolean;
  adult: boolean;
  age: number;
  sex: 'girl' | 'boy';
  role: Extract<ReporterRole, 'neighbour_community' | 'parent_guardian' | 'teacher_school' | 'relative'>;
  perpetrator: Extract<PerpetratorRelation, 'orang_tua' | 'keluarga' | 'tetangga' | 'guru' | 'pacar_teman'>;
  category: Extract<Category, 'kekerasan_fisik' | 'penelantaran' | 'perundungan' | 'kekerasan_seksual' | 'eksploitasi_ekonomi'>;
  place: Extract<PlaceType, 'rumah_tangga' | 'sekolah' | 'fasilitas_umum'>;
  kecamatan: string;
  ongoing: boolean;
  anonymous: boolean;
  /** How much a question-by-question reporter's story says besides what happened. */
  tells: { perpetrator: boolean; place: boolean; ongoing: boolean; age: boolean };
}

type Words = Record<Style, readonly string[]>;
const say = (rng: Prng, words: Words, style: Style) => rng.pick(words[style]);

const GREETINGS: Words = {
  id: ['halo', 'permisi', 'assalamualaikum', 'selamat siang', 'pagi', 'mau lapor'],
  jv: ['sugeng enjing', 'halo', 'nuwun sewu', 'permisi'],
  min: ['assalamualaikum', 'halo', 'permisi'],
  en: ['hello', 'hi', 'good morning'],
};
const CONSENT: Words = {
  id: ['iya', 'iya setuju', 'ya bu', 'oke', 'boleh', 'setuju', 'iya lanjut'],
  jv: ['nggih', 'iyo', 'nggih setuju', 'enggih'],
  min: ['iyo', 'iyo setuju', 'olah'],
  en: ['yes', 'ok', 'yes please', 'I agree'],
};
const DANGER_YES: Words = {
  id: ['iya bu tolong anaknya lg dipukulin bapaknya skrg', 'iya', 'iya sekarang', 'ya bu, lagi dipukuli', 'iyaa'],
  jv: ['nggih, saiki lagi digebuki', 'iyo', 'nggih'],
  min: ['iyo, kini sadang dipukua', 'iyo'],
  en: ['yes', 'yes right now', 'yes!'],
};
const DANGER_NO: Words = {
  id: ['tidak', 'enggak', 'gak', 'nggak kok', 'tdk', 'sudah tidak', 'ga bu'],
  jv: ['mboten', 'ora', 'boten'],
  min: ['indak', 'ndak', 'indak do'],
  en: ['no', 'not now', 'no'],
};
const DONT_KNOW: Words = {
  id: ['gak tau', 'tidak tahu', 'kurang tahu'], jv: ['embuh', 'mboten ngertos'], min: ['ndak tau', 'indak tau'], en: ["don't know", 'not sure'],
};
const ROLES: Record<NaturalReporter['role'], Words> = {
  neighbour_community: { id: ['sy tetangganya', 'tetangga', 'saya tetangga', 'tetangganya bu'], jv: ['tonggone', 'kulo tanggane'], min: ['ambo tatangganyo', 'tetangga'], en: ['neighbour', "I'm the neighbour"] },
  parent_guardian: { id: ['saya ibunya', 'ibunya', 'saya bapaknya', 'ortunya'], jv: ['kulo ibune', 'bapake'], min: ['ambo amaknyo', 'apaknyo'], en: ['mother', "I'm the father"] },
  teacher_school: { id: ['gurunya', 'saya gurunya', 'wali kelasnya'], jv: ['gurune'], min: ['gurunyo'], en: ['teacher', 'her teacher'] },
  relative: { id: ['pamannya', 'saya bibinya', 'neneknya', 'keluarga'], jv: ['pakdhene', 'mbahe'], min: ['eteknyo', 'keluarga'], en: ['uncle', 'her aunt'] },
};
const WHO_DID: Record<NaturalReporter['perpetrator'], Words> = {
  orang_tua: { id: ['bapaknya', 'ayahnya', 'ibunya', 'bapak tirinya'], jv: ['bapake', 'ibune'], min: ['apaknyo', 'amaknyo'], en: ['his father', 'her mother'] },
  keluarga: { id: ['pamannya', 'kakaknya', 'omnya'], jv: ['pakdhene', 'mase'], min: ['pamannyo', 'kakaknyo'], en: ['uncle', 'her brother'] },
  tetangga: { id: ['tetangganya', 'tetangga'], jv: ['tonggone'], min: ['tatangganyo'], en: ['a neighbour'] },
  guru: { id: ['gurunya', 'guru ngaji'], jv: ['gurune'], min: ['gurunyo'], en: ['her teacher'] },
  pacar_teman: { id: ['pacarnya', 'temannya'], jv: ['koncone'], min: ['kawannyo'], en: ['her boyfriend', 'friends'] },
};
const HAPPENED: Record<NaturalReporter['category'], Words> = {
  kekerasan_fisik: { id: ['dipukulin', 'dipukul2', 'sering dipukuli', 'ditampar'], jv: ['digebuki', 'diantem'], min: ['dipukua'], en: ['beaten', 'hit'] },
  penelantaran: { id: ['ditelantarin', 'ditinggal sendirian', 'gak dikasih makan'], jv: ['ditinggal dewean', 'keluwen'], min: ['ditinggaan surang'], en: ['neglected', 'left alone'] },
  perundungan: { id: ['dibully', 'diejek terus'], jv: ['dibully', 'diejek'], min: ['dibully'], en: ['bullied'] },
  kekerasan_seksual: { id: ['dicabuli', 'dilecehkan', 'diraba2'], jv: ['dilecehkan'], min: ['dilecehkan'], en: ['sexually abused', 'molested'] },
  eksploitasi_ekonomi: { id: ['disuruh kerja terus', 'dipaksa ngemis'], jv: ['dikon kerjo', 'dipaksa ngemis'], min: ['disuruah karajo', 'dipaksa ngemis'], en: ['forced to work'] },
};
const CATEGORY_ANSWER: Record<NaturalReporter['category'], Words> = {
  kekerasan_fisik: { id: ['dipukulin', 'kekerasan fisik', 'dipukul'], jv: ['digebuki'], min: ['dipukua'], en: ['physical violence', 'beaten'] },
  penelantaran: { id: ['ditelantarin', 'penelantaran', 'terlantar'], jv: ['ditelantarke', 'penelantaran'], min: ['penelantaran'], en: ['neglect'] },
  perundungan: { id: ['dibully', 'bullying', 'perundungan'], jv: ['dibully'], min: ['dibully'], en: ['bullying'] },
  kekerasan_seksual: { id: ['dicabuli', 'pelecehan', 'kekerasan seksual'], jv: ['dilecehkan'], min: ['dilecehkan'], en: ['sexual violence'] },
  eksploitasi_ekonomi: { id: ['disuruh kerja', 'dipaksa kerja', 'eksploitasi ekonomi'], jv: ['dipaksa kerja'], min: ['dipaksa kerja'], en: ['economic exploitation', 'forced to work'] },
};
const CHILD: Record<NaturalReporter['sex'], Words> = {
  girl: { id: ['anak perempuan', 'anak cewek', 'ada cewek kecil'], jv: ['bocah wedok', 'arek wedok'], min: ['anak padusi'], en: ['a girl', 'a little girl'] },
  boy: { id: ['anak laki-laki', 'anak cowok', 'ada bocah cowok'], jv: ['bocah lanang', 'arek lanang'], min: ['anak laki-laki'], en: ['a boy', 'a little boy'] },
};
const SEX_ANSWER: Record<NaturalReporter['sex'], Words> = {
  girl: { id: ['cewek', 'perempuan', 'anak perempuan'], jv: ['wedok', 'wadon'], min: ['padusi', 'perempuan'], en: ['girl', 'female'] },
  boy: { id: ['cowok', 'laki2', 'laki-laki'], jv: ['lanang'], min: ['laki-laki', 'jantan'], en: ['boy', 'male'] },
};
const PLACE: Record<NaturalReporter['place'], Words> = {
  rumah_tangga: { id: ['dirumahnya', 'di rumah', 'rumahnya'], jv: ['nang omah', 'neng omahe'], min: ['di rumahnyo', 'rumah'], en: ['at home', 'home'] },
  sekolah: { id: ['di sekolahnya', 'sekolah'], jv: ['nang sekolahan'], min: ['di sakola'], en: ['at school'] },
  fasilitas_umum: { id: ['di pasar', 'di jalan'], jv: ['nang pasar', 'nang dalan'], min: ['di pasar'], en: ['at the market', 'in the street'] },
};
const ONGOING_YES: Words = { id: ['masih', 'masih bu', 'iya masih', 'sampai sekarang masih'], jv: ['isih', 'taksih'], min: ['masih', 'iyo masih'], en: ['still', 'yes still'] };
const ONGOING_NO: Words = { id: ['sudah tidak', 'udah enggak', 'tidak lagi'], jv: ['wis ora', 'sampun mboten'], min: ['alah indak', 'indak lai'], en: ['not anymore', 'no'] };
const ONGOING_IN_STORY: Words = { id: ['tiap hari', 'sering', 'sampai sekarang masih'], jv: ['saben dino', 'isih terus'], min: ['tiap hari', 'masih'], en: ['every day', 'still'] };
const CONTACT: Words = { id: ['lewat sini aja', 'chat ini saja', '1'], jv: ['lewat chat iki wae', '1'], min: ['di siko sajo', '1'], en: ['this chat', 'here'] };
const ANONYMOUS: Words = { id: ['ya anonim aja', 'anonim', 'rahasiakan nama saya'], jv: ['anonim wae'], min: ['anonim sajo'], en: ['anonymous please', 'anonymous'] };
const SEND: Words = { id: ['kirim', 'ya kirim', '1', 'iya'], jv: ['nggih kirim', '1'], min: ['iyo kirim', '1'], en: ['send', 'yes'] };
const REFER: Words = { id: ['teruskan', 'iya teruskan'], jv: ['nggih'], min: ['iyo'], en: ['pass it on'] };

function ageWords(rng: Prng, r: NaturalReporter): string {
  const n = r.age;
  const spelled: Record<number, Record<Style, string>> = {
    4: { id: 'empat tahun', jv: 'papat taun', min: 'ampek taun', en: 'four' },
    7: { id: 'tujuh tahun', jv: 'pitu taun', min: 'tujuah taun', en: 'seven' },
  };
  const forms: Record<Style, string[]> = {
    id: [`${n}`, `${n} thn`, `umur ${n}`, `sekitar ${n} tahun`, `kira2 ${n}`, `${n} tahunan`],
    jv: [`${n}`, `${n} taun`, `umure ${n}`],
    min: [`${n}`, `${n} taun`, `umua ${n}`],
    en: [`${n}`, `around ${n}`, `${n} years old`, `about ${n}`],
  };
  return spelled[n] && rng.chance(0.3) ? spelled[n]![r.style] : rng.pick(forms[r.style]);
}

/** The whole story, as a story-first reporter opens with it (or a question-by-question one tells it when asked). */
export function storyOf(rng: Prng, r: NaturalReporter, full: boolean): string {
  const who = r.style === 'en' ? 'my neighbour\'s child' : { id: 'anak tetangga saya', jv: 'anake tonggoku', min: 'anak tatangga ambo' }[r.style];
  const child = say(rng, CHILD[r.sex], r.style);
  const what = say(rng, HAPPENED[r.category], r.style);
  const by = say(rng, WHO_DID[r.perpetrator], r.style);
  const age = r.style === 'en' ? `aged ${r.age}` : { id: `umur ${r.age} tahun`, jv: `umure ${r.age} taun`, min: `umua ${r.age} taun` }[r.style];
  const where = say(rng, PLACE[r.place], r.style);
  const still = say(rng, ONGOING_IN_STORY, r.style);
  const kec = r.style === 'en' ? `in ${r.kecamatan}` : `di ${r.kecamatan}`;
  const now = r.danger ? { id: 'tolong skrg lagi', jv: 'tulung saiki lagi', min: 'tolong kini sadang', en: 'please help, right now' }[r.style] : '';
  if (full) {
    const mine: Record<NaturalReporter['role'], Record<Style, string>> = {
      neighbour_community: { id: who, jv: who, min: who, en: who },
      parent_guardian: { id: 'anak saya', jv: 'anakku', min: 'anak ambo', en: 'my child' },
      teacher_school: { id: 'murid saya', jv: 'murid kulo', min: 'murid ambo', en: 'my student' },
      relative: { id: 'keponakan saya', jv: 'ponakanku', min: 'keponakan ambo', en: 'my niece' },
    };
    const subject = rng.chance(0.7) ? `${child} ${mine[r.role][r.style]}` : child;
    return `${now} ${subject} ${age} ${what} ${r.style === 'en' ? 'by' : ''} ${by} ${where} ${kec}, ${r.ongoing ? still : ''}`.replace(/\s+/g, ' ').trim();
  }
  const parts = [`${child} ${what}`];
  if (r.tells.perpetrator) parts.push(`${r.style === 'en' ? 'by ' : ''}${by}`);
  if (r.tells.place) parts.push(where);
  if (r.tells.age) parts.push(age);
  if (r.tells.ongoing && r.ongoing) parts.push(still);
  return parts.join(' ');
}

export function makeNaturalReporter(rng: Prng, kecamatan: readonly string[]): NaturalReporter {
  const style = rng.pick<Style>(['id', 'id', 'id', 'jv', 'jv', 'min', 'min', 'en']);
  return {
    style,
    storyFirst: rng.chance(0.4),
    danger: rng.chance(0.2),
    adult: rng.chance(0.03),
    age: rng.pick([1, 3, 4, 4, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]),
    sex: rng.chance(0.5) ? 'girl' : 'boy',
    role: rng.pick(['neighbour_community', 'neighbour_community', 'parent_guardian', 'teacher_school', 'relative'] as const),
    perpetrator: rng.pick(['orang_tua', 'orang_tua', 'keluarga', 'tetangga', 'guru', 'pacar_teman'] as const),
    category: rng.pick(['kekerasan_fisik', 'kekerasan_fisik', 'penelantaran', 'perundungan', 'kekerasan_seksual', 'eksploitasi_ekonomi'] as const),
    place: rng.pick(['rumah_tangga', 'rumah_tangga', 'sekolah', 'fasilitas_umum'] as const),
    kecamatan: rng.pick(kecamatan),
    ongoing: rng.chance(0.6),
    anonymous: rng.chance(0.3),
    tells: { perpetrator: rng.chance(0.7), place: rng.chance(0.4), ongoing: rng.chance(0.5), age: rng.chance(0.2) },
  };
}

/** What the reporter types at a question. */
function answerTo(step: StepId, rng: Prng, r: NaturalReporter, draft: Draft): string {
  const s = r.style;
  switch (step) {
    case 'consent': return say(rng, CONSENT, s);
    case 'danger': return r.danger ? say(rng, DANGER_YES, s) : rng.chance(0.1) ? say(rng, DONT_KNOW, s) : say(rng, DANGER_NO, s);
    case 'reporter_role': return say(rng, ROLES[r.role], s);
    case 'anonymous': return r.anonymous ? say(rng, ANONYMOUS, s) : say(rng, DANGER_NO, s);
    case 'description': return storyOf(rng, r, false);
    case 'category': return say(rng, CATEGORY_ANSWER[r.category], s);
    case 'child_age': {
      if (r.adult) return { id: '20 tahun', jv: '20 taun', min: '20 taun', en: '20' }[s];
      // The question asks for the sex too; most say both.
      const age = ageWords(rng, r);
      return rng.chance(0.6) ? rng.pick([`${age}, ${say(rng, SEX_ANSWER[r.sex], s)}`, `${say(rng, SEX_ANSWER[r.sex], s)} ${age}`]) : age;
    }
    case 'adult_check': return say(rng, REFER, s);
    case 'child_sex': return say(rng, SEX_ANSWER[r.sex], s);
    case 'perpetrator': return say(rng, WHO_DID[r.perpetrator], s);
    case 'kecamatan': return rng.pick([r.kecamatan.toLowerCase(), `di ${r.kecamatan}`, `kec ${r.kecamatan.toLowerCase()}`, r.kecamatan]);
    case 'place_type': return say(rng, PLACE[r.place], s);
    case 'ongoing': return r.ongoing ? say(rng, ONGOING_YES, s) : say(rng, ONGOING_NO, s);
    case 'contact': return r.anonymous ? say(rng, ANONYMOUS, s) : rng.chance(0.2) ? '0812 3456 7890' : say(rng, CONTACT, s);
    case 'contact_phone': return '0812 3456 7890';
    case 'confirm': return say(rng, SEND, s);
    case 'language': return s === 'en' ? 'english' : 'bahasa indonesia';
    case 'resume': return 'lanjut';
    case 'cancel_check': return 'lanjutkan';
    default: return draft.answers.description ? 'lewati' : say(rng, CONSENT, s);
  }
}

export interface Conversation {
  reporter: NaturalReporter;
  /** Messages sent after the first one, up to the one that submitted the report. */
  answers: number;
  /** Answers the engine could not use (same question asked again). */
  reasks: number;
  /** For story-first reporters: answers after the story until the ticket. */
  ticket: boolean;
  urgentAlerted: boolean;
  transcript: string[];
}

const MAX_MESSAGES = 30;

/** One reporter through the real engine, from their first message to the submitted report (or giving up). */
export function converse(rng: Prng, r: NaturalReporter, ctx: EngineContext): Conversation {
  const text = (t: string): InboundMessage => ({ channel: 'telegram', chatId: '1', kind: 'text', text: t, receivedAt: ctx.now });
  const transcript: string[] = [];
  const first = r.storyFirst ? storyOf(rng, r, true) : say(rng, GREETINGS, r.style);
  let result = advanceIntake(null, text(first), ctx);
  transcript.push(`> ${first}`, `< [${result.draft?.step}]`);
  let draft = result.draft;
  let answers = 0;
  let reasks = 0;
  let urgentAlerted = result.effects.some((e) => e.type === 'urgent_alert');
  // An English speaker asks for English straight away.
  if (r.style === 'en' && draft) {
    result = advanceIntake(draft, text('english'), ctx);
    draft = result.draft;
    answers++;
  }
  while (draft && answers < MAX_MESSAGES) {
    const asked = draft.step;
    const typed = answerTo(asked, rng, r, draft);
    result = advanceIntake(draft, text(typed), ctx);
    answers++;
    transcript.push(`> ${typed}`, `< [${result.draft?.step ?? 'end'}] ${result.replies.at(-1)?.text.split('\n')[0]?.slice(0, 80) ?? ''}`);
    urgentAlerted ||= result.effects.some((e) => e.type === 'urgent_alert');
    if (result.effects.some((e) => e.type === 'submit')) return { reporter: r, answers, reasks, ticket: true, urgentAlerted, transcript };
    if (result.draft?.step === asked && !['more_media'].includes(asked)) reasks++;
    draft = result.draft;
  }
  return { reporter: r, answers, reasks, ticket: false, urgentAlerted, transcript };
}

export interface SimulationFigures {
  reporters: number;
  medianAnswers: number;
  medianStoryFirstAnswers: number;
  maxStoryFirstAnswers: number;
  reasksPerReport: number;
  lost: number;
  dangerNotAlerted: number;
}

export function figuresOf(conversations: Conversation[]): SimulationFigures {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const qbq = conversations.filter((c) => !c.reporter.storyFirst);
  const storyFirst = conversations.filter((c) => c.reporter.storyFirst);
  return {
    reporters: conversations.length,
    medianAnswers: median(qbq.map((c) => c.answers)),
    medianStoryFirstAnswers: median(storyFirst.map((c) => c.answers)),
    maxStoryFirstAnswers: Math.max(0, ...storyFirst.map((c) => c.answers)),
    reasksPerReport: conversations.reduce((n, c) => n + c.reasks, 0) / conversations.length,
    lost: conversations.filter((c) => !c.ticket).length,
    dangerNotAlerted: conversations.filter((c) => c.reporter.danger && !c.urgentAlerted).length,
  };
}
