import { EN_LABELS } from './en';
import { ID_LABELS, type LabelKind, type LabelTables } from './id';

export type { LabelKind } from './id';
export type LabelLang = 'id' | 'en';

const TABLES: Record<LabelLang, LabelTables> = { id: ID_LABELS, en: EN_LABELS };

/**
 * The word staff read for a stored code, e.g. `labelOf('id', 'category', 'kekerasan_fisik')` → "Kekerasan fisik".
 * Figures may carry "tidak diketahui"/"belum ditugaskan" under any kind. An unknown code is shown as it is, so a
 * missing word is visible (the panel's raw-code test looks for exactly that) rather than silently hidden.
 */
export function labelOf(lang: LabelLang, kind: LabelKind, code: unknown): string {
  if (code === undefined || code === null || code === '') return '—';
  const key = String(code);
  const table = TABLES[lang][kind] as Record<string, string>;
  const figure = TABLES[lang].figure as Record<string, string>;
  return table[key] ?? figure[key] ?? key;
}

/** Code → word pairs of one kind, in the vocabulary's order: what a <select> lists. */
export function labelOptions(lang: LabelLang, kind: LabelKind, codes: readonly string[]): { value: string; label: string }[] {
  return codes.map((code) => ({ value: code, label: labelOf(lang, kind, code) }));
}
