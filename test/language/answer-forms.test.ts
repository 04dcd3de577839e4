import { tokens } from '../../src/language/normalise';
import { saysItIsFine } from '../../src/language/yes-no';
import { readAgeAnswer, readAgeInStory, readAnonymity, readCategory, readLanguageAnswer, readOngoing, readPerpetrator, readPlaceType, readReporterRole, readYesNo } from '../../src/language';

// Answers to the intake's questions by class, in forms the tuning corpus does not list: a form of one class read
// right is the class read right, not one phrase learnt.

describe('yes, no and "don\'t know" by class', () => {
  it.each(['gas', 'gass kak', 'monggo', 'sumangga', 'njeh', 'ambo satuju', 'mangga bu', 'njih', 'hooh', 'ayo lanjut', 'yuk', 'nio', 'ambo nio', 'jadi', 'jadi dong kak', 'go ahead'])(
    'go-ahead words: "%s" is yes', (typed) => expect(readYesNo(typed)).toBe('yes'));
  it.each(['indak nio', 'ora gelem', 'mboten purun', 'emoh', "I don't agree", 'nggak jadi'])(
    'refusals: "%s" is no', (typed) => expect(readYesNo(typed)).toBe('no'));
  it.each(['mbuh', 'mbuh ya', 'kurang paham', 'ora ngerti', 'indak tau', 'belum tahu pasti'])(
    'not knowing: "%s" is don\'t know', (typed) => expect(readYesNo(typed)).toBe('unknown'));
  it.each(['belum berhenti', 'ndak berhenti kak', 'ora mandek', 'tidak aman', 'belum selesai', 'not over'])(
    'a no to stopping is a yes: "%s"', (typed) => expect(readYesNo(typed)).toBe('yes'));
  it.each(['sudah berhenti', 'wis mandek', 'aman', 'alah baranti'])('stopped: "%s" is no', (typed) => expect(readYesNo(typed)).toBe('no'));
  it('"jadi" opening a story is no answer', () => {
    expect(readYesNo('jadi gini bu, anaknya dipukul')).toBeUndefined();
  });
});

describe('ages written as words', () => {
  it.each([
    ['dua puluh tiga', 'adult', 23], ['selawe', 'adult', 25], ['seket', 'adult', 50], ['selikur taun', 'adult', 21], ['wolulas', 'adult', 18],
    ['tigo puluah', 'adult', 30], ['duo puluah limo', 'adult', 25], ['twenty one', 'adult', 21],
    ['sewelas', '6-12', 11], ['patang taun', '0-5', 4], ['nem taun', '6-12', 6], ['sangang taun', '6-12', 9], ['pitulas', '13-17', 17],
    ['ampek', '0-5', 4], ['anam baleh', '13-17', 16], ['tujuah tahun', '6-12', 7], ['sambilan', '6-12', 9], ['duo baleh', '6-12', 12],
    ['enam belas tahun', '13-17', 16], ['kira-kira sembilan', '6-12', 9],
    ['sekawan taun', '0-5', 4], ['umuripun sedasa', '6-12', 10], ['kalih welas', '6-12', 12], ['gangsal welas taun', '13-17', 15],
  ] as const)('"%s" is %s (%i)', (typed, band, age) => expect(readAgeAnswer(typed)).toEqual({ age, band }));
  it.each(['telung sasi', 'limang sasi', 'duo bulan', 'enam bulan', 'pitung wulan'])('months: "%s" is a baby', (typed) => expect(readAgeAnswer(typed)?.band).toBe('0-5'));
  it('a story counts a number of several words once', () => {
    expect(readAgeInStory('anak itu umurnya dua puluh lima tahun')).toBeUndefined();
    expect(readAgeInStory('adik saya umur tiga belas tahun dipukul')).toEqual({ age: 13, band: '13-17' });
  });
});

describe('anonymity: being named or reached is not anonymous', () => {
  it.each(['boleh disebut', 'sebut saja nama saya', 'ga papa pakai nama', 'gak masalah pakai nama saya', 'iyo, sabuik sajo namo ambo',
    'kula purun dipun sebut', 'tidak, saya bisa dihubungi', 'nggak, telpon saya aja', 'no, you can contact me'])(
    '"%s" is not anonymous', (typed) => expect(readAnonymity(typed)).toBe(false));
  it.each(['jangan disebut', 'ndak usah disebut', 'takut disebut namanya', 'saya tidak mau nama saya disebut', 'nama saya jangan disebut',
    'tidak mau dihubungi', 'jangan telpon saya', 'please do not name me', 'kulo mboten purun dipun sebut'])(
    '"%s" is anonymous', (typed) => expect(readAnonymity(typed)).toBe(true));
});

describe('people: kin written in two words, titles, possessives', () => {
  it.each([
    ['bu dhe ne', 'keluarga'], ['pak de nya', 'keluarga'], ['mbah kung e', 'keluarga'], ['mak etek nyo', 'keluarga'],
    ['ibu guru', 'guru'], ['bapak guru ngajinya', 'guru'], ['bu ustadzahnya', 'guru'], ['ibu majikannya', 'majikan'], ['pak sopire', 'lainnya'],
    ['bapak tirinya', 'orang_tua'], ['ibu kandungnya', 'orang_tua'], ['bapak', 'orang_tua'],
    ['ora gelem nyebut', 'not_said'], ['gak mau cerita siapa', 'not_said'], ['indak nio manyabuik', 'not_said'],
  ])('perpetrator "%s" is %s', (typed, relation) => expect(readPerpetrator(typed)).toBe(relation));
  it.each([
    ['pak lik e', 'relative'], ['bu le', 'relative'], ['ibu bidan', 'health_worker'], ['bapak RW', 'neighbour_community'], ['bu guru kelasnya', 'teacher_school'],
    ['warga satu kampung', 'neighbour_community'], ['ibunya', 'parent_guardian'], ['ndak mau bilang', 'other'],
  ])('reporter "%s" is %s', (typed, role) => expect(readReporterRole(typed)).toBe(role));
});

describe('places: where the child works, whatever the building', () => {
  it.each([['di toko tempat dia bekerja', 'tempat_kerja'], ['rumah majikannya', 'tempat_kerja'], ['warung punya bosnya', 'tempat_kerja'],
    ['di rumah, waktu ibunya pergi kerja', 'rumah_tangga'], ['di warung', 'fasilitas_umum']])(
    '"%s" is %s', (typed, place) => expect(readPlaceType(typed)).toBe(place));
});

describe('category, language and age words', () => {
  it.each([['dijual ke tamu', 'eksploitasi_seksual'], ['anaknya dijual ke om-om', 'eksploitasi_seksual'], ['diancam disuruh vcs', 'eksploitasi_seksual'],
    ['dijual ke Malaysia', 'perdagangan_orang'], ['dijual videonya', 'eksploitasi_seksual'], ['ora oleh sekolah karo bapake', 'pendidikan'], ['yang lain', 'lainnya'], ['lain-lain kak', 'lainnya']])(
    'category "%s" is %s', (typed, category) => expect(readCategory(typed)).toBe(category));
  it.each([['english thank you', 'en'], ['Indonesia, makasih', 'id'], ['bahasa indonesia mawon, matur nuwun', 'id']])(
    'language "%s" is %s', (typed, language) => expect(readLanguageAnswer(typed)).toBe(language));
  // A language the reporter says they handle poorly is the one they cannot use, and the other one is asked for.
  it.each([['my english is bad, indonesian please', 'id'], ['bahasa inggris saya kurang bagus, pakai indonesia', 'id'],
    ['english please, my indonesian is poor', 'en'], ['inggris aja kak, bahasa indonesia saya masih kurang', 'en']])(
    'a language handled poorly: "%s" is %s', (typed, language) => expect(readLanguageAnswer(typed)).toBe(language));
  it('a language handled poorly does not make a story into a choice', () => {
    expect(readLanguageAnswer('nilai bahasa inggrisnya kurang, dia dimarahi guru')).toBeUndefined();
  });
  it('a grown-up named, not denied, is an adult', () => {
    expect(readAgeAnswer('sudah dewasa')).toEqual({ band: 'adult' });
    expect(readAgeAnswer('belum dewasa')).toBeUndefined();
    expect(readAgeAnswer('not yet an adult')).toBeUndefined();
    expect(readAgeInStory('dipukul orang dewasa')).toBeUndefined();
  });
  it('on the way is a public place, not the school', () => {
    expect(readPlaceType('di jalan pulang sekolah')).toBe('fasilitas_umum');
    expect(readPlaceType('di kelas')).toBe('sekolah');
  });
});

describe('more of each class', () => {
  it.each(['tiap minggu', 'saben bengi', 'tiok pagi', 'every week'])('recurring: "%s" is still going on', (typed) =>
    expect(readOngoing(typed)).toBe('yes'));
  it.each([['alhamdulillah aman', 'no'], ['untungnya sudah tidak', 'no'], ['bisa jadi', 'unknown'], ['barangkali', 'unknown']] as const)(
    'relief or a hedge before the answer: "%s" is %s', (typed, answer) => expect(readYesNo(typed)).toBe(answer));
  it('school years and newborns', () => {
    expect(readAgeAnswer('kls 2 smp')).toEqual({ band: '13-17' });
    expect(readAgeAnswer('baru lahir')).toEqual({ band: '0-5' });
    expect(readAgeInStory('cucu saya lahir di Malaysia')).toBeUndefined();
  });
  it('siblings and school heads', () => {
    expect(readReporterRole('aku adik e')).toBe('relative');
    expect(readReporterRole('kakak kelasnya')).toBe('other');
    expect(readPerpetrator('adiknya sendiri')).toBe('keluarga');
    expect(readPerpetrator('kepala sekolahnya')).toBe('guru');
  });
});

describe('asked again rather than guessed', () => {
  it('a question back or "next time" is no answer', () => {
    expect(readAgeAnswer('dewasa atau anak?')).toBeUndefined();
    expect(readCategory('lain kali saja')).toBeUndefined();
    expect(readYesNo('jadi gini kak, anak tetangga saya')).toBeUndefined();
    expect(readYesNo('saya mau tanya dulu')).toBeUndefined();
    expect(readYesNo('mau kak')).toBe('yes');
  });
  it('a landlord is not a parent', () => expect(readPerpetrator('bapak kos')).toBe('lainnya'));
  it('a word typed with a double letter that is a word stays ("saat ini aman")', () => {
    expect(tokens('saat ini maaf')).toEqual(['saat', 'ini', 'maaf']);
    expect(readYesNo('saat ini aman')).toBe('no');
  });
});

describe('the head of a noun phrase, and landmarks', () => {
  it.each([['pacar ibunya', 'pacar_teman'], ['teman bapaknya', 'pacar_teman'], ['tukang ojek langganan', 'lainnya'], ['wong liyo, ra kenal', 'orang_tak_dikenal'],
    ['ibu tirinya', 'orang_tua'], ['kakak kelasnya', 'pacar_teman']])('perpetrator "%s" is %s', (typed, relation) => expect(readPerpetrator(typed)).toBe(relation));
  it.each([['di rumah kosong dekat sawah', 'rumah_tangga'], ['di warung depan sekolah', 'fasilitas_umum'], ['di depan sekolah', 'sekolah']])(
    'place "%s" is %s', (typed, place) => expect(readPlaceType(typed)).toBe(place));
  it.each([['yowes monggo', 'yes'], ['kulo mboten mangertosi', 'unknown'], ['udah lama berhenti', 'no']] as const)(
    '"%s" is %s', (typed, answer) => expect(readYesNo(typed)).toBe(answer));
  it('stopping denied is no stop', () => expect(readYesNo('dia belum juga berhenti')).toBeUndefined());
});

describe('"it is fine" and one-unit ages', () => {
  it.each(['gak papa lanjut', 'tidak masalah', 'ndak popo', 'ora popo kok'])('"%s" says it is fine', (typed) => expect(saysItIsFine(typed)).toBe(true));
  it.each(['gak papa, saya gak mau', 'tidak', 'iya'])('"%s" does not', (typed) => expect(saysItIsFine(typed)).toBe(false));
  it('ages', () => {
    expect(readAgeAnswer('setahun')).toEqual({ age: 1, band: '0-5' });
    expect(readAgeAnswer('dua puluhan')).toEqual({ age: 20, band: 'adult' });
    expect(readAgeInStory('setahun lalu dia dipukul')).toBeUndefined();
  });
});
