// Javanese as spoken in Jombang (East Javanese, "Jawa Timuran"), ngoko and the common krama words, mapped to
// Indonesian. Source: general knowledge of East Javanese; spellings as people type them in chat (both "nggih" and
// "ngih"). No published dictionary was copied; where a word has several senses only the one a report needs is kept.

export const JAVANESE_JOMBANG: Readonly<Record<string, string>> = {
  // yes / no / don't know
  nggih: 'iya', ngih: 'iya', enggih: 'iya', enggeh: 'iya', nggeh: 'iya', ngeh: 'iya', gelem: 'mau', emoh: 'tidak mau', inggih: 'iya', iyo: 'iya', yo: 'iya',   ora: 'tidak', gak: 'tidak', mboten: 'tidak', boten: 'tidak', mbonten: 'tidak', dudu: 'bukan', durung: 'belum', dereng: 'belum',
  embuh: 'entah', mboh: 'entah', mbuh: 'entah', njih: 'iya', njeh: 'iya', sumonggo: 'silakan', sumangga: 'silakan',
  yowes: 'ya sudah', yawes: 'ya sudah', yawis: 'ya sudah', mangertos: 'tahu', mangertosi: 'tahu', sumerep: 'tahu', ngertos: 'tahu', weruh: 'tahu', reti: 'tahu', ngerti: 'tahu', sampun: 'sudah', wes: 'sudah', uwes: 'sudah', wis: 'sudah',
  isih: 'masih', isik: 'masih', iseh: 'masih', purun: 'mau', matur: 'bilang', sepuh: 'tua', sepuhipun: 'orang tua', tiyang: 'orang', taksih: 'masih', saiki: 'sekarang', sakniki: 'sekarang', saiki2: 'sekarang', nembe: 'baru', wingi: 'kemarin',
  // people
  aku: 'saya', kulo: 'saya', kula: 'saya', awakdewe: 'kami', arek: 'anak', cah: 'anak', bocah: 'anak', putrane: 'anaknya',
  anake: 'anaknya', bapake: 'bapaknya', romo: 'bapak', abah: 'bapak', ibuk: 'ibu', mbok: 'ibu',   ibune: 'ibunya', emake: 'ibunya', mbah: 'kakek', mbahe: 'kakeknya', eyang: 'kakek', simbah: 'kakek', mbokde: 'bibi',  pakdhe: 'paman', pakde: 'paman', paklik: 'paman', bulik: 'bibi',
  budhe: 'bibi', bude: 'bibi', mas: 'kakak', mbak: 'kakak', mbakyu: 'kakak', adhik: 'adik', tonggo: 'tetangga', tonggoku: 'tetangga saya', tanggane: 'tetangganya',
  tonggone: 'tetangganya', konco: 'teman', kanca: 'teman', koncone: 'temannya', gurune: 'gurunya', wong: 'orang', uwong: 'orang',
  lanang: 'laki-laki', wedok: 'perempuan', wadon: 'perempuan',   // harm and danger
  digebuki: 'dipukuli', digebugi: 'dipukuli', digebug: 'dipukul', diantemi: 'dipukuli', antem: 'pukul', didol: 'dijual', dol: 'jual', digebuk: 'dipukul', gebuk: 'pukul', ngantem: 'memukul', diantem: 'dipukul', dikaplok: 'ditampar', kaplok: 'tampar',
  ditapuk: 'ditampar', disepak: 'ditendang', dipateni: 'dibunuh', pateni: 'bunuh', getihen: 'berdarah', getih: 'darah',
  semaput: 'pingsan', nangis: 'menangis', wedi: 'takut', nesu: 'marah', diuncali: 'dilempari', dijotos: 'dipukul', jotos: 'pukul',
  keluwen: 'kelaparan', luwe: 'lapar', tulung: 'tolong', tulungen: 'tolong',
  // places and words around them
  dikon: 'disuruh', ojo: 'jangan', jeneng: 'nama', nami: 'nama', nyebut: 'sebut', nyebutaken: 'menyebutkan', jenengku: 'namaku', jenenge: 'namanya', liyane: 'lainnya', liya: 'lain', liyo: 'lain',
  // "wis mari": it is over (of an illness or a trouble), "mandeg": it stopped
  mari: 'selesai', mandeg: 'berhenti', mandek: 'berhenti', kon: 'suruh', kerjo: 'kerja', kene: 'sini', wae: 'saja', ae: 'saja', iki: 'ini', saben: 'setiap', dino: 'hari',
  nang: 'di', neng: 'di', ning: 'di', ndek: 'di', nok: 'di', omah: 'rumah', omahe: 'rumahnya', griya: 'rumah', sekolahan: 'sekolah',
  dalan: 'jalan', dewe: 'sendiri', dhewe: 'sendiri', dewean: 'sendirian', karo: 'dengan', ambek: 'dengan',
  mbek: 'dengan', lan: 'dan', iku: 'itu', sing: 'yang', kabeh: 'semua', umure: 'umurnya',   // numbers (for the age)
  siji: 'satu', loro: 'dua', telu: 'tiga', papat: 'empat', limo: 'lima', enem: 'enam', pitu: 'tujuh', wolu: 'delapan',
  songo: 'sembilan', sanga: 'sembilan', sewelas: 'sebelas', rolas: 'dua belas', telulas: 'tiga belas', patbelas: 'empat belas',
  limolas: 'lima belas', nembelas: 'enam belas', pitulas: 'tujuh belas',
  // before "taun" a number takes -ng: "limang taun", "pitung taun", "rong taun"
  rong: 'dua', telung: 'tiga', patang: 'empat', limang: 'lima', nem: 'enam', pitung: 'tujuh', wolung: 'delapan', sangang: 'sembilan',
  wolulas: 'delapan belas', sangalas: 'sembilan belas', rongpuluh: 'dua puluh', selikur: 'dua puluh satu',
  // 25, 50 and 60 have their own words: "selawe", "seket", "sewidak"; "sasi" is a month
  selawe: 'dua puluh lima', seket: 'lima puluh', sewidak: 'enam puluh', sasi: 'bulan',
  // krama numbers: "setunggal", "kalih", "tigang", "sekawan", "gangsal", "sedasa", "kalih welas"
  setunggal: 'satu', kalih: 'dua', tigang: 'tiga', sekawan: 'empat', gangsal: 'lima', sedasa: 'sepuluh', welas: 'belas',
  ra: 'tidak', cepet: 'cepat',
  // krama words of a report's harm and time ("tatu ing sirah", "mbenjing enjing", "dipuntilar piyambakan"): a parent or a
  // health worker writing politely tells the same danger as one writing ngoko
  tatu: 'luka', tatune: 'lukanya', mbenjing: 'besok', benjing: 'besok', enjing: 'pagi', dalu: 'malam', sonten: 'sore',
  mangke: 'nanti', kesah: 'pergi', piyambakan: 'sendirian', ajrih: 'takut', kuwatos: 'khawatir', kuatos: 'khawatir',
  mantuk: 'pulang', kondur: 'pulang', saweg: 'sedang', ngantos: 'sampai', malih: 'lagi', kaliyan: 'dengan',
  gerah: 'sakit', lara: 'sakit', silit: 'dubur', bokong: 'pantat', wonten: 'ada', dhateng: 'datang', sedaya: 'semua',
  nate: 'pernah', mangkat: 'berangkat', kunjara: 'penjara', dikunjara: 'dipenjara', sae: 'baik', saking: 'dari',
};
