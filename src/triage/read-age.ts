// The child's age when the text states it ("umur 3 thn", "bayi 8 bulan", "anak sy 4tahun"), else undefined.
// "sudah 2 tahun dipukuli" is a duration, not an age, so "N tahun" after sudah/selama/sejak is ignored.
// Javanese "umure 3 taun" and Mukomuko "umuanyo 4 tahun" count too.
const AGE_WORD = '(?:umur|umr|usia|umua|umurnya|usianya|umure|umurane|umuanyo|umurku|usiaku|umuaku|umurmu)';
const AGE_AFTER_WORD = new RegExp(`\\b${AGE_WORD}\\s*(?:nya\\s*)?(?:baru\\s*|lagek\\s*)?(\\d{1,2})`);
const YEARS = /(?<!\b(?:sudah|udah|udh|sdh|dah|wes|wis|selama|sejak|lebih dari|hampir|kurang lebih)\s*)\b(\d{1,2})\s*(?:tahun|thn|th|taun|taon|thun|yo)(?:an)?\b/;
const MONTHS = new RegExp(`\\b(?:bayi|${AGE_WORD}|anak|baru)\\s*(?:nya\\s*)?(\\d{1,2})\\s*(?:bulan|bln|bl|hari|minggu|sasi|wulan)\\b`);

export function readAge(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (MONTHS.test(lower)) return 0;
  const match = AGE_AFTER_WORD.exec(lower) ?? YEARS.exec(lower);
  return match ? Number(match[1]) : undefined;
}
