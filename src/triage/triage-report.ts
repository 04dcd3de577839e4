import { z } from 'zod';
import {
  CATEGORIES, DANGER_ANSWERS, PRIORITIES, PROTECTION_CATEGORIES, WELFARE_CATEGORIES, type Category, type Priority,
} from '../reports/report-vocabulary';
import { LEXICON, type Lexicon } from './lexicon';
import { BOUNDARY, squeeze } from '../language/lexicon-tokens';
import { readAgeInStory } from '../language/age';
import { hearsDangerNow } from '../language/danger';
import { createTermMatcher } from './match-terms';
import { readAge } from './read-age';
import { createTriageTokeniser } from './read-tokens';

/** What triage reads: the reporter's answers and the free text. */
export const TriageInputSchema = z.object({
  text: z.string().max(20_000).default(''),
  category: z.enum(CATEGORIES).optional(),
  childAge: z.number().int().min(0).max(120).optional(),
  immediateDanger: z.enum(DANGER_ANSWERS).optional(),
  ongoing: z.boolean().optional(),
});
export type TriageInput = z.input<typeof TriageInputSchema>;

export interface TriageResult {
  priority: Priority;
  category: Category;
  /** One line per rule that fired, strongest first (Bahasa Indonesia, from the lexicon). */
  reasons: string[];
  /** The lexicon version that produced this result, recorded on the report. */
  version: string;
}

interface Fired {
  id: string;
  reason: string;
  weight: number;
  category?: Category;
}

const PROTECTION = new Set<Category>(PROTECTION_CATEGORIES);
const WELFARE = new Set<Category>(WELFARE_CATEGORIES);
// Signals that say a harm is not over: it lasts until now, or the child fears going home or must go back.
const NOT_OVER = ['sampai_sekarang', 'takut_pulang', 'dikurung'];
/** From this age the person the text is about is no child (UU 35/2014: a child is under 18). */
const ADULT_AGE = 18;

export function createTriage(lexicon: Lexicon) {
  const normalise = createTriageTokeniser(lexicon);
  const matchTerm = createTermMatcher(lexicon);
  const welfareIds = lexicon.signals.filter((s) => s.welfare).map((s) => s.id);
  type Tokens = ReturnType<typeof normalise>;

  const netFamilies = new Set(lexicon.safetyNet.families);
  const conditionals = new Set(lexicon.conditionals.map(squeeze));
  const hypothesisWords = new Set(lexicon.safetyNet.hypothesis.map(squeeze));
  const noLongerWords = new Set(lexicon.denied.noLonger.map(squeeze));

  // "tidak dipukul lagi", "sudah tidak dipukul": a harm denied as no longer happening, not a worry denied.
  function deniedAsOver(tokens: Tokens, at: number): boolean {
    // Within the clause: "… ikut acara keluarga lagi. Gak ada pukulan" denies a beating, the "lagi" is another sentence's.
    const before = tokens.slice(Math.max(0, at - lexicon.negationWindow - 1), at);
    const after = tokens.slice(at + 1, at + 3);
    const lastBreak = before.map((t) => t.word).lastIndexOf(BOUNDARY);
    const firstBreak = after.findIndex((t) => t.word === BOUNDARY);
    const near = [...before.slice(lastBreak + 1), ...(firstBreak < 0 ? after : after.slice(0, firstBreak))];
    return near.some((t) => t.forms.some((f) => noLongerWords.has(f)));
  }

  // "bagaimana cara melapor kalau ada anak yang dipukul?", "kalau mau lapor kekerasan": a harm supposed ("if there
  // is", "if one wants to report") in its own clause is a question about the service, not a report of a child.
  // "kalau pulang malam dipukuli" is a harm that happens whenever: the condition alone does not make it a hypothesis.
  function isHypothetical(tokens: Tokens, at: number): boolean {
    for (let i = at - 1; i >= 0 && tokens[i]!.word !== BOUNDARY; i--) {
      if (!conditionals.has(tokens[i]!.word)) continue;
      return tokens.slice(i + 1, at).some((t) => t.forms.some((f) => hypothesisWords.has(f)));
    }
    return false;
  }

  /** An adult word one or two words before ("ibu aku jualan", "bapaknya kerja di"): the adult does it, not the child. */
  function doneByAnAdult(tokens: Tokens, at: number, doers: Set<string>): boolean {
    for (let i = at - 1; i >= 0 && i >= at - 2 && tokens[i]!.word !== BOUNDARY; i--) {
      if (tokens[i]!.forms.some((f) => doers.has(f))) return true;
    }
    return false;
  }

  /** Every lexicon signal affirmed in the text (a negated one only noted), with the tags combinations look for. */
  function readSignals(tokens: Tokens) {
    const fired: Fired[] = [];
    const tags = new Set<string>();
    const ignored: string[] = [];
    /** A harm denied as such ("bukan kekerasan", "tidak dipukul"), not as over: the text still tells of a worry. */
    let deniedWorry = false;
    /** Harm families the text names as something that happened, not as a hypothesis ("kalau ada anak dipukul"). */
    const named = new Set<string>();
    for (const signal of lexicon.signals) {
      if (signal.notWith?.some((term) => matchTerm(tokens, term).length > 0)) continue;
      const doers = new Set((signal.notAfter ?? []).map(squeeze));
      const matches = signal.terms.flatMap((term) => matchTerm(tokens, term)).filter((m) => !doneByAnAdult(tokens, m.at, doers));
      // "belum punya akta" is still a question about an akta: a welfare topic counts negated or not.
      const affirmed = signal.welfare ? matches[0] : matches.find((m) => !m.negated);
      if (!affirmed) {
        if (matches.length && signal.weight > 0) ignored.push(matches[0]!.term);
        if (signal.weight > 0 && matches.some((m) => !deniedAsOver(tokens, m.at))) deniedWorry = true;
        continue;
      }
      tags.add(signal.id);
      if (netFamilies.has(signal.id) && matches.some((m) => !m.negated && !isHypothetical(tokens, m.at))) named.add(signal.id);
      for (const mark of signal.marks ?? []) tags.add(mark);
      if (signal.category) tags.add(signal.category);
      if (signal.category && PROTECTION.has(signal.category) && signal.weight >= lexicon.urgentHarmWeight) tags.add('harm');
      if (signal.ongoingMarker) tags.add('ongoing');
      if (signal.youngChildMarker) tags.add('young_child');
      if (signal.weight > 0 || signal.ongoingMarker || signal.youngChildMarker) {
        fired.push({ id: signal.id, reason: `${signal.reason} ("${affirmed.term}")`, weight: signal.weight, category: signal.category });
      }
    }
    return { fired, tags, ignored, named, deniedWorry };
  }

  // "pelakunya sudah ditahan", "gurunya udah pensiun": the doer held or gone, told in words the signals do not list.
  // "sudah ditahan tapi sudah dilepas lagi": a doer free again makes nothing safe, whatever else was said.
  function readSettledWords(tokens: Tokens, tags: Set<string>): void {
    if (saysAny(tokens, lexicon.settledWords.undone)) return void tags.delete('safe');
    if (saysAny(tokens, lexicon.settledWords.safe)) tags.add('safe');
    if (saysAny(tokens, lexicon.settledWords.settled)) tags.add('settled');
  }

  /** The reporter's own answers count as signals too. */
  function readAnswers(input: z.output<typeof TriageInputSchema>, fired: Fired[], tags: Set<string>): Category | undefined {
    const answers = lexicon.answers;
    const answerCategory = input.category && input.category !== 'lainnya' ? input.category : undefined;
    const categoryRule = answerCategory ? answers.categories[answerCategory] : undefined;
    if (answerCategory) tags.add(answerCategory);
    if (answerCategory && PROTECTION.has(answerCategory)) tags.add('harm');
    if (answerCategory && categoryRule) fired.push({ id: answerCategory, reason: categoryRule.reason, weight: categoryRule.weight, category: answerCategory });
    if (input.immediateDanger === 'yes') fired.push({ id: 'danger', reason: answers.immediateDangerYes.reason, weight: answers.immediateDangerYes.weight });
    if (input.ongoing) {
      tags.add('ongoing');
      fired.push({ id: 'ongoing_answer', reason: answers.ongoing.reason, weight: answers.ongoing.weight });
    }
    // The language layer reads ages the triage pattern does not ("empat tahun", "papat taun", "(4)", "TK"): a small
    // child is a sign of urgency whichever way the age is written.
    const { age, story } = statedAge(input);
    if (age === undefined && story?.band === '0-5') {
      tags.add('young_child');
      fired.push({ id: 'young_band', reason: 'anak usia balita', weight: 0 });
    }
    // "adik saya umur 22 tahun dikasari pacarnya": an adult victim is referred on, not a child in danger.
    if (age !== undefined && age >= ADULT_AGE) tags.add('adult');
    if (age !== undefined && age <= lexicon.youngChildMaxAge) {
      tags.add('young_child');
      fired.push({ id: 'young_age', reason: `usia anak ${age} tahun`, weight: 0 });
    }
    return answerCategory;
  }

  // A message typed in capitals, or with "!!!", is shouted: with a harm and a plea or "now" it is an emergency.
  function isShouting(text: string): boolean {
    const letters = text.match(/\p{L}/gu) ?? [];
    if (/!{3,}/.test(text)) return true;
    if (letters.length < lexicon.shouting.minLetters) return false;
    return letters.filter((c) => c !== c.toLowerCase()).length / letters.length >= lexicon.shouting.upperShare;
  }

  // "sudah dimediasi, kami hanya ingin tercatat", "mung pengen dicatet wae": an event told as over and reported for the
  // record is a P3, neither an emergency nor a welfare question; not with a sign that it goes on (now, since this
  // morning, a child afraid to go home or confined) or a plea.
  function reportedForTheRecord(tokens: Tokens, tags: Set<string>): boolean {
    const over = ['past', 'settled', 'safe', 'treated'].some((tag) => tags.has(tag));
    if (!over || lexicon.resolved.recordNotWithTags.some((tag) => tags.has(tag))) return false;
    return saysAny(tokens, lexicon.resolved.forTheRecord);
  }

  // "Tidak ada kekerasan, tapi pendidikannya terganggu", "gak ada yang nyakitin dia": the reporter says nobody harms the
  // child; the worry is real but no emergency (P3), unless a grave harm or a sign of danger is told beside it.
  // "Ora ono sing ngantemi" beside a child made to work in a factory denies a beating, not the work: a harm of P2 weight
  // told beside the denial keeps its priority.
  function saidNoHarm(tokens: Tokens, tags: Set<string>, harm: number): boolean {
    if (harm >= t.P2 || lexicon.denied.noHarmNotWithTags.some((tag) => tags.has(tag))) return false;
    return saysAny(tokens, lexicon.denied.noHarm);
  }

  // "aku aman dulu" (safe for now), "dari dulu" (since ever): "dulu" there is no past. A past word counts only outside
  // such phrases.
  const pastTerms = lexicon.signals.filter((s) => s.marks?.includes('past')).flatMap((s) => s.terms);
  function toldAsPast(tokens: Tokens, tags: Set<string>): boolean {
    if (!tags.has('past')) return false;
    const notPast = lexicon.resolved.notPast.flatMap((term) => matchTerm(tokens, term).map((m) => [m.at, m.at + term.split(/\s+/).length + 1]));
    const inside = (at: number) => notPast.some(([from, to]) => at >= from! && at < to!);
    return pastTerms.some((term) => matchTerm(tokens, term).some((m) => !m.negated && !inside(m.at)));
  }

  // Told as past and settled ("dulu … sudah dipenjara, sekarang aman"): lowered. Only a `safe` ending settles a harm
  // of P1 weight; a plea or shouting in the same text contradicts it, and a person reviews it.
  function toldAsSettled(tokens: Tokens, tags: Set<string>, severe: boolean, grave: boolean, fired: Fired[]): { atMost: Priority; reason: string } | undefined {
    // "bapak dipenjara … udah gak makan dari kemarin": a serious harm told as lasting until now is not over, whoever
    // was arrested; missing a child in danger is the worst error, so it is not lowered.
    if (grave && NOT_OVER.some((tag) => tags.has(tag))) return undefined;
    // "dulu ibunya sudah cerai, sekarang bapak tirinya lagi mukulin": a harm heard as happening now is not over,
    // whatever part of the story is.
    if (tags.has('danger_now')) return undefined;
    // "dipukul sampai patah … tadi pagi ngancam bakal ngulang": a grave harm threatened again today is not over.
    if (grave && tags.has('ancaman') && tags.has('now')) return undefined;
    // "fotonya sudah dihapus, tapi kemarin dia ngancam lagi mau nyebar video lain": a grave harm threatened again, or a
    // threat to spread a child's images, is not over because one part of it was undone.
    if (grave && (tags.has('ancaman') || tags.has('ancaman_jawa')) && (tags.has('ongoing') || tags.has('sebar_foto'))) return undefined;
    if (!tags.has('safe') && !tags.has('settled')) return undefined;
    // "pelakunya sudah diproses tapi pamannya masih tinggal serumah": a doer still near the child settles nothing.
    if (saysAny(tokens, lexicon.settledWords.stillNear)) return undefined;
    // "sudah diobati dan pulang bersama ibu, tapi kami khawatir terulang": the reporter does not think it is over.
    if (tags.has('worry')) return undefined;
    // Clearly over means told as past too ("dulu", "tahun lalu", "pernah") or an injury seen to: "saya amankan di rumah
    // saya" about a four-year-old found alone tonight, or "bapak dipenjara" about children unfed since yesterday, is
    // not over.
    if (!toldAsPast(tokens, tags) && !tags.has('treated')) return undefined;
    if (tags.has('plea') || tags.has('shouting')) return { atMost: lexicon.review.priority, reason: lexicon.review.conflict };
    // "bulan lalu giginya copot ditonjok teman, sudah dimediasi sekolah": a grave past harm settled by a talk or an
    // apology, with nobody stopped, is read by a person within a day rather than at once.
    // Not a sexual harm, a wish to die or a child sold (a doer sent away is no child safe), nor a harm told as recurring.
    if (severe && !tags.has('safe')) return settledGraveHarm(fired, tags) ? { atMost: lexicon.resolved.settledGrave, reason: lexicon.resolved.settledGraveReason } : undefined;
    return { atMost: lexicon.resolved.cap, reason: lexicon.resolved.reason };
  }

  // A grave harm a talk can settle: of a category named (a beating, bullying, a punishment) or an uncategorised sign of
  // it (an injury from violence), not one of `settledGraveNot` (a danger to life, hiding from the doer); told with no
  // sign of now, of recurring, of a small child.
  const settledGraveCategories = new Set<string>(lexicon.resolved.settledGraveCategories);
  const settledGraveHarm = (fired: Fired[], tags: Set<string>) =>
    !lexicon.resolved.settledGraveNotWithTags.some((tag) => tags.has(tag)) &&
    fired.every((f) => f.weight < t.P1 || (f.category ? settledGraveCategories.has(f.category) : !lexicon.resolved.settledGraveNot.includes(f.id)));

  // A topic asked about, with nothing told as happening now or again, is not an emergency: a person answers it.
  // "sedang penelitian, boleh minta data jumlah kasus", "belum ada kasus konkret sekarang": a text that says it has no
  // case (research, statistics, no case yet) is a topic even with "sedang" or "sekarang" in it; not with a grave harm
  // or another sign of danger ("sekarang dikunci dari kemarin").
  function askedAboutATopic(tags: Set<string>, tokens: Tokens, grave: boolean): { atMost: Priority; reason: string } | undefined {
    const otherUrgent = lexicon.safetyNet.urgentTags.some((tag) => tag !== 'now' && tags.has(tag));
    const noCase = !grave && !otherUrgent && saysAny(tokens, lexicon.general.noCase);
    if (!noCase && toldAndAskedWhetherItCounts(tags, tokens, grave)) return undefined;
    const aboutATopic = (tags.has('general') || noCase) && !['plea', 'shouting'].some((tag) => tags.has(tag)) && (noCase || !tags.has('now'));
    return aboutATopic ? { atMost: lexicon.general.cap, reason: lexicon.general.reason } : undefined;
  }

  // "om itu raba2 aku, apakah termasuk pelecehan?", "apakah termasuk kekerasan kalau bapak mukul pakai sabuk tiap malam?":
  // an unsure reporter asks whether what happens counts. That is a disclosure, not a topic: a grave harm told without
  // "kalau" (no supposition), or any harm told as going on, is read as told. "apakah termasuk kekerasan kalau orang tua
  // mencubit?" stays a question.
  function toldAndAskedWhetherItCounts(tags: Set<string>, tokens: Tokens, grave: boolean): boolean {
    if (!saysAny(tokens, lexicon.general.whetherItCounts)) return false;
    if (tags.has('harm') && tags.has('ongoing')) return true;
    return grave && !saysAny(tokens, lexicon.conditionals);
  }

  // "apakah menjewer anak karena bohong itu bisa dipidana?": the law asked about, not a child harmed again and again or now.
  const askedAboutTheLaw = (tokens: Tokens, tags: Set<string>) =>
    saysAny(tokens, lexicon.lawQuestion.terms) && !lexicon.lawQuestion.notWithTags.some((tag) => tags.has(tag));

  // "siswi kami hamil dan mau dikeluarkan, bagaimana agar tetap sekolah?": a teenager's pregnancy told to ask for her
  // schooling or care, with nobody named as forcing her and nothing else grave, is read by a person within a day. A
  // pregnancy with a doer, a threat, a house shared with him, a young child or a danger now stays as it is.
  const pregnancy = lexicon.pregnancy;
  const sexualTerms = lexicon.signals.find((s) => s.id === pregnancy.signal)?.terms.filter((term) => !pregnancy.terms.includes(term)) ?? [];
  const saysAny = (tokens: Tokens, terms: string[]) => terms.some((term) => matchTerm(tokens, term).some((m) => !m.negated));
  function pregnancyForAService(tokens: Tokens, fired: Fired[], tags: Set<string>, age: number | undefined) {
    if (!saysAny(tokens, pregnancy.terms) || !saysAny(tokens, pregnancy.service)) return undefined;
    if (saysAny(tokens, pregnancy.coercion) || saysAny(tokens, sexualTerms)) return undefined;
    if (fired.some((f) => f.weight >= t.P1 && f.id !== pregnancy.signal)) return undefined;
    if (pregnancy.notWithTags.some((tag) => tags.has(tag)) || (age !== undefined && age < pregnancy.minAge)) return undefined;
    return { atMost: pregnancy.atMost, reason: pregnancy.reason };
  }

  // "aku dibunuh 5 kali sama temen di mobile legends wkwk": a harm word told laughing is a game or a joke, read by a
  // person within days; not beside a sexual harm, a wish to die, a plea or danger heard now, where a laugh may be nerves.
  const jest = lexicon.jest;
  function toldInJest(tokens: Tokens, tags: Set<string>): { atMost: Priority; reason: string } | undefined {
    if (!jest.terms.some((term) => matchTerm(tokens, term).length > 0)) return undefined;
    if (jest.notWithSignals.some((id) => tags.has(id)) || jest.notWithTags.some((tag) => tags.has(tag))) return undefined;
    return { atMost: jest.atMost, reason: jest.reason };
  }

  const toldAsOver = (tags: Set<string>) => ['safe', 'treated'].some((tag) => tags.has(tag));

  // A harm named and not told as over is never P3/P4: P1 with a sign of now, of still going on or of a young child,
  // else P2 for a person to judge. Reading the words may be wrong; leaving a child in danger waiting is the worse error.
  function safetyNet(named: Set<string>, tags: Set<string>): { atLeast: Priority; reason: string } | undefined {
    if (named.size === 0 || tags.has('adult') || tags.has('korban_dewasa')) return undefined;
    const urgent = lexicon.safetyNet.urgentTags.some((tag) => tags.has(tag));
    // "berdarah tapi sudah berhenti dan sudah diobati", "anaknya sekarang aman": told as over, it needs no floor.
    if (!urgent && toldAsOver(tags) && !tags.has('worry')) return undefined;
    return urgent ? { atLeast: 'P1', reason: lexicon.safetyNet.urgent } : { atLeast: 'P2', reason: lexicon.safetyNet.review };
  }

  // "Hidungnya berdarah tapi sudah berhenti dan sudah diobati": the injury is real, the danger is over.
  function lowerTreatedInjuries(fired: Fired[], tags: Set<string>): string | undefined {
    if (!tags.has('treated')) return undefined;
    const injuries = fired.filter((f) => lexicon.treated.signals.includes(f.id) && f.weight > lexicon.treated.weight);
    for (const f of injuries) (f.weight = lexicon.treated.weight, tags.delete(f.id));
    return injuries.length ? lexicon.treated.reason : undefined;
  }

  // Greetings and "mau tanya" with nothing told yet: a person answers soon, whatever else the words looked like.
  const contentlessWords = new Set(lexicon.contentless.words.map(squeeze));
  const isContentless = (tokens: Tokens) => {
    const words = tokens.filter((tk) => tk.word !== BOUNDARY && !/^\d+$/.test(tk.word));
    return words.length > 0 && words.every((tk) => contentlessWords.has(tk.word) || tk.forms.some((f) => contentlessWords.has(f)));
  };

  // "maaf salah kirim", "sepurane salah nomer", "tes tes": sent by mistake or to try the line, nothing told of a child.
  // A plea, "now", a small child or a fear beside it is a story, and a person reads it.
  const testWords = new Set(lexicon.noConcern.testWords.map(squeeze));
  const isNoConcern = (tokens: Tokens, tags: Set<string>) => {
    if (lexicon.noConcern.notWithTags.some((tag) => tags.has(tag))) return false;
    const words = tokens.filter((tk) => tk.word !== BOUNDARY && !/^\d+$/.test(tk.word));
    const onlyTrying = words.length > 0 && words.every((tk) => testWords.has(tk.word));
    return onlyTrying || saysAny(tokens, lexicon.noConcern.mistake);
  };

  const t = lexicon.thresholds;
  const fromScore = (score: number): Priority => (score >= t.P1 ? 'P1' : score >= t.P2 ? 'P2' : score >= t.P3 ? 'P3' : 'P4');
  const moreUrgent = (a: Priority, b: Priority) => PRIORITIES.indexOf(a) < PRIORITIES.indexOf(b);

  return function triageReport(rawInput: TriageInput): TriageResult {
    const input = TriageInputSchema.parse(rawInput);
    const tokens = normalise(input.text);
    const { fired, tags, ignored, named, deniedWorry } = readSignals(tokens);
    readSettledWords(tokens, tags);
    const treatedNote = lowerTreatedInjuries(fired, tags);
    const answerCategory = readAnswers(input, fired, tags);
    if (isShouting(input.text)) tags.add('shouting');
    // The language layer's own ear for danger now ("lagi dipukulin", "sekarat"), which the intake uses too; an injury
    // told as stopped and treated is not one ("berdarah tapi sudah berhenti dan diobati").
    if (hearsDangerNow(input.text) && !tags.has('treated')) tags.add('danger_now');
    const combos = lexicon.combos
      .filter((combo) => combo.all.every((tag) => tags.has(tag)))
      .map((combo) => ({ id: combo.id, reason: combo.reason, weight: combo.weight, category: combo.category }));

    // Harms do not add up (a slap described three ways is still a slap), nor do aggravating combinations;
    // stated danger adds to both.
    const harm = Math.max(0, ...fired.filter((f) => f.category).map((f) => f.weight));
    const aggravation = Math.max(0, ...combos.map((c) => c.weight));
    const danger = fired.filter((f) => !f.category).reduce((sum, f) => sum + f.weight, 0);
    let priority = fromScore(harm + aggravation + danger);
    fired.push(...combos);

    const notes: string[] = treatedNote ? [treatedNote] : [];
    let settledOrTopic = false;
    if (tags.has('shouting') && tags.has('harm')) notes.push(lexicon.shouting.reason);
    if (input.immediateDanger !== 'yes') {
      const severe = harm >= t.P1 || danger >= t.P1;
      const grave = severe || aggravation >= t.P1;
      if (!grave && askedAboutTheLaw(tokens, tags)) tags.add('general');
      // A grave harm is lowered only as `toldAsSettled` says, whatever the reporter asks ("diperkosa kemarin, mohon dicatat").
      const forTheRecord = !severe && reportedForTheRecord(tokens, tags) ? { atMost: lexicon.resolved.cap, reason: lexicon.resolved.recordReason } : undefined;
      const over = [
        forTheRecord ?? toldAsSettled(tokens, tags, severe, grave, fired),
        askedAboutATopic(tags, tokens, grave),
        pregnancyForAService(tokens, fired, tags, statedAge(input).age),
        toldInJest(tokens, tags),
        saidNoHarm(tokens, tags, Math.max(harm, aggravation >= t.P1 ? aggravation : 0)) ? { atMost: lexicon.denied.atLeast, reason: lexicon.denied.noHarmReason } : undefined,
      ].filter((rule) => rule !== undefined);
      settledOrTopic = over.length > 0;
      for (const rule of over) {
        if (moreUrgent(priority, rule.atMost)) {
          priority = rule.atMost;
          notes.push(rule.reason);
        }
      }
      const net = over.length ? undefined : safetyNet(named, tags);
      if (net && moreUrgent(net.atLeast, priority)) {
        priority = net.atLeast;
        notes.push(net.reason);
      }
    }

    const reasons = fired
      .sort((a, b) => b.weight - a.weight)
      .map((f) => f.reason)
      .concat(notes)
      .filter((r, i, all) => all.indexOf(r) === i);
    for (const term of ignored) reasons.push(`disangkal, tidak dihitung ("${term}")`);
    const category = answerCategory ?? inferCategory(fired, tokens);

    // "TOLONG ANAK SAYA!!!": a shouted plea is heard before it is understood, unless it asks about a welfare service
    // ("TOLONG INFO CARA BIKIN AKTA") or tells of something over.
    const welfareTopic = welfareIds.some((id) => tags.has(id)) || (category !== 'lainnya' && WELFARE.has(category));
    if (tags.has('shouting') && tags.has('plea') && !welfareTopic && !settledOrTopic && input.immediateDanger !== 'no' && priority !== 'P1') {
      priority = 'P1';
      reasons.push(lexicon.shouting.plea);
    }

    // Nothing understood (no harm, no question we know, nothing denied): a person reads it soon, not in a week.
    const understood = fired.some((f) => f.weight > 0) || ignored.length > 0 || welfareIds.some((id) => tags.has(id)) || category !== 'lainnya';
    if (!understood && isNoConcern(tokens, tags)) {
      priority = lexicon.noConcern.priority;
      reasons.push(lexicon.noConcern.reason);
    } else if (!understood && moreUrgent(lexicon.review.priority, priority)) {
      priority = lexicon.review.priority;
      reasons.push(lexicon.review.nothingUnderstood);
      // A story the rules cannot read, told with "now", about a small child, or with a child crying or afraid: the
      // words of its harm may simply be unknown here ("dikaploki", a new slang), so a person reads it at once.
      // Not a topic asked about ("Punapa wonten program penitipan?" by a kindergarten teacher): a person reads it soon.
      if (lexicon.safetyNet.unreadUrgentTags.some((tag) => tags.has(tag)) && !toldAsOver(tags) && !tags.has('general') && !isContentless(tokens)) {
        priority = 'P1';
        reasons.push(lexicon.safetyNet.unreadUrgent);
      }
    } else if (isContentless(tokens) && moreUrgent(lexicon.review.priority, priority)) {
      priority = lexicon.review.priority;
      reasons.push(lexicon.contentless.reason);
    }
    if (tags.has('korban_dewasa') && input.immediateDanger !== 'yes' && moreUrgent(priority, lexicon.adultVictim.atMost)) {
      priority = lexicon.adultVictim.atMost;
      reasons.push(lexicon.adultVictim.reason);
    }
    // "anaknya kecanduan rokok elektrik, orang tua minta konseling", "dulu kakak suka mukul, sekarang tidak, boleh minta
    // konseling?": a request for counselling that nothing made P1 and no harm of P2 weight is in, is a P3.
    const wantsCounselling = lexicon.general.counselling.some((term) => matchTerm(tokens, term).some((m) => !m.negated));
    // A harm told as recurring and not as past ("dipukuli bapaknya tiap hari, butuh konseling") stays P2.
    const recurringHarm = tags.has('harm') && tags.has('ongoing') && !toldAsPast(tokens, tags);
    if (input.immediateDanger !== 'yes' && priority === 'P2' && harm < t.P2 && wantsCounselling && !recurringHarm && !['plea', 'shouting'].some((tag) => tags.has(tag))) {
      priority = 'P3';
      reasons.push(lexicon.general.counsellingReason);
    }
    // "dulu di-bully, sekarang sudah pindah, tapi masih takut sekolah. ada konseling?": a counsellor asked for a child is
    // a person's care for that child, read within days (P3), not answered in a week like a question about documents.
    if (input.immediateDanger !== 'yes' && priority === 'P4' && wantsCounselling) {
      priority = 'P3';
      reasons.push(lexicon.general.counsellingReason);
    }
    // Reported for the record: the event happened, so it is recorded at P3 rather than answered as a welfare question.
    if (input.immediateDanger !== 'yes' && priority === 'P4' && reportedForTheRecord(tokens, tags)) {
      priority = lexicon.resolved.cap;
      reasons.push(lexicon.resolved.recordReason);
    }
    // "Ra ono kekerasan, mung kasian ae. Iso ta didatengi?": the harm is denied, the worry about the child is not.
    const asking = lexicon.denied.asking.some((term) => matchTerm(tokens, term).length > 0);
    // A bare denial ("bocahe ora digebuki") tells nothing else: only a story around the denial is a worry.
    const toldMore = tokens.filter((tk) => tk.word !== BOUNDARY).length >= lexicon.denied.minWords;
    const noHarmSaid = input.immediateDanger !== 'yes' && saidNoHarm(tokens, tags, 0);
    if ((deniedWorry || noHarmSaid) && toldMore && !asking && moreUrgent(lexicon.denied.atLeast, priority)) {
      priority = lexicon.denied.atLeast;
      reasons.push(lexicon.denied.reason);
    }
    if (reasons.length === 0) reasons.push('tidak ada tanda bahaya: pertanyaan atau layanan kesejahteraan');
    return { priority, category, reasons, version: lexicon.version };
  };

  function inferCategory(fired: Fired[], tokens: Tokens): Category {
    const strongest = fired.filter((f) => f.category).sort((a, b) => b.weight - a.weight)[0];
    if (strongest?.category) return strongest.category;
    for (const [category, terms] of Object.entries(lexicon.signalCategories)) {
      if (terms?.some((term) => matchTerm(tokens, term).some((m) => !m.negated))) return category as Category;
    }
    return 'lainnya';
  }
}

/** The child's age: the reporter's answer, else read in the text (ages written in words too). */
function statedAge(input: { text: string; childAge?: number }) {
  const ageText = withoutTimeAgo(input.text);
  const story = readAgeInStory(ageText);
  return { age: input.childAge ?? readAge(ageText) ?? story?.age, story };
}

// "2 taun kepungkur", "tigo tahun lalu", "three years ago": a time ago, not the child's age, which would make a
// 2-year-old of a teenager abused two years ago.
const TIME_AGO = /\b[a-z0-9]+\s+(?:tahun|taun|tahu|thn|th|years?|bulan|wulan|sasi|months?)\s+(?:yang\s+|nan\s+)?(?:lalu|lalu2|kepungkur|kapungkur|kepengker|kapengker|silam|ago|lewat)\b/gi;
const withoutTimeAgo = (text: string) => text.replace(TIME_AGO, ' ');

/** Triage with the lexicon shipped in the repository. */
export const triageReport = createTriage(LEXICON);
export const TRIAGE_VERSION = LEXICON.version;
