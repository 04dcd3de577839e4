import { z } from 'zod';
import { normalise, readAnonymity } from '../../language';
import { CONTACT_METHODS, type ContactMethod } from '../../reports/report-vocabulary';
import { hintFor, optionStep, type Step } from './step';

/** Indonesian or international numbers as people type them: "0812-3456-7890", "+62 812 3456 7890". */
export const PhoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^(\+?\d{8,15})$/));

/** "jangan hubungi saya", "don't contact me": no contact at all. */
const NO_CONTACT = /\b(?:jangan (?:hubungi|dihubungi|telepon|telpon|ditelpon)|tidak usah (?:hubungi|dihubungi)|(?:don.t|do not|dont) (?:contact|call)|no contact)\b/;
const THIS_CHAT = /\b(?:chat|sini|wa ini|whatsapp ini|telegram ini|telegram|lewat ini|nomor ini|ini saja|disini|here|this chat)\b/;
const ANONYMITY_WORD = /\b(?:anonim|anonymous|rahasia|tanpa nama)\b/;
/** "nomor lain", "nomer liyane", "telpon ke nomor suami saya": another number, to be asked for next. */
const ANOTHER_NUMBER = /\b(?:nomor|handphone|telepon|telpon|number|phone)\b.*\b(?:lain|lainnya|suami|istri|ibu|bapak|kakak|another|other|different)\b/;
/** English puts the "other" first: "another number please", "call my other phone". */
const ANOTHER_NUMBER_FIRST = /\b(?:another|other|different|new|second)\b(?:\s+\w+)?\s+(?:number|phone|handphone)\b/;

/** How to reach the reporter, in their words: "anonim aja" (no contact), "lewat sini", or the number itself. */
function readContact(text: string): ContactMethod | undefined {
  // A number typed is where to call, whatever else the answer says ("anonim aja tapi bisa wa ke 0812…", "nomor saya
  // 0812…, tapi jangan telpon malam"): the number is never dropped for a word around it.
  if (phoneIn(text)) return 'other_number';
  if (NO_CONTACT.test(normalise(text))) return 'none';
  // "iya lewat telegram ini": a yes that names this chat is this chat, not a yes to anonymity.
  if (THIS_CHAT.test(normalise(text)) && !ANONYMITY_WORD.test(normalise(text))) return 'same_chat';
  if (readAnonymity(text) === true) return 'none';
  const words = normalise(text);
  if (ANOTHER_NUMBER.test(words) || ANOTHER_NUMBER_FIRST.test(words)) return 'other_number';
  return THIS_CHAT.test(words) ? 'same_chat' : undefined;
}

function phoneIn(text: string): string | undefined {
  // "O812…": a letter O typed for the leading zero.
  const candidate = /\+?\d[\d\s().-]{7,20}\d/.exec(text.replace(/(?<![\p{L}\d])[oO](?=\d)/gu, '0'))?.[0];
  const phone = candidate ? PhoneSchema.safeParse(candidate) : undefined;
  return phone?.success ? phone.data : undefined;
}

const base = optionStep({
  id: 'contact',
  text: (t) => t.contact,
  options: (t) =>
    CONTACT_METHODS.map((m) => ({ value: m, label: t.contactMethods[m], means: m === 'none' ? ('no' as const) : undefined })),
  // "Anonim, tidak perlu dihubungi": anonymous means anonymous, no contact is kept.
  apply: (v) => (v === 'none' ? { contactMethod: v, contactPhone: undefined, anonymous: true } : { contactMethod: v, contactPhone: undefined, anonymous: false }),
  read: readContact,
});

export const contactStep: Step = {
  ...base,
  accept(answer, draft, ctx, t) {
    const outcome = base.accept(answer, draft, ctx, t);
    // A number typed straight away is the number: no second question for it.
    const phone = answer.kind === 'text' ? phoneIn(answer.text) : undefined;
    if (outcome.type === 'answered' && outcome.answers.contactMethod === 'other_number' && phone) {
      return { ...outcome, answers: { ...outcome.answers, contactPhone: phone } };
    }
    return outcome;
  },
};

export const contactPhoneStep: Step = {
  id: 'contact_phone',
  prompt: (_d, _c, t) => ({ text: t.contactPhone }),
  accept(answer, _draft, _ctx, t) {
    if (answer.kind !== 'text') return { type: 'invalid', hint: hintFor(answer, t, t.hints.phone) };
    const phone = PhoneSchema.safeParse(answer.text);
    if (!phone.success) return { type: 'invalid', hint: t.hints.phone };
    return { type: 'answered', answers: { contactPhone: phone.data } };
  },
};
