// Informal Indonesian as people type it in chat: SMS abbreviations, slang and colloquial spellings, each mapped to the
// standard word. Source: general knowledge of colloquial Indonesian chat writing (bahasa gaul / singkatan SMS), and the
// forms the triage lexicon already lists (src/triage/lexicon.json "abbreviations"). No published list was copied.
// Keys are lower case and single words; a value may be two words ("ortu" → "orang tua").

export const INFORMAL_INDONESIAN: Readonly<Record<string, string>> = {
  // yes / no / don't know
  iy: 'iya', iyh: 'iya', iyo: 'iya', yaa: 'ya', iyaa: 'iya', yoi: 'iya', y: 'ya', yup: 'ya', yups: 'ya', ok: 'oke', gpp: 'boleh', gapapa: 'boleh', gakpapa: 'boleh', nggakpapa: 'boleh', ndakpapa: 'boleh', nomer: 'nomor', okey: 'oke', okay: 'oke', sip: 'oke', yaudah: 'ya sudah', yauda: 'ya sudah',
  gak: 'tidak', ga: 'tidak', gk: 'tidak', ngga: 'tidak', nggak: 'tidak', ngak: 'tidak', enggak: 'tidak', engga: 'tidak', ndak: 'tidak',
  nda: 'tidak', kagak: 'tidak', tdk: 'tidak', tak: 'tidak', gx: 'tidak', gag: 'tidak', kaga: 'tidak', nope: 'tidak',
  // "gausah", "gak usah" written as one word: no need (round 10, contact and anonymity answers).
  gausah: 'tidak usah', gakusah: 'tidak usah', ngausah: 'tidak usah',
  bkn: 'bukan', bkan: 'bukan', blm: 'belum', blum: 'belum', lom: 'belum', jgn: 'jangan',
  tau: 'tahu', tw: 'tahu', tauk: 'tahu', tao: 'tahu', ngerti: 'tahu', ngerti2: 'tahu', gatau: 'tidak tahu', gtau: 'tidak tahu', gatw: 'tidak tahu',
  gaktau: 'tidak tahu', ntah: 'entah', embuh: 'entah',
  // people
  sy: 'saya', sya: 'saya', aku: 'saya', aq: 'saya', ak: 'saya', gw: 'saya', gue: 'saya', gua: 'saya',   km: 'kamu', kmu: 'kamu', dy: 'dia', dya: 'dia', org: 'orang', ortu: 'orang tua', ortunya: 'orang tuanya',
  bpk: 'bapak', bpak: 'bapak', bapa: 'bapak', bapake: 'bapaknya', bokap: 'bapak', papah: 'papa',   mamah: 'mama', nyokap: 'ibu', emak: 'ibu', mami: 'ibu', bunda: 'ibu',
  ank: 'anak', anaku: 'anakku', bocah: 'anak', adek: 'adik', dek: 'adik', kk: 'kakak', kak: 'kakak', om: 'paman',
  cwe: 'cewek', cwk: 'cewek', cwo: 'cowok', tetanga: 'tetangga', tetangge: 'tetangga', cowo: 'cowok', cewe: 'cewek', pcr: 'pacar', tmn: 'teman', temen: 'teman',
  // time, state, degree
  lg: 'lagi', lgi: 'lagi', skrg: 'sekarang', skrng: 'sekarang', skrang: 'sekarang', skr: 'sekarang', skg: 'sekarang', sekrang: 'sekarang',
  sdg: 'sedang', sdang: 'sedang', lagi2: 'lagi', msh: 'masih', masi: 'masih', mash: 'masih', sdh: 'sudah', udh: 'sudah',
  udah: 'sudah', dah: 'sudah', sdah: 'sudah', uda: 'sudah', barusan: 'baru saja', kmrn: 'kemarin', kmarin: 'kemarin', kemaren: 'kemarin',
  ketauan: 'ketahuan', dirahasiain: 'dirahasiakan', tdi: 'tadi', td: 'tadi', bsk: 'besok', mlm: 'malam', hr: 'hari', tiap: 'setiap', sring: 'sering', srg: 'sering',
  trs: 'terus', trus: 'terus', sll: 'selalu', slalu: 'selalu', bgt: 'banget', bngt: 'banget', bener: 'benar', bnr: 'benar', btl: 'betul',
  // function words
  yg: 'yang', yng: 'yang', dgn: 'dengan', dg: 'dengan', dng: 'dengan', krn: 'karena', karna: 'karena', krna: 'karena',
  utk: 'untuk', untk: 'untuk', tp: 'tapi', tpi: 'tapi', jg: 'juga', dr: 'dari', dri: 'dari', sm: 'sama', ama: 'sama', klo: 'kalau',
  kalo: 'kalau', kl: 'kalau', aja: 'saja', aj: 'saja', ja: 'saja', doang: 'saja', gmn: 'bagaimana', gimana: 'bagaimana',
  knp: 'kenapa', kpn: 'kapan', dmn: 'di mana', mw: 'mau', mo: 'mau', pgn: 'ingin', pengen: 'ingin', pingin: 'ingin', bs: 'bisa',
  bisa2: 'bisa', sktr: 'sekitar', kira2: 'kira-kira', kurleb: 'kurang lebih', umr: 'umur', kls: 'kelas', klas: 'kelas', thn: 'tahun', th: 'tahun', taun: 'tahun',
  thun: 'tahun', bln: 'bulan', tlg: 'tolong', tlong: 'tolong', tolongin: 'tolong', mhn: 'mohon', makasih: 'terima kasih',
  // places and things
  liat: 'lihat', ngeliat: 'melihat', keliatan: 'kelihatan', bhs: 'bahasa', bhsa: 'bahasa', bahsa: 'bahasa', rmh: 'rumah', rmah: 'rumah', sklh: 'sekolah', skolah: 'sekolah', hp: 'handphone', medsos: 'media sosial', fb: 'facebook',
  ig: 'instagram', wa: 'whatsapp',
  // English typed in chat, kept as it is: "thank" is not the Javanese "th" for "t" ("tank")
  thank: 'thank', thanks: 'thanks',
};
