import {
  answersStillInDanger, hearsDangerNow, isOnlyAPlea, readAgeAnswer, readAgeInStory, readAnonymity, readCategory, readLanguageAnswer, readLanguageName, readPerpetrator,
  readOngoing, readPlaceType, readReporterRole, readSex, readStory, readYesNo,
} from '../../src/language';

describe('readYesNo', () => {
  it.each([
    'ya', 'iya bu', 'iya setuju', 'betul', 'benar', 'Iyaa', 'nggih', 'iyo', 'yes please', 'masih', 'ok',
    'iya bu tolong anaknya lg dipukulin bapaknya skrg', 'bu, iya', 'iya bu, saya tidak tahu harus bagaimana',
  ])('"%s" is yes', (typed) => expect(readYesNo(typed)).toBe('yes'));
  it.each(['tidak', 'enggak', 'gak', 'ora', 'mboten', 'indak', 'ndak', 'sudah tidak', 'tidak lagi', 'no', 'sudah aman', 'bukan'])(
    '"%s" is no', (typed) => expect(readYesNo(typed)).toBe('no'));
  it.each(['gak tau', 'tidak tahu', 'ndak tau', 'embuh', 'entahlah', "don't know", 'kurang tahu', 'mungkin'])(
    '"%s" is don\'t know', (typed) => expect(readYesNo(typed)).toBe('unknown'));
  it.each(['iya, eh tidak', 'anaknya di rumah', 'halo', ''])('"%s" gives no answer', (typed) => expect(readYesNo(typed)).toBeUndefined());
});

describe('answers in the reporter\'s words', () => {
  it('reporter role', () => {
    expect(readReporterRole('sy tetangganya')).toBe('neighbour_community');
    expect(readReporterRole('saya ibunya')).toBe('parent_guardian');
    expect(readReporterRole('gurunya')).toBe('teacher_school');
    expect(readReporterRole('tonggone')).toBe('neighbour_community');
    expect(readReporterRole('aku pamannya')).toBe('relative');
    expect(readReporterRole('bidan desa')).toBe('health_worker');
  });
  it('perpetrator', () => {
    expect(readPerpetrator('bapaknya')).toBe('orang_tua');
    expect(readPerpetrator('apaknyo')).toBe('orang_tua');
    expect(readPerpetrator('pacarnya')).toBe('pacar_teman');
    expect(readPerpetrator('tidak kenal orangnya')).toBe('orang_tak_dikenal');
    expect(readPerpetrator('majikannya')).toBe('majikan');
  });
  it('place', () => {
    expect(readPlaceType('dirumahnya')).toBe('rumah_tangga');
    expect(readPlaceType('nang omah')).toBe('rumah_tangga');
    expect(readPlaceType('di sekolahnya')).toBe('sekolah');
    expect(readPlaceType('lewat facebook')).toBe('media_sosial_daring');
  });
  it('category', () => {
    expect(readCategory('ditelantarin')).toBe('penelantaran');
    expect(readCategory('dipukulin')).toBe('kekerasan_fisik');
    expect(readCategory('digebuki')).toBe('kekerasan_fisik');
    expect(readCategory('dicabuli pamannya')).toBe('kekerasan_seksual');
    expect(readCategory('dibully temannya')).toBe('perundungan');
    expect(readCategory('mau dinikahkan')).toBe('perkawinan_anak');
  });
  it('anonymity', () => {
    expect(readAnonymity('ya anonim aja')).toBe(true);
    expect(readAnonymity('anonim')).toBe(true);
    expect(readAnonymity('tidak usah anonim')).toBe(false);
    expect(readAnonymity('gak')).toBe(false);
    expect(readAnonymity('boleh dihubungi')).toBe(false);
  });
  it('language names', () => {
    expect(readLanguageName('english')).toBe('en');
    expect(readLanguageName('bahasa inggris')).toBe('en');
    expect(readLanguageName('Bahasa Indonesia')).toBe('id');
    expect(readLanguageName('english teacher at school')).toBeUndefined();
  });

  it('reads a sentence that asks for one language at the language question only', () => {
    expect(readLanguageAnswer('can we speak english')).toBe('en');
    expect(readLanguageAnswer('pake bhs indo aja')).toBe('id');
    expect(readLanguageAnswer('english teacher at school')).toBeUndefined();
    expect(readLanguageAnswer('jangan bahasa inggris, bahasa indonesia saja')).toBe('id');
    // Anywhere else a story may name a language without asking for it.
    expect(readLanguageName('guru bahasa inggris memukul anak saya')).toBeUndefined();
  });
});

describe('age', () => {
  it.each([
    ['4', 4], ['around 4', 4], ['4 thn', 4], ['empat tahun', 4], ['umur 4', 4], ['4thn', 4], ['sekitar 4 tahunan', 4],
    ['dua belas tahun', 12], ['papat taun', 4], ['ampek taun', 4], ['15', 15], ['8 bulan', 0], ['kira2 10', 10], ['20 tahun', 20],
  ])('"%s" is %i years', (typed, years) => expect(readAgeAnswer(typed)?.age).toBe(years));
  it('reads bands from words and school grades, never a grade as the age', () => {
    expect(readAgeAnswer('kelas 3 SD')).toEqual({ band: '6-12' });
    expect(readAgeAnswer('balita')).toEqual({ band: '0-5' });
    expect(readAgeAnswer('SMP')).toEqual({ band: '13-17' });
    expect(readAgeAnswer('13-17 tahun')).toEqual({ band: '13-17' });
    expect(readAgeAnswer('masih kecil sekali')).toBeUndefined();
  });
  it('in a story, only a stated age, not a duration', () => {
    expect(readAgeInStory('anak umur 4 dipukuli')?.age).toBe(4);
    expect(readAgeInStory('sudah 2 tahun dipukuli')).toBeUndefined();
    expect(readAgeInStory('bayi 8 bulan ditinggal')).toEqual({ age: 0, band: '0-5' });
  });
});

describe('danger now', () => {
  it.each([
    'iya bu tolong anaknya lg dipukulin bapaknya skrg',
    'tolong ada anak dipukuli sekarang',
    'anaknya sedang disiksa',
    'anake lagi digebuki bapake saiki',
    'anaknyo dipukua kini',
    'anaknya pingsan',
    'dia mau bunuh diri',
  ])('"%s" is danger now', (typed) => expect(hearsDangerNow(typed)).toBe(true));
  it.each([
    'anak tetangga sering dipukul ayahnya',
    'kemarin dipukul sampai berdarah',
    'sudah tidak dipukul lagi sekarang',
    'dipukul lagi minggu lalu',
    'tidak',
  ])('"%s" is not', (typed) => expect(hearsDangerNow(typed)).toBe(false));
});

describe('readStory', () => {
  it('takes from the story what it says', () => {
    const facts = readStory('Tolong, anak perempuan tetangga saya umur 4 tahun lg dipukulin bapaknya dirumahnya skrg');
    expect(facts).toMatchObject({
      isStory: true, category: 'kekerasan_fisik', dangerNow: true, age: { age: 4, band: '0-5' }, sex: 'perempuan',
      perpetrator: 'orang_tua', place: 'rumah_tangga', reporterRole: 'neighbour_community', ongoing: 'yes',
    });
  });
  it('does not take the child\'s family for the perpetrator', () => {
    expect(readStory('anak tetangga saya ditelantarkan, tidak dikasih makan').perpetrator).toBeUndefined();
  });
  it('a greeting is not a story', () => {
    expect(readStory('halo').isStory).toBe(false);
    expect(readStory('selamat pagi, mau tanya').isStory).toBe(false);
  });
});

describe('a long greeting or question is not a story', () => {
  it.each([
    'selamat pagi bu saya mau tanya bagaimana cara melapor lewat layanan ini ya terima kasih',
    'halo, ini benar layanan pengaduan dinas sosial kabupaten? saya mau bertanya dulu',
  ])('"%s"', (typed) => expect(readStory(typed).isStory).toBe(false));
  it('a child with who or where is one, even without a harm word', () => {
    expect(readStory('anak umur 3 tahun sendirian di rumah kosong sejak pagi').isStory).toBe(true);
  });
});

describe('still going on, and a few more forms', () => {
  it.each([['sampai sekarang masih', 'yes'], ['isih terus', 'yes'], ['tiap hari', 'yes'], ['sudah tidak', 'no'], ['wis ora', 'no'], ['halo', undefined]])(
    'readOngoing("%s") is %s', (typed, ongoing) => expect(readOngoing(typed)).toBe(ongoing));
  it('"not sure" is don\'t know; "omnya" is family', () => {
    expect(readYesNo('not sure')).toBe('unknown');
    expect(readPerpetrator('omnya')).toBe('keluarga');
  });
});

describe('answers of the second round (issue 12): hedges, refusals, names, Javanese and Malay', () => {
  it('hears a hedged yes and a refused yes', () => {
    expect(readYesNo('sepertinya iya')).toBe('yes');
    expect(readYesNo('enggeh')).toBe('yes');
    expect(readYesNo('indak mau')).toBe('no');
    expect(readYesNo('tidak setuju')).toBe('no');
    expect(readYesNo('iya tidak')).toBeUndefined();
  });

  it('reads using one\'s name as not anonymous, refusing it as anonymous', () => {
    expect(readAnonymity('pake namaku ae')).toBe(false);
    expect(readAnonymity('ndak apa apa pakai nama')).toBe(false);
    expect(readAnonymity('gk usah pake nama')).toBe(true);
    expect(readAnonymity('ojo disebut jenengku')).toBe(true);
    expect(readAnonymity('use my name')).toBe(false);
  });

  it('reads a bare "aku" as the child, and Minang "mamak" as an uncle', () => {
    expect(readReporterRole('aku')).toBe('child_self');
    expect(readReporterRole('ambo mamaknyo')).toBe('relative');
    expect(readReporterRole('sy tetangganya')).toBe('neighbour_community');
  });

  it('reads categories said in one word, "sekolah" only as a whole answer', () => {
    expect(readCategory('didol')).toBe('perdagangan_orang');
    expect(readCategory('diantemi')).toBe('kekerasan_fisik');
    expect(readCategory('bansos')).toBe('kesejahteraan_sosial');
    expect(readCategory('sekolah')).toBe('pendidikan');
    expect(readCategory('guru di sekolah itu memegang murid')).toBeUndefined();
  });

  it('reads "stopped" in Javanese and Malay, a grade with its school level, and a bare plea', () => {
    expect(readOngoing('wes mandeg')).toBe('no');
    expect(readOngoing('alah baranti')).toBe('no');
    expect(readAgeAnswer('kelas 2 SMP')).toMatchObject({ band: '13-17' });
    expect(isOnlyAPlea('tolong')).toBe(true);
    expect(isOnlyAPlea('tolong urus akta')).toBe(false);
  });
});

describe('time and desa in a story', () => {
  it('keeps them as written', () => {
    expect(readStory('anak tetangga dipukuli bapaknya tadi malam di desa Pulai Payung')).toMatchObject({ when: 'tadi malam', desa: 'Pulai Payung' });
    expect(readStory('Sejak Januari anak itu ditinggal sendirian').when).toBe('Sejak Januari');
    expect(readStory('anak saya dipukul di rumah desa kami')).toMatchObject({ when: undefined, desa: undefined });
  });
});

// Classes of typed answers the intake misread on held-out 3 (triage-2026.12-4), each with words written for this test.
describe('answer classes read since held-out 3', () => {
  it('reads Javanese krama possessives (-ipun) and dh/th spellings', () => {
    expect(readReporterRole('kulo mbahipun')).toBe('relative');
    expect(readYesNo('sampun mandheg')).toBe('no');
  });

  it('hears "did not see" and "not clear" as not knowing', () => {
    expect(readYesNo('gak liat jelas, gak tau')).toBe('unknown');
    expect(readYesNo('kurang jelas')).toBe('unknown');
  });

  it('reads a welfare topic the child lacks as that topic', () => {
    expect(readCategory('anak saya tidak punya akta')).toBe('dokumen_kependudukan');
    expect(readCategory('anak saya tidak dipukul')).toBeUndefined();
  });

  it('takes "not yet stopped" and a named danger as still in danger, "it is past" as over', () => {
    expect(answersStillInDanger('belum berhenti dari tadi')).toBe(true);
    expect(answersStillInDanger('darurat pak')).toBe(true);
    expect(answersStillInDanger('tidak bahaya')).toBe(false);
    expect(readYesNo('sudah lewat, anaknya aman')).toBe('no');
  });

  it('reads "no need for my name" as anonymous and a name given as not', () => {
    expect(readAnonymity('gak usah nama saya')).toBe(true);
    expect(readAnonymity('jangan sebut nama')).toBe(true);
    expect(readAnonymity('iya, nama saya Budi')).toBe(false);
  });

  it('reads Malay and krama people words, and a school level before "kelas"', () => {
    expect(readPerpetrator('jirannyo')).toBe('tetangga');
    expect(readPerpetrator('orang sebelah rumah')).toBe('tetangga');
    expect(readSex('jaler')).toBe('laki_laki');
    expect(readAgeAnswer('SMP kelas 2')).toEqual({ band: '13-17' });
    expect(readAgeAnswer('nam baleh')).toBeUndefined();
    expect(readAgeAnswer('tujuah baleh')).toMatchObject({ age: 17 });
  });
});

// Classes of typed answers misread on held-out 4 (triage-2026.12-5), each with words written for this test.
describe('answers in the reporter\'s words, held-out 4 classes', () => {
  it('takes a language named with words of preference only, and the other language when one is refused', () => {
    expect(readLanguageAnswer('indo aja mbak')).toBe('id');
    expect(readLanguageAnswer('english please kak')).toBe('en');
    expect(readLanguageAnswer('boso indonesia wae')).toBe('id');
    expect(readLanguageAnswer("sorry I can't read Indonesian")).toBe('en');
    expect(readLanguageAnswer('english teacher at school')).toBeUndefined();
  });

  it('reads not wanting to be found out as anonymous, and a secrecy not needed as not', () => {
    expect(readAnonymity('saya gak mau ketahuan sama keluarganya')).toBe(true);
    expect(readAnonymity('jangan sampai diketahui pelaku ya')).toBe(true);
    expect(readAnonymity('tidak usah dirahasiakan')).toBe(false);
  });

  it('reads "once only" and "it stopped" as over, an answer after "sekarang", and SMS sex words', () => {
    expect(readYesNo('cuma sekali itu')).toBe('no');
    expect(readYesNo('it has stopped')).toBe('no');
    expect(readYesNo('sekarang sih tidak')).toBe('no');
    expect(readSex('cwe kelas 4')).toBe('perempuan');
    expect(readSex('cwo')).toBe('laki_laki');
  });
});
