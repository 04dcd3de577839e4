// The web chat page's own words (the conversation's come from the intake catalogues), in both languages: the page
// follows the language the conversation is in. chat.js gets them from the page (data-ui), so there is one copy.

export type UiLanguage = 'id' | 'en';

export interface UiText {
  placeholder: string;
  send: string;
  label: string;
  exit: string;
  note: string;
  attach: string;
  location: string;
  record: string;
  stopRecording: string;
  counter: string;
  tooLong: (count: number, max: number) => string;
  wrongType: string;
  tooLarge: (maxMb: number) => string;
  locationDenied: string;
  microphoneDenied: string;
  locationShared: string;
  staffReply: string;
  offline: string;
}

export const UI_TEXT: Record<UiLanguage, UiText> = {
  id: {
    placeholder: 'Tulis pesan… (mis. halo)',
    send: 'Kirim',
    label: 'Pesan Anda',
    exit: 'Keluar cepat (Esc)',
    note: 'Anonim kecuali Anda memilih memberi kontak. Darurat:',
    attach: 'Lampirkan foto / berkas',
    location: 'Bagikan lokasi',
    record: 'Rekam pesan suara',
    stopRecording: 'Selesai merekam',
    counter: 'karakter',
    tooLong: (count, max) => `Pesan Anda ${count} karakter, lebih dari batas ${max}. Tidak ada yang kami potong: mohon bagi menjadi beberapa pesan, lalu kirim satu per satu.`,
    wrongType: 'Jenis berkas ini tidak dapat kami terima. Kirim foto, pesan suara, atau dokumen PDF.',
    tooLarge: (maxMb) => `Berkas terlalu besar (paling besar ${maxMb} MB).`,
    locationDenied: 'Lokasi tidak dapat dibaca (izin ditolak atau tidak tersedia). Anda bisa menuliskan tempatnya.',
    microphoneDenied: 'Mikrofon tidak dapat dipakai (izin ditolak atau tidak tersedia). Anda bisa menulis atau melampirkan berkas suara.',
    locationShared: 'Lokasi dibagikan',
    staffReply: 'Balasan petugas',
    offline: 'Koneksi terputus. Coba kirim lagi sebentar lagi.',
  },
  en: {
    placeholder: 'Write a message… (e.g. hello)',
    send: 'Send',
    label: 'Your message',
    exit: 'Quick exit (Esc)',
    note: 'Anonymous unless you choose to leave a contact. Emergency:',
    attach: 'Attach a photo / file',
    location: 'Share location',
    record: 'Record a voice note',
    stopRecording: 'Stop recording',
    counter: 'characters',
    tooLong: (count, max) => `Your message has ${count} characters, more than the limit of ${max}. Nothing was cut: please split it into several messages and send them one by one.`,
    wrongType: 'We cannot accept this kind of file. Send a photo, a voice note or a PDF document.',
    tooLarge: (maxMb) => `The file is too large (at most ${maxMb} MB).`,
    locationDenied: 'Your location could not be read (permission denied or unavailable). You can write the place instead.',
    microphoneDenied: 'The microphone cannot be used (permission denied or unavailable). You can write or attach an audio file instead.',
    locationShared: 'Location shared',
    staffReply: 'Reply from staff',
    offline: 'Connection lost. Please try again in a moment.',
  },
};

/** The strings chat.js needs, functions turned into templates ({count}, {max}, {maxMb}). */
export function uiTextForScript(): Record<UiLanguage, Record<string, string>> {
  const flatten = (t: UiText) => ({
    ...Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string')),
    tooLong: t.tooLong(-1, -2).replace('-1', '{count}').replace('-2', '{max}'),
    tooLarge: t.tooLarge(-3).replace('-3', '{maxMb}'),
  }) as Record<string, string>;
  return { id: flatten(UI_TEXT.id), en: flatten(UI_TEXT.en) };
}
