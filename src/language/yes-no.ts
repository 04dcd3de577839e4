import { z } from 'zod';
import { CLAUSE_BREAK } from './normalise';
import { affirmed, hasPhrase, IT_IS_FINE, readWords, type Words } from './words';

// Yes, no and "don't know" as people say them, alone or at the start of a sentence: "iya bu tolong …", "iya setuju",
// "enggak", "gak tau", "nggih", "mboten", "indak", "sudah tidak", "masih".

export const YesNoAnswerSchema = z.enum(['yes', 'no', 'unknown']);
export type YesNoAnswer = z.infer<typeof YesNoAnswerSchema>;

const YES = new Set([
  'ya', 'iya', 'yes', 'yeah', 'yea', 'yep', 'oke', 'setuju', 'boleh', 'benar', 'betul', 'tentu', 'pasti', 'silakan', 'silahkan',
  'lanjut', 'lanjutkan', 'mau', 'bersedia', 'siap', 'sure', 'masih', 'still', 'okay', 'agree', 'correct', 'right', 'sudi',
  // "gas" (go ahead, chat slang), "monggo" / "mangga" (please, go ahead), "hooh" / "heeh" (Javanese uh-huh), "ayo" / "yuk"
  'gas', 'monggo', 'mangga', 'hooh', 'heeh', 'ayo', 'ayuk', 'yuk', 'yok', 'go', 'proceed',
]);
/** Yes only as a whole answer: "jadi" (it is on), but "jadi gini bu …" opens a story. */
const YES_ALONE = new Set(['jadi']);
const NO = new Set(['tidak', 'bukan', 'no', 'nope', 'nah', 'jangan', 'belum', 'never', 'not', 'nothing', 'aman', "don't", 'dont', 'disagree']);
/** A no before one of these is a yes: "belum berhenti", "tidak aman", "ora mandek" (still going, still in danger). */
const STOP_WORDS = new Set(['berhenti', 'selesai', 'aman', 'stop', 'stopped', 'safe', 'over']);
/** Said to the person asking, not an answer: skipped at the start ("iya bu", "bu, iya", "mas, ndak"). */
const ADDRESS = new Set([
  'i', 'saya', 'kami', 'we', 'kulo', 'ambo', // "saya setuju", "I agree": the speaker, then the answer
 // "sepertinya iya", "kayaknya tidak": a hedge, then the answer
 'sepertinya', 'kayaknya', 'kayanya', 'kayake', 'sepertine', 'rasanya', 'kelihatannya', 'think', 'guess',
 // "sekarang sih gak": the time the question asks about, then the answer
 'sekarang', 'saat', 'ini', 'now', 'sih',
 // "alhamdulillah aman", "untungnya sudah tidak": relief, then the answer
 'alhamdulillah', 'syukurlah', 'syukur', 'untungnya', 'thankfully', 'luckily',
 'bu', 'ibu', 'pak', 'bapak', 'kak', 'kakak', 'mas', 'mbak', 'dek', 'bang', 'min', 'admin', 'ni', 'da', 'sus', 'dik', 'adik', 'eh', 'hmm', 'em', 'oh', 'wah', 'duh', 'aduh', 'maaf', 'halo', 'hai']);
/** Particles and thanks that close an answer without changing it ("jadi dong kak", "gas aja"). */
const TRAILING = new Set([...ADDRESS, 'saja', 'dong', 'deh', 'lah', 'kok', 'ya', 'yo', 'terima', 'kasih', 'thanks', 'please']);
/** Words around an answer that do not change it (addresses, hedges, particles, thanks): for the intake's own readers. */
export const COURTESY_WORDS: ReadonlySet<string> = TRAILING;
const DONT_KNOW = [
  'tidak tahu', 'belum tahu', 'kurang tahu', 'tidak yakin', 'kurang yakin', 'belum yakin', 'tidak pasti', 'entah', 'mungkin',
  'ragu', 'bingung', 'bisa jadi', 'barangkali', 'tidak paham', 'kurang paham', 'belum paham', 'tidak jelas', 'kurang jelas', 'tidak lihat', 'tidak melihat', 'tidak kelihatan', "didn't see", 'did not see',
  "don't know", 'dont know', 'do not know', 'not sure', 'idk', 'unknown', 'maybe', 'perhaps',
];
/** It stopped: no to "still going on?" and to "in danger now?". */
// "sekali itu aja", "cuma sekali": it happened once and not again.
const STOPPED = ['sudah tidak', 'tidak lagi', 'sudah aman', 'sudah berhenti', 'sudah selesai', 'sudah lewat', 'sudah lalu', 'no longer', 'not anymore', "it's over", 'it is over',
  'sekali itu', 'sekali saja', 'cuma sekali', 'hanya sekali', 'it stopped', 'has stopped', 'only once', 'just once'];

/** The answer a text gives to a yes/no question, or undefined when it gives none (or contradicts itself). */
export function readYesNo(text: string): YesNoAnswer | undefined {
  const w = readWords(text);
  // "tidak tahu …", "not sure" open a clause with a yes or no word but are no answer to the question.
  const answering = clauseStarts(w).filter(([first, second]) => !DONT_KNOW.includes(`${first} ${second}`)).map(asAnswer);
  // "yes no", "iya tidak": a clause that opens with both answers gives neither. "tidak mau", "ndak setuju", "not
  // agree": a no before a yes word negates it, and that is a no.
  if (answering.some(([first, second]) => wordAnswer(first) === 'yes' && wordAnswer(second) === 'no')) return undefined;
  const leads = new Set(answering.map(([first]) => wordAnswer(first)).filter((a) => a !== undefined));
  if (leads.size > 1) return undefined; // "iya, eh tidak": ask again rather than guess
  const lead = [...leads][0];
  // A sentence that starts with yes is yes, whatever follows ("iya bu, saya tidak tahu harus bagaimana").
  if (lead === 'yes') return 'yes';
  if (STOPPED.some((p) => hasPhrase(w, p))) return 'no';
  // "udah lama berhenti", "dia akhirnya berhenti": stopping said, not denied ("belum juga berhenti" is no answer).
  if (['berhenti', 'stopped'].some((p) => affirmed(w, p).length > 0)) return 'no';
  if (DONT_KNOW.some((p) => hasPhrase(w, p))) return 'unknown';
  return lead;
}

/** "gak papa", "tidak masalah", "ora popo": it is fine. Asked to go on, that is a yes; asked about danger, a no. */
export function saysItIsFine(text: string): boolean {
  const starts = clauseStarts(readWords(text));
  const fine = (start: ClauseStart) => NO.has(start[0]) && start[1] !== undefined && IT_IS_FINE.has(start[1]);
  // "gak papa, saya gak mau": a refusal beside it is still a refusal.
  return starts.some(fine) && !starts.some((start) => !fine(start) && NO.has(start[0]));
}

/** "gak tau", "ndak ngerti", "embuh": the text says the reporter does not know. */
export function isDontKnow(text: string): boolean {
  return readYesNo(text) === 'unknown';
}

const ASKING = new Set(['tanya', 'bertanya', 'nanya', 'menanyakan']);

/** "belum berhenti", "tidak aman": a no to stopping is a yes; "jadi" alone is a yes. */
function asAnswer([first, second, alone]: ClauseStart): ClauseStart {
  // "mau tanya dulu": a question coming, not a yes.
  if (first === 'mau' && second !== undefined && ASKING.has(second)) return ['?', undefined, alone];
  if (NO.has(first) && second !== undefined && STOP_WORDS.has(second)) return ['yes', undefined, alone];
  if (alone && YES_ALONE.has(first)) return ['yes', undefined, alone];
  // "he eh", "he'eh", "he em": Javanese uh-huh typed as two syllables ("heeh" and "hooh" are in YES).
  if (first === 'he' && second !== undefined && ['eh', 'em', 'e'].includes(second)) return ['yes', undefined, alone];
  if (first === "he'eh" || first === "he'em") return ['yes', undefined, alone];
  return [first, second, alone];
}

function wordAnswer(word: string | undefined): YesNoAnswer | undefined {
  if (word === undefined) return undefined;
  if (YES.has(word)) return 'yes';
  if (NO.has(word)) return 'no';
  return undefined;
}

/** The first two words of each clause, forms of address and fillers left out, and whether they are all it says. */
type ClauseStart = [first: string, second: string | undefined, alone: boolean];

function clauseStarts(w: Words): ClauseStart[] {
  const starts: ClauseStart[] = [];
  let clause: string[] = [];
  for (const token of [...w.tokens, CLAUSE_BREAK]) {
    if (token !== CLAUSE_BREAK) {
      if (clause.length > 0 || !ADDRESS.has(token)) clause.push(token);
      continue;
    }
    const said = clause.filter((t) => !TRAILING.has(t));
    if (clause.length) starts.push([clause[0]!, clause[1], said.length === 1]);
    clause = [];
  }
  return starts;
}
