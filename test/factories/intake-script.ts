import type { HandleInboundMessage, OutboundMessage } from '../../src/intake/messages';
import { textFrom } from './inbound-message';

// Typed answers that take a reporter through the intake, step by step (Mukomuko district): consent, no danger,
// neighbour, the story (which says what happened, who did it and that it keeps happening), then what it does not say.

export const TO_DESCRIPTION = ['halo', 'ya', 'tidak', '4'];
export const DESCRIPTION = 'Anak tetangga bernama Sari sering dipukul ayahnya sampai memar';
export const AFTER_DESCRIPTION = ['9 tahun', 'perempuan', 'ipuh', 'rumah'];
export const TO_CONFIRM_SAME_CHAT = [...TO_DESCRIPTION, DESCRIPTION, ...AFTER_DESCRIPTION, '1'];
/** At the summary: "add details", then the child's name, the desa, no shared location, the time; back at the summary. */
export const DETAILS = ['4', 'Sari', 'Pulai Payung', 'lewati', 'kemarin sore'];

/** Sends each text in turn; returns every reply's text, one entry per message sent. */
export async function sayAll(handle: HandleInboundMessage, chatId: string, texts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of texts) out.push(joined(await handle(textFrom(chatId, t))));
  return out;
}

export function joined(replies: OutboundMessage[]): string {
  return replies.map((r) => r.text).join('\n---\n');
}

export const ticketIn = (text: string): string | undefined => text.match(/ADU-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/)?.[0];
