// Mukomuko Malay and Minangkabau as spoken in Kabupaten Mukomuko (Bengkulu), mapped to Indonesian. Source: general
// knowledge of Minangkabau (the -ua / -ia / -o endings for Indonesian -ul / -ir / -a, ba- for ber-, sa- for se-) and of
// the Malay spoken on Bengkulu's coast. No published dictionary was copied. Words that are the same in Indonesian
// ("rumah", "anak", "sekolah") need no entry.

export const MUKOMUKO_MALAY: Readonly<Record<string, string>> = {
  // yes / no / don't know
  iyo: 'iya', yo: 'iya', olah: 'iya', indak: 'tidak', ndak: 'tidak', nda: 'tidak', dak: 'tidak', idak: 'tidak', ndk: 'tidak',
  alun: 'belum', alum: 'belum', baalun: 'belum', tantu: 'tentu',   alah: 'sudah', sadang: 'sedang', kini: 'sekarang', kinin: 'sekarang', kiniko: 'sekarang', lai: 'ada',
  // people
  ambo: 'saya', awak: 'saya', aden: 'saya', wak: 'saya', urang: 'orang', apak: 'bapak', apaknyo: 'bapaknya', abak: 'bapak', abaknyo: 'bapaknya',
  amak: 'ibu', mamak: 'paman', mamaknyo: 'pamannya', namo: 'nama', baranti: 'berhenti', abih: 'habis',  amaknyo: 'ibunya', mande: 'ibu', mandenyo: 'ibunya', uni: 'kakak', adiak: 'adik', anaknyo: 'anaknya',
  gaek: 'orang tua', jiran: 'tetangga', jirannyo: 'tetangganya', baleh: 'belas', barhenti: 'berhenti', sabuik: 'sebut', disabuik: 'disebut', inyiak: 'kakek', etek: 'bibi', tetangganyo: 'tetangganya', tatangga: 'tetangga', kawan: 'teman',
  kawannyo: 'temannya', gurunyo: 'gurunya', laki: 'laki-laki', padusi: 'perempuan', jantan: 'laki-laki', batino: 'perempuan',
  // harm and danger
  dipukua: 'dipukuli', dipukuanyo: 'dipukulinya', pukua: 'pukul', mamukua: 'memukul', dipukuanyo2: 'dipukuli', dilabuah: 'dipukul',
  ditampa: 'ditampar', dicakiak: 'dicekik', badarah: 'berdarah',   tolongan: 'tolong', dibunuah: 'dibunuh', takuik: 'takut', manangih: 'menangis', dikuruang: 'dikurung',
  ditinggaan: 'ditinggal', lapa: 'lapar', kalaparan: 'kelaparan', sakik: 'sakit', luko: 'luka', taluko: 'terluka',
  // places and words around them
  dirumahnyo: 'di rumahnya', rumahnyo: 'rumahnya', sakola: 'sekolah', sakolah: 'sekolah',   disuruah: 'disuruh', karajo: 'kerja', siko: 'sini', sajo: 'saja', disiko: 'di sini', ari: 'hari', tiok: 'setiap',
  // Minang drops a final -r (pasa = pasar, baka = bakar) and says -o for -a (tatanggo = tetangga).
  pasa: 'pasar', dipasa: 'di pasar', sabalah: 'sebelah', tatanggo: 'tetangga', tatanggonyo: 'tetangganya', jan: 'jangan', manyabuik: 'menyebut',
  // "nio": want ("ambo nio malapor", "indak nio"); "kampuang": village, "urang sakampuang" a fellow villager
  nio: 'mau', satuju: 'setuju', kampuang: 'kampung', sakampuang: 'sekampung',
  surau: 'masjid', lapau: 'warung', kabun: 'kebun', surang: 'sendiri', sorang: 'sendiri', samo: 'sama', jo: 'dengan',
  nan: 'yang', iko: 'ini', tu: 'itu', umuanyo: 'umurnya', umua: 'umur', taun: 'tahun', baa: 'bagaimana',
  // numbers (for the age)
  ciek: 'satu', duo: 'dua', tigo: 'tiga', ampek: 'empat', limo: 'lima', anam: 'enam', tujuah: 'tujuh', salapan: 'delapan',
  sambilan: 'sembilan', sapuluah: 'sepuluh', puluah: 'puluh', sabaleh: 'sebelas', duobaleh: 'dua belas', tigobaleh: 'tiga belas', ampekbaleh: 'empat belas',
  // a child's wish not to be there, said the Minang way: "labiah elok ambo indak ado", "ambo ko baban se"
  elok: 'baik', baban: 'beban', babannyo: 'bebannya',
};
