// The child's age when the text states it ("umur 3 thn", "bayi 8 bulan", "anak sy 4tahun"), else undefined.
// "sudah 2 tahun dipukuli" is a duration, not an age, so "N tahun" after sudah/selama/sejak is ignored.
const AGE_AFTER_WORD = /\b(?:umur|umr|usia|umurnya|usianya)\s*(?:nya\s*)?(?:baru\s*)?(\d{1,2})/;
const YEARS = /(?<!\b(?:sudah|udah|udh|sdh|dah|selama|sejak|lebih dari|hampir|kurang lebih)\s*)\b(\d{1,2})\s*(?:tahun|thn|th|taun|thun|yo)\b/;
const MONTHS = /\b(?:bayi|umur|usia|umurnya|usianya|anak|baru)\s*(?:nya\s*)?(\d{1,2})\s*(?:bulan|bln|bl|hari|minggu)\b/;

export function readAge(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (MONTHS.test(lower)) return 0;
  const match = AGE_AFTER_WORD.exec(lower) ?? YEARS.exec(lower);
  return match ? Number(match[1]) : undefined;
}
