import type { Prng } from './prng';

// A reporter who reads the last question and answers it, as a person would: robust to a resumed draft, a lost answer,
// a "start again" after a fault. Each one carries personal values of their own, so a leak can be traced to its source.

export interface Persona {
  chatId: number;
  childName: string;
  desa: string;
  phone: string;
  description: string;
  when: string;
  /** Answers "yes" to immediate danger (the on-call alert path). */
  danger: boolean;
  /** Option numbers typed for the category (1–14) and the kecamatan (1–15), so reports spread as real ones do. */
  category: number;
  kecamatan: number;
}

const SYLLABLES = ['ra', 'ku', 'ni', 'wa', 'te', 'so', 'ma', 'bi', 'lo', 'gu', 'di', 'ye', 'zu', 'fa', 'qo', 'hu', 'ce', 'xi'];
const word = (rng: Prng, n: number) => Array.from({ length: n }, () => rng.pick(SYLLABLES)).join('');
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Personal values unlikely to occur anywhere by chance (4–5 syllable made-up names, 8 random phone digits). */
export function makePersona(rng: Prng, chatId: number, danger = false): Persona {
  const childName = `${capital(word(rng, 4))} ${capital(word(rng, 5))}`;
  const desa = `Desa ${capital(word(rng, 5))}`;
  const phone = `0813${String(10_000_000 + rng.int(89_999_999))}`;
  return {
    chatId, childName, desa, phone, danger, category: 1 + rng.int(14), kecamatan: 1 + rng.int(15),
    description: `Anak ${childName} sering dipukul ayahnya sampai memar di dekat ${desa} ${word(rng, 6)}`,
    when: `kemarin sore sekitar ${word(rng, 5)}`,
  };
}

export type NextMove = { send: string } | { ticket: string } | { wait: true } | { unknown: true };

const TICKET = /ADU-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/;

/** What to send next, given the latest message the bot sent this reporter. Order matters: most specific first. */
export function nextMove(p: Persona, last: string, state: { confirmed: boolean }): NextMove {
  const ticket = last.match(TICKET)?.[0];
  // "…menangani laporan ADU-…": a resent confirm after filing joins the filed report, which names its ticket.
  if (ticket && /nomor tiket|Laporan Anda:|menangani laporan/.test(last)) return { ticket };
  // The child's name and the desa are optional details now: this reporter adds them at the summary, then sends.
  if (/Kirim sekarang\?/.test(last)) return { send: last.includes(`Anak: ${p.childName}`) ? '1' : '4' };
  if (/belum berhasil disimpan|masih diproses|terlalu cepat|Maaf, laporan|^\s*$/.test(last) && !/\?/.test(last.split('\n').pop() ?? '')) return { wait: true };
  if (/RAHASIA/.test(last)) return state.confirmed ? { send: 'status' } : { send: 'ya' };
  if (/Belum ada laporan dari chat ini/.test(last)) return { send: 'halo' };
  if (/belum selesai\. Lanjutkan/.test(last)) return { send: '1' };
  if (/bahaya SAAT INI/.test(last)) return { send: p.danger ? 'ya' : 'tidak' };
  if (/Siapa Anda bagi anak/.test(last)) return { send: '4' };
  if (/melapor secara anonim/.test(last)) return { send: 'tidak' };
  if (/Apa yang terjadi\? Pilih/.test(last)) return { send: String(p.category) };
  if (/Ceritakan apa yang terjadi|Sekarang tuliskan juga/.test(last)) return { send: p.description };
  if (/Ada foto, pesan suara/.test(last)) return { send: 'lanjut' };
  if (/Berapa umur anak/.test(last)) return { send: '9 tahun' };
  if (/Jenis kelamin anak/.test(last)) return { send: 'perempuan' };
  if (/Nama anak/.test(last)) return { send: p.childName };
  if (/Siapa yang melakukannya/.test(last)) return { send: '1' };
  if (/Di kecamatan mana/.test(last)) return { send: String(p.kecamatan) };
  if (/Desa \/ kelurahan mana/.test(last)) return { send: p.desa };
  if (/tempat kejadiannya\?/.test(last)) return { send: 'rumah' };
  if (/bagikan lokasi/.test(last)) return { send: 'lewati' };
  if (/Kapan kejadiannya/.test(last)) return { send: p.when };
  if (/masih berlangsung\?/.test(last)) return { send: 'ya' };
  if (/Bagaimana petugas dapat menghubungi/.test(last)) return { send: '2' };
  if (/Tulis nomor telepon/.test(last)) return { send: p.phone };
  if (/SEGERA hubungi|Berkas diterima/.test(last)) return { wait: true };
  return { unknown: true };
}

/** A channel as a reporter sees it: send a text, get the bot's messages that answer it (empty when none came in time). */
export type ReporterChannel = (chatId: number, text: string) => Promise<string[]>;

export interface ReporterResult {
  persona: Persona;
  ticket?: string;
  messagesSent: number;
  resends: number;
  restarts: number;
  /** Answers that fit no question this reporter was at (an answer to another message, out of turn). */
  unplaced: number;
  /** ms from sending each message to its last reply. */
  latencies: number[];
  /** ms of the longest wait from a message sent until an answer came (re-sends included): what a person sits through. */
  longestSilenceMs: number;
  /** ms from sending the confirm to the ticket arriving. */
  confirmMs?: number;
  /** Epoch ms of the last confirm sent and of the "yes" to immediate danger (for pipeline timings). */
  confirmSentAt?: number;
  dangerSentAt?: number;
}

/**
 * Walks one report to its ticket. A message that gets no answer (lost in a crash) is sent again after a pause, the
 * way a person would; a greeting after confirming makes the reporter ask `status` for the ticket.
 */
export async function runReporter(
  channel: ReporterChannel,
  persona: Persona,
  opts: { deadlineMs: number; thinkMs?: () => number; onMessage?: () => void },
): Promise<ReporterResult> {
  const result: ReporterResult = { persona, messagesSent: 0, resends: 0, restarts: 0, unplaced: 0, latencies: [], longestSilenceMs: 0 };
  let silentSince = 0;
  const deadline = Date.now() + opts.deadlineMs;
  const state = { confirmed: false };
  let toSend = 'halo';
  let confirmStarted = 0;
  while (Date.now() < deadline) {
    const started = Date.now();
    const replies = await channel(persona.chatId, toSend).catch(() => [] as string[]);
    result.messagesSent++;
    opts.onMessage?.();
    if (replies.length) result.latencies.push(Date.now() - started);
    // An answer is something new at the end; a lone '' means only late messages came (telegram-reporters.ts).
    const answered = replies.length > 0 && replies[replies.length - 1] !== '';
    if (!silentSince) silentSince = started;
    if (answered) {
      result.longestSilenceMs = Math.max(result.longestSilenceMs, Date.now() - silentSince);
      silentSince = 0;
    }
    // A ticket anywhere in what arrived (a late answer to an earlier confirm included) ends the report.
    const ticketed = replies.find((r) => TICKET.test(r) && /nomor tiket|Laporan Anda:|menangani laporan/.test(r));
    if (ticketed) {
      result.ticket = ticketed.match(TICKET)![0];
      if (confirmStarted) result.confirmMs = Date.now() - confirmStarted;
      return result;
    }
    const move: NextMove = replies.length ? nextMove(persona, replies[replies.length - 1]!, state) : { wait: true };
    if ('ticket' in move) {
      result.ticket = move.ticket;
      if (confirmStarted) result.confirmMs = Date.now() - confirmStarted;
      return result;
    }
    if ('wait' in move || 'unknown' in move) {
      if ('unknown' in move) result.unplaced++;
      result.resends++;
      await pause(300 + Math.random() * 700);
      continue;
    }
    if (move.send === 'ya' && /RAHASIA/.test(replies[replies.length - 1]!) && result.messagesSent > 1) result.restarts++;
    if (move.send === '1' && replies.some((r) => /Kirim sekarang\?/.test(r))) {
      state.confirmed = true;
      confirmStarted = Date.now();
    }
    toSend = move.send;
    if (opts.thinkMs) await pause(opts.thinkMs());
    if (state.confirmed && move.send === '1') result.confirmSentAt = Date.now();
    if (persona.danger && !result.dangerSentAt && /bahaya SAAT INI/.test(replies[replies.length - 1]!)) result.dangerSentAt = Date.now();
  }
  return result;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
