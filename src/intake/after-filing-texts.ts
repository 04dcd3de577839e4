import type { Language } from './draft';

// What the service says to a reporter who writes after filing. Kept beside the after-filing handler, not in the
// catalogues, so the conversation's own texts stay in one place for the intake steps.

export interface AfterFilingTexts {
  forwarded: (ticket: string) => string;
  notForwardable: (ticket: string) => string;
  wrongType: string;
  tooLarge: (maxMb: number) => string;
  failed: string;
  newReportHint: string;
}

export const AFTER_FILING_TEXTS: Record<Language, AfterFilingTexts> = {
  id: {
    forwarded: (ticket) =>
      `Pesan Anda sudah kami teruskan ke petugas yang menangani laporan ${ticket}.\n\n` +
      'Untuk membuat laporan baru, tulis "laporan baru". Jika anak dalam bahaya sekarang, hubungi 112.',
    notForwardable: (ticket) => `Pesan jenis ini belum dapat kami teruskan. Tulis dengan kata-kata, dan kami teruskan ke petugas laporan ${ticket}.`,
    wrongType: 'Jenis berkas ini tidak dapat kami terima. Kirim foto, pesan suara, atau dokumen PDF.',
    tooLarge: (maxMb) => `Berkas terlalu besar (paling besar ${maxMb} MB). Coba kirim yang lebih kecil.`,
    failed: 'Maaf, pesan Anda belum tersimpan. Coba kirim lagi sebentar lagi.',
    newReportHint: 'Untuk membuat laporan baru, tulis "laporan baru".',
  },
  en: {
    forwarded: (ticket) =>
      `Your message has been passed on to the staff handling report ${ticket}.\n\n` +
      'To make a new report, write "new report". If a child is in danger now, call 112.',
    notForwardable: (ticket) => `We cannot pass on this kind of message yet. Write it in words and we will pass it on to the staff of report ${ticket}.`,
    wrongType: 'We cannot accept this kind of file. Send a photo, a voice note or a PDF document.',
    tooLarge: (maxMb) => `The file is too large (at most ${maxMb} MB). Please send a smaller one.`,
    failed: 'Sorry, your message was not saved. Please try again in a moment.',
    newReportHint: 'To make a new report, write "new report".',
  },
};
