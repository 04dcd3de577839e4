import { randomBytes } from 'node:crypto';

// 32 symbols without 0/O and 1/I, so a ticket read aloud over the phone or copied by hand stays unambiguous.
export const TICKET_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TICKET_PATTERN = /^ADU-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** A fresh random ticket like ADU-7K4Q-9M2P (40 bits; uniqueness is enforced by the database index). */
export function generateTicket(): string {
  // 32 symbols = 5 bits: masking a random byte is unbiased.
  const chars = [...randomBytes(8)].map((b) => TICKET_ALPHABET[b & 31]);
  return `ADU-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
