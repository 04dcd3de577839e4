import type { District } from '../../src/districts/district';
import { escapeHtml } from './render-page';

// The emergency numbers pinned at the top of the web chat once danger is heard: tap-to-call links that stay in view
// above the messages, never scrolled away under the next question's buttons.

export interface EmergencyLink {
  label: string;
  href: string;
  shown: string;
}

/** tel: for numbers, a WhatsApp link for a WhatsApp line (wa.me wants the number with 62 for the leading 0). */
export function emergencyLinks(district: Pick<District, 'emergencyContacts' | 'onCallPhone' | 'unitShortName'>): EmergencyLink[] {
  const links = district.emergencyContacts.map((c) => ({ label: c.label, shown: c.number, href: hrefFor(c.label, c.number) }));
  if (district.onCallPhone) links.push({ label: `Piket ${district.unitShortName}`, shown: district.onCallPhone, href: `tel:${digits(district.onCallPhone)}` });
  return links;
}

function hrefFor(label: string, number: string): string {
  const d = digits(number);
  if (/whatsapp/i.test(label)) return `https://wa.me/${d.startsWith('0') ? `62${d.slice(1)}` : d}`;
  return `tel:${d}`;
}

const digits = (number: string) => number.replace(/[^\d+]/g, '');

/** Always in the page, hidden until danger is heard (the server knows it for the no-JS page; chat.js un-hides it). */
export function renderEmergencyBlock(links: EmergencyLink[], shown: boolean): string {
  const items = links.map((l) => `<li><a href="${escapeHtml(l.href)}" rel="noreferrer">${escapeHtml(l.label)}: <strong>${escapeHtml(l.shown)}</strong></a></li>`).join('');
  return `<aside id="emergency" class="emergency" aria-label="Nomor darurat"${shown ? '' : ' hidden'}>
  <p class="emergency-title">Anak dalam bahaya? Hubungi sekarang:</p>
  <ul class="emergency-links">${items}</ul>
</aside>`;
}
