import type { District } from './district';

/**
 * The district's emergency numbers and its own on-call line, one per line: what the ticket message of an urgent
 * report repeats, so the last thing a reporter in danger reads still says whom to call.
 */
export function emergencyNumbersText(district: Pick<District, 'emergencyContacts' | 'onCallPhone' | 'unitShortName'>, language: string): string {
  const lines = district.emergencyContacts.map((c) => `${c.label}: ${c.number}`);
  if (district.onCallPhone) lines.push(`${district.unitShortName}: ${district.onCallPhone}`);
  const heading = language === 'en' ? 'If the child is in danger now, call:' : 'Jika anak dalam bahaya saat ini, hubungi:';
  return `${heading}\n${lines.join('\n')}`;
}
