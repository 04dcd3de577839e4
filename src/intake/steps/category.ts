import { readCategory } from '../../language';
import { triageReport } from '../../triage/triage-report';
import { CATEGORIES } from '../../reports/report-vocabulary';
import { optionStep } from './step';

const SYNONYMS: Partial<Record<(typeof CATEGORIES)[number], string[]>> = {
  kekerasan_fisik: ['dipukul', 'pukul', 'fisik'],
  kekerasan_seksual: ['pelecehan', 'pemerkosaan', 'perkosaan', 'cabul'],
  perundungan: ['bully', 'bullying', 'dibully'],
  perkawinan_anak: ['nikah dini', 'pernikahan dini', 'kawin anak'],
  penelantaran: ['ditelantarkan', 'terlantar'],
  dokumen_kependudukan: ['akta', 'akta kelahiran', 'kk'],
  lainnya: ['lain', 'lain-lain', 'lain2'],
};

export const categoryStep = optionStep({
  id: 'category',
  text: (t) => t.category,
  options: (t) => CATEGORIES.map((c) => ({ value: c, label: t.categories[c], synonyms: SYNONYMS[c] })),
  apply: (v) => ({ category: v }),
  read: readCategoryAnswer,
  unread: 'lainnya',
});

/** The category a typed answer names; else the one triage reads in it ("digerayangi", "arep dirabekno", "dipasung"):
 * one reading of harm words, its dialect forms and affixes, for the question, the story and the report. */
export function readCategoryAnswer(text: string): (typeof CATEGORIES)[number] | undefined {
  const named = readCategory(text);
  if (named) return named;
  const read = triageReport({ text }).category;
  return read === 'lainnya' ? undefined : read;
}
