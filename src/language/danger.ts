import { CLAUSE_BREAK } from './normalise';
import { readYesNo } from './yes-no';
import { affirmed, findPhrase, isNegated, readWords, type Words } from './words';

// Clear signs that a child is in danger NOW, in any message: harm happening at this moment ("lagi dipukulin",
// "sedang disiksa", "dipukuli sekarang") or words that need help at once whenever they are said ("sekarat",
// "pingsan", "berdarah", "mau bunuh diri"). Told in the past ("kemarin dipukul sampai berdarah") it is a report,
// not an emergency; negated ("sudah tidak dipukul lagi") it is nothing.

const HARM = ['pukul', 'tendang', 'tampar', 'cekik', 'hajar', 'siksa', 'aniaya', 'bacok', 'tusuk', 'sundut', 'jambak', 'banting',
  'injak', 'perkosa', 'cabul', 'kurung', 'kunci', 'ikat', 'rantai', 'pasung', 'sekap', 'culik', 'ancam', 'bunuh', 'bakar', 'cambuk', 'seret', 'setrum', 'beat', 'hit', 'hurt', 'attack'];
const NOW = ['sekarang', 'saat ini', 'sedang', 'lagi', 'kini', 'now', 'right now', 'currently'];
const AT_ONCE = ['darurat', 'sekarat', 'pingsan', 'tidak sadarkan diri', 'berdarah', 'bunuh diri', 'mau mati', 'ingin mati', 'dibunuh',
  'mau dibunuh', 'tolong cepat', 'cepat tolong', 'kritis', 'tenggelam', 'emergency', 'bleeding', 'unconscious', 'dying'];
const PAST = ['kemarin', 'dulu', 'waktu itu', 'pernah', 'tadi malam', 'minggu lalu', 'bulan lalu', 'tahun lalu', 'yesterday', 'ago'];

/** Asked whether the child is in danger now, "saiki isih, cepet" / "masih, cepat" (still, hurry) is a yes; after a "no"
 * ("ga, tapi masih takut") it is the no that answers. */
export function answersStillInDanger(text: string): boolean {
  const w = readWords(text);
  // "alun barhenti" / "belum berhenti" (not yet stopped) is still going on, though it opens with a "no" word.
  if (['belum berhenti', 'tidak berhenti', 'belum selesai'].some((p) => findPhrase(w, p).length > 0)) return true;
  if (readYesNo(text) === 'no') return false;
  // "bahaya bgt tolong" names the danger.
  return ['masih', 'cepat', 'segera', 'still', 'hurry', 'bahaya', 'darurat', 'danger'].some((p) => affirmed(w, p).length > 0);
}

export function hearsDangerNow(text: string): boolean {
  const w = readWords(text);
  return AT_ONCE.some((p) => affirmed(w, p).some((at) => !clauseIsPast(w, at))) || harmHappeningNow(w);
}

/** A harm word with a "now" word in its clause: "lagi" and "sedang" before it ("lagi dipukul", not "dipukul lagi"). */
function harmHappeningNow(w: Words): boolean {
  return HARM.some((harm) =>
    findPhrase(w, harm).some((at) => !isNegated(w, at) && !clauseIsPast(w, at) && nowInClause(w, at)),
  );
}

function nowInClause(w: Words, at: number): boolean {
  const [start, end] = clauseBounds(w, at);
  return NOW.some((marker) =>
    findPhrase(w, marker).some((m) => m >= start && m < end && (!['lagi', 'sedang'].includes(marker) || m < at)),
  );
}

function clauseIsPast(w: Words, at: number): boolean {
  const [start, end] = clauseBounds(w, at);
  return PAST.some((p) => findPhrase(w, p).some((m) => m >= start && m < end));
}

function clauseBounds(w: Words, at: number): [number, number] {
  let start = at;
  while (start > 0 && w.tokens[start - 1] !== CLAUSE_BREAK) start--;
  let end = at;
  while (end < w.tokens.length && w.tokens[end] !== CLAUSE_BREAK) end++;
  return [start, end];
}

/** Only a plea ("tolong", "tolong cepat", "help"): asked whether the child is in danger now, that is a yes. */
const PLEA = new Set(['tolong', 'cepat', 'segera', 'help', 'please', 'urgent', 'darurat', 'bu', 'pak', 'kak', 'mas', 'mbak', 'ibu', 'bapak', 'kakak']);

export function isOnlyAPlea(text: string): boolean {
  const words = readWords(text).tokens.filter((t) => t !== CLAUSE_BREAK);
  return words.some((t) => ['tolong', 'help', 'darurat', 'urgent'].includes(t)) && words.every((t) => PLEA.has(t));
}
