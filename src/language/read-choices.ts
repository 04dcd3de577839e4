import type { Category, PerpetratorRelation, PlaceType, ReporterRole, Sex } from '../reports/report-vocabulary';
import { affirmed, findPhrase, firstConcept, hasPhrase, isNegated, readWords, type Words } from './words';
import { stemWord } from './stem';
import { readYesNo } from './yes-no';

// The option a reporter means when they answer in their own words instead of picking from the list. Each table is
// in priority order: the first option with a phrase in the text wins. Phrases are matched by standard word or root,
// so "tetangganya", "tonggo" and "tetangga saya" all find "tetangga".

type Table<V> = readonly (readonly [V, readonly string[]])[];

const PARENT = ['orang tua', 'bapak', 'ayah', 'ibu', 'mama', 'papa', 'abah', 'umi', 'wali', 'bapak tiri', 'ibu tiri', 'ayah tiri', 'father', 'mother', 'parent', 'dad', 'mom', 'stepfather'];
/** Javanese and Malay kin written as two words ("pak lik", "bu dhe", "mbah kung", "mak etek"): before the parent words. */
const KIN_COMPOUNDS = ['pak lik', 'pak le', 'pak de', 'pak dhe', 'bu lik', 'bu le', 'bu de', 'bu dhe', 'mbok de', 'mbok dhe', 'mbah kung', 'mbah kakung',
  'mbah uti', 'mbah putri', 'pak cik', 'mak cik', 'pak etek', 'mak etek', 'pak tuo', 'mak tuo', 'pak ngah', 'mak ngah'];
const RELATIVE = ['keluarga', 'kerabat', 'saudara', 'paman', 'bibi', 'tante', 'kakak', 'abang', 'adik', 'kakek', 'nenek', 'sepupu', 'keponakan', 'ponakan', 'cucu', 'ipar', 'uncle', 'aunt', 'grandfather', 'grandmother', 'cousin', 'brother', 'sister', 'relative'];

const REPORTER_ROLES: Table<ReporterRole> = [
  // A schoolmate, not a sibling: "kakak kelasnya".
  ['other', ['kakak kelas', 'adik kelas', 'kakak tingkat', 'teman sekelas']],
  // "it's about me", "soal saya sendiri": the report is about the speaker.
  ['child_self', ['saya sendiri', 'saya korban', 'saya anaknya', 'saya anak', 'korban', 'diri sendiri', 'myself', 'i am the child', 'it is me', 'the kid', 'the child', 'its me',
    'about me', 'tentang saya', 'soal saya', 'mengenai saya']],
  ['teacher_school', ['guru', 'pihak sekolah', 'sekolah', 'wali kelas', 'kepala sekolah', 'ustad', 'ustadz', 'ustaz', 'ustazah', 'ustadzah', 'teacher', 'school']],
  ['health_worker', ['bidan', 'perawat', 'dokter', 'nakes', 'tenaga kesehatan', 'puskesmas', 'kader', 'nurse', 'doctor', 'midwife']],
  ['neighbour_community', ['tetangga', 'warga', 'masyarakat', 'rt', 'rw', 'kepala desa', 'kades', 'orang kampung', 'sekampung', 'satu kampung',
    'sak kampung', 'sedesa', 'satu desa', 'neighbour', 'neighbor', 'community',
    // Village officials speak for the community: "kepala dusun", "kadus", "pak lurah", "wali nagari" (Minang).
    'kepala dusun', 'kadus', 'lurah', 'perangkat desa', 'aparat desa', 'kepala kampung', 'wali nagari', 'tokoh masyarakat', 'village head',
    // Javanese "tangga" is a neighbour; only here, where no one answers "stairs".
    'tangga']],
  ['relative', KIN_COMPOUNDS],
  ['parent_guardian', PARENT],
  ['relative', RELATIVE],
  // Someone there for their work, not for the child: an NGO companion, a journalist, a volunteer.
  ['other', ['lainnya', 'lain', 'other', 'orang lain', 'teman', 'orang lewat', 'lewat', 'kebetulan lewat', 'sopir', 'ojol', 'ojek', 'kenal di', 'passer', 'lsm', 'ngo', 'yayasan', 'pendamping', 'relawan', 'wartawan', 'jurnalis', 'journalist', 'volunteer']],
  // Last: someone who only saw it ("cuma liat di jalan", "saw it on facebook") or knows the child through a trade or a
  // club ("pemilik warung", "his football coach") and is none of the above.
  ['other', ['lihat', 'melihat', 'saw', 'seen', 'witness', 'saksi', 'tidak kenal', "don't know", 'pemilik', 'owner', 'pedagang', 'penjual', 'pelatih', 'coach', 'trainer']],
];

const PERPETRATORS: Table<PerpetratorRelation> = [
  // Before the family words: a "kakak kelas" is an older pupil, not a sibling.
  ['pacar_teman', ['kakak kelas', 'adik kelas', 'teman sekelas', 'teman sekolah', 'senior']],
  // Before the parent words: a "wali kelas" is the class teacher, not a guardian.
  ['guru', ['wali kelas', 'kepala sekolah', 'kepsek', 'homeroom teacher', 'headmaster', 'principal']],
  ['orang_tak_dikenal', ['tidak kenal', 'tak dikenal', 'tidak dikenal', 'orang asing', 'stranger', 'unknown person']],
  ['not_said', ['tidak mau sebut', 'tidak ingin sebut', 'tidak saya sebut', 'tidak mau bilang', 'tidak mau kasih tahu', 'rahasia', 'rather not say', 'prefer not']],
  ['keluarga', KIN_COMPOUNDS],
  ['orang_tua', PARENT],
  ['keluarga', RELATIVE],
  ['pacar_teman', ['pacar', 'teman', 'kawan', 'cowok', 'boyfriend', 'girlfriend', 'friend', 'friends', 'classmate', 'classmates']],
  ['tetangga', ['tetangga', 'sebelah rumah', 'depan rumah', 'neighbour', 'neighbor']],
  ['guru', ['guru', 'ustad', 'ustadz', 'ustaz', 'ustazah', 'ustadzah', 'pengajar', 'teacher']],
  ['majikan', ['majikan', 'bos', 'juragan', 'toke', 'tauke', 'mandor', 'employer', 'boss']],
  // People paid to look after or carry children, not family or school staff: the officer records them as "other".
  // "bapak kos": the landlord of a rented room, not a parent.
  ['lainnya', ['lainnya', 'orang lain', 'other', 'sopir', 'supir', 'driver', 'pengasuh', 'panti', 'satpam', 'penjaga', 'kos', 'induk semang', 'landlord',
    'ojek', 'ojol', 'tukang', 'kernet', 'kondektur',
    // A coach of a club or a sport ("pelatih silat", "football coach") is not school staff, as at the reporter question.
    'pelatih', 'coach', 'trainer']],
];

/**
 * Open land and water, and a boat: no building of the public's, so "other", unless the answer says the child works
 * there ("kerja di kebun sawit", "buruh di kapal": a workplace).
 */
const OPEN_PLACES = ['sungai', 'pantai', 'laut', 'danau', 'kebun', 'sawah', 'ladang', 'hutan', 'kapal', 'perahu', 'river', 'beach', 'field', 'forest', 'boat'];
const WORK_WORDS = ['kerja', 'work', 'buruh', 'nelayan', 'panen', 'upah', 'gaji'];

const PLACES: Table<PlaceType> = [
  // On the way to or from somewhere is a public place: "di jalan pulang sekolah" is not at school.
  ['fasilitas_umum', ['jalan pulang', 'jalan ke sekolah', 'pulang sekolah', 'pulang dari sekolah', 'berangkat sekolah', 'perjalanan', 'on the way']],
  ['media_sosial_daring', ['online', 'daring', 'media sosial', 'facebook', 'instagram', 'tiktok', 'whatsapp', 'internet', 'game', 'chat', 'handphone', 'youtube', 'social media']],
  ['sekolah', ['sekolah', 'kelas', 'sd', 'smp', 'sma', 'smk', 'mts', 'paud', 'tk', 'pesantren', 'pondok', 'madrasah', 'asrama', 'school']],
  // A fishing boat or platform is where children are put to work ("kapal ikan", "jermal").
  ['tempat_kerja', ['tempat kerja', 'pabrik', 'kantor', 'bengkel', 'kapal ikan', 'kapal nelayan', 'perahu nelayan', 'jermal', 'fishing boat', 'workplace', 'work']],
  ['fasilitas_umum', ['fasilitas umum', 'alun', 'jalan', 'pasar', 'masjid', 'lapangan', 'taman', 'terminal', 'warung', 'toko', 'street', 'market', 'park']],
  ['rumah_tangga', ['rumah', 'kamar', 'dapur', 'kos', 'kontrakan', 'home', 'house']],
  ['lainnya', ['lainnya', 'lain', 'other', 'penginapan', 'losmen', 'hotel', 'homestay', 'villa', ...OPEN_PLACES]],
];

/** Physical first among what a story often mixes; sexual violence and trafficking before everything. */
const CATEGORIES: Table<Category> = [
  ['kekerasan_seksual', ['perkosa', 'cabul', 'leceh', 'raba', 'setubuh', 'sodomi', 'grepe', 'kemaluan', 'alat kelamin', 'bugil', 'telanjang', 'rape', 'raped', 'sexual', 'sexually', 'molest', 'molested']],
  // Sold to men ("dijual ke om-om", "jual ke tamu") and forced sex on camera ("dipaksa VCS") are exploitation, before
  // the trafficking words.
  ['eksploitasi_seksual', ['jual ke om', 'jual ke tamu', 'jual ke pria', 'jual ke lelaki', 'jual ke laki', 'jual ke hidung belang', 'vcs',
    'video call sex', 'video call seks', 'video call sexual', 'sextortion', 'jual foto', 'jual video', 'jual diri', 'open bo', 'prostitusi', 'pelacur', 'psk', 'pekerja seks', 'lonte', 'layani tamu', 'eksploitasi seksual']],
  ['perdagangan_orang', ['dijual', 'jual anak', 'perdagangan', 'trafficking', 'traffick']],
  ['perkawinan_anak', ['nikah', 'kawin', 'jodoh', 'menikah', 'married', 'marriage']],
  ['kekerasan_fisik', ['pukul', 'tendang', 'tampar', 'cekik', 'hajar', 'siksa', 'aniaya', 'bacok', 'tusuk', 'sundut', 'jambak', 'banting', 'cubit', 'cambuk', 'lempar', 'memar', 'lebam', 'kdrt', 'kekerasan fisik', 'beat', 'beaten', 'beating', 'hit', 'hitting', 'kick', 'kicked', 'slapped', 'fisik',
    // "physical abuse"; Javanese blows to the head or face ("dikeplaki", "ditabok", "ditempeleng", "dijitak").
    'physical', 'physically', 'keplak', 'tabok', 'tempeleng', 'jitak', 'gampar', 'jewer']],
  ['eksploitasi_ekonomi', ['suruh kerja', 'paksa kerja', 'kerja paksa', 'emis', 'pengemis', 'suruh jualan', 'suruh ngamen', 'ngamen', 'buruh anak', 'child labour', 'pekerja anak', 'dipekerjakan', 'pekerjakan', 'kerja anak', 'forced to work', 'made to work', 'dikon kerjo', 'disuruah karajo']],
  ['penelantaran', ['telantar', 'ditinggal', 'ditinggalkan', 'sendirian', 'tinggal sendiri', 'tidak diurus', 'tidak dirawat', 'tidak dikasih makan', 'tidak diberi makan', 'lapar', 'tidak terurus', 'dibuang', 'neglect', 'neglected', 'abandon', 'abandoned', 'left alone']],
  ['perundungan', ['bully', 'bullied', 'bullying', 'rundung', 'ejek', 'olok', 'kucil', 'palak']],
  ['kekerasan_psikis', ['bentak', 'maki', 'hina', 'ancam', 'marahi', 'dimarahi', 'dikatai', 'kata kasar', 'trauma', 'psikis', 'threat', 'threatened', 'verbal', 'emotional', 'emotionally']],
  ['dokumen_kependudukan', ['akta', 'akte', 'akte lahir', 'kartu keluarga', 'dokumen', 'identitas', 'ktp', 'birth certificate']],
  // "ora oleh sekolah": Javanese "oleh" is "boleh" (in Indonesian "oleh" is "by", so only in this phrase)
  ['pendidikan', ['putus sekolah', 'tidak sekolah', 'tidak boleh sekolah', 'tidak oleh sekolah', 'dilarang sekolah', 'tidak diizinkan sekolah', 'keluar sekolah', 'pendidikan', 'education', 'beasiswa', 'kip', 'pip', 'scholarship']],
  ['kesehatan', ['sakit', 'gizi buruk', 'stunting', 'berobat', 'kesehatan', 'health', 'sick', 'bpjs', 'kis', 'imunisasi', 'puskesmas']],
  // A punishment that is no beating ("dihukum berdiri di lapangan", "hukuman tidak wajar"): mistreatment. A blow named
  // with it is read above as physical.
  ['perlakuan_salah', ['perlakuan salah', 'dihukum', 'hukuman', 'menghukum', 'punished', 'punishment', 'mistreated', 'mistreatment']],
  ['kesejahteraan_sosial', ['miskin', 'bantuan sosial', 'kesejahteraan', 'bansos', 'pkh', 'sembako']],
  // "gak ada di pilihan": none of the options offered.
  ['lainnya', ['tidak ada di pilihan', 'tidak ada pilihan', 'tidak ada yang cocok', 'tidak ada yang sesuai', 'none of these', 'none of them']],
];

const SEXES: Table<Exclude<Sex, 'unknown'>> = [
  ['perempuan', ['perempuan', 'cewek', 'gadis', 'estri', 'putri', 'wanita', 'girl', 'female', 'daughter']],
  // "kakung": Javanese for male (as in "mbah kakung").
  ['laki_laki', ['laki', 'cowok', 'putra', 'jaler', 'pria', 'bujang', 'kakung', 'boy', 'male', 'son']],
];

/** Asked who is reporting, a bare "aku" / "saya" / "ambo" / "me" is the child themself. */
const SPEAKER_ALONE = new Set(['saya', 'me', 'i', 'myself', 'sendiri']);

export function readReporterRole(text: string): ReporterRole | undefined {
  const w = answerWords(text, REPORTER_ROLES);
  const words = w.tokens.filter((t) => t !== '|');
  if (words.length > 0 && words.length <= 2 && words.every((t) => SPEAKER_ALONE.has(t))) return 'child_self';
  // "gak mau bilang", "rahasia": the reporter keeps who they are to themselves, which the officer files as "other".
  // "adiak dari amaknyo", "kakaknya ibu": a relation of a parent is a relative, not the parent (headConcept).
  return headConcept(w, REPORTER_ROLES) ?? (keepsItBack(w) || hasPhrase(w, 'rahasia') ? 'other' : undefined);
}
export function readPerpetrator(text: string): PerpetratorRelation | undefined {
  const w = answerWords(text, PERPETRATORS);
  return headConcept(w, PERPETRATORS) ?? (keepsItBack(w) ? 'not_said' : undefined);
}

/**
 * The table's concept, unless another one stands right before it as the head of one noun phrase: "pacar ibunya"
 * (the mother's boyfriend) is a boyfriend, "teman bapaknya" a friend, "tukang kebun tetangga" not the neighbour.
 * Elsewhere the table's order decides ("wong liyo, ra kenal": a stranger).
 */
function headConcept<V>(w: Words, table: Table<V>): V | undefined {
  const found = table.flatMap(([value, phrases], row) =>
    phrases.flatMap((phrase) => affirmed(w, phrase).map((at) => ({ value, row, at, end: at + phrase.split(/\s+/).length }))));
  const first = found.reduce<(typeof found)[number] | undefined>((best, f) => (best === undefined || f.row < best.row ? f : best), undefined);
  if (!first) return undefined;
  const head = found.find((f) => f.value !== first.value && (f.end === first.at || (f.end === first.at - 1 && ['dari', 'of'].includes(w.tokens[f.end]!))));
  return (head ?? first).value;
}
export function readPlaceType(text: string): PlaceType | undefined {
  const w = answerWords(text, PLACES);
  if (workplace(w)) return 'tempat_kerja';
  if (OPEN_PLACES.some((p) => affirmed(w, p).length > 0) && WORK_WORDS.some((p) => affirmed(w, p).length > 0)) return 'tempat_kerja';
  // "di rumah kosong dekat sawah": a place named after "dekat", "depan", "near" is a landmark, not the place, when
  // the answer names another.
  const named = PLACES.filter(([, phrases]) => phrases.some((p) => affirmed(w, p).length > 0)).map(([place]) => place);
  const onlyNear = (p: string) => affirmed(w, p).length > 0 && affirmed(w, p).every((at) => NEAR.includes(w.tokens[at - 1]!));
  const landmarks = new Set(PLACES.filter(([, phrases]) => phrases.some(onlyNear)).map(([place]) => place));
  return named.find((place) => !landmarks.has(place)) ?? named[0];
}

const NEAR = ['dekat', 'depan', 'belakang', 'samping', 'sebelah', 'seberang', 'near', 'behind', 'opposite'];

/**
 * An answer's words for a table: a title before a role is only a title ("ibu guru", "bapak RT", "bu bidan" name a
 * teacher, an RT head, a midwife, not a parent), and a word the vocabulary does not know still loses its possessive
 * ("ustadzahnya", "sopire", "tokenyo" match "ustadzah", "sopir", "toke").
 */
function answerWords<V>(text: string, table: Table<V>): Words {
  const w = readWords(text);
  const keep = w.tokens.map((t, i) => !(TITLES.has(t) && table.some(([, phrases]) => !FAMILY_PHRASES.has(phrases) && phrases.some((p) => startsAt(w, p, i + 1)))));
  const tokens = w.tokens.filter((_, i) => keep[i]);
  const stems = w.stems.filter((_, i) => keep[i]).map((stem, i) => (stem === tokens[i] ? withoutPossessive(stem) : stem));
  return { tokens, stems };
}

const TITLES = new Set(['bapak', 'ibu', 'pak', 'bu', 'kakak', 'abang', 'bang', 'mbak', 'mas', 'mr', 'mrs', 'ms']);
const FAMILY_PHRASES = new Set<readonly string[]>([PARENT, RELATIVE, KIN_COMPOUNDS]);
const startsAt = (w: Words, phrase: string, at: number) => findPhrase(w, phrase).includes(at);
const withoutPossessive = (word: string) => (/^([a-z]{3,}?)(nya|nyo|ne|ku)$/.exec(word) ?? /^([a-z]{2,}[^aiueo])e$/.exec(word))?.[1] ?? word;

/** "gak mau bilang", "indak nak manyabuik", "ora gelem nyebut": a word for telling, negated. */
const TELLING = ['sebut', 'bilang', 'kasih tahu', 'beri tahu', 'ngomong', 'cerita', 'jawab', 'say', 'tell'];
const keepsItBack = (w: Words) => TELLING.some((p) => findPhrase(w, p).some((at) => isNegated(w, at)));

/** "di warung tempat dia kerja", "tokonya majikan": where the child works, whatever the building. */
const EMPLOYER = ['majikan', 'bos', 'juragan', 'toke', 'tauke', 'mandor', 'employer', 'boss'];
function workplace(w: Words): boolean {
  if (EMPLOYER.some((p) => affirmed(w, p).length > 0)) return true;
  return findPhrase(w, 'tempat').some((at) => w.stems.slice(at + 1, at + 4).some((s) => s === 'kerja' || s === 'work'));
}

/** Words that name a category only as a whole answer: in a story, "sekolah" is where it happened, not the topic. */
const CATEGORY_ANSWER_ONLY: Table<Category> = [
  ['pendidikan', ['sekolah', 'school']],
  // "lain-lain aja", "yang lain"; never "lain kali" (next time).
  ['lainnya', ['lain lain', 'lainnya', 'lain', 'other', 'others']],
];

export function readCategory(text: string): Category | undefined {
  const w = readWords(text);
  const short = w.tokens.filter((t) => t !== '|').length <= 3 && !hasPhrase(w, 'lain kali');
  return firstConcept(w, CATEGORIES) ?? (short ? firstConcept(w, CATEGORY_ANSWER_ONLY) : undefined) ?? welfareTopic(w) ?? (onlyAsking(w) ? 'lainnya' : undefined);
}

/** "mau tanya jam buka", "just asking about …": a question with no harm or service named is no case, i.e. "other". */
const ASKING = ['tanya', 'bertanya', 'nanya', 'menanyakan', 'informasi', 'asking', 'question'];
const onlyAsking = (w: Words) => ASKING.some((p) => affirmed(w, p).length > 0);

/** "belum punya akta", "tidak punya BPJS": a service the child lacks is still the topic, negated or not. A harm
 * negated ("tidak dipukul") is not, so only the welfare categories are read this way. */
const WELFARE_TOPICS = new Set<Category>(['dokumen_kependudukan', 'pendidikan', 'kesehatan', 'kesejahteraan_sosial']);
function welfareTopic(w: Words): Category | undefined {
  return CATEGORIES.find(([category, phrases]) => WELFARE_TOPICS.has(category) && phrases.some((p) => hasPhrase(w, p)))?.[0];
}
export function readSex(text: string): Exclude<Sex, 'unknown'> | undefined {
  const w = readWords(text);
  return firstConcept(w, SEXES) ?? misspeltSex(w);
}

/**
 * A sex word typed one letter off ("prempuan", "lakik", "gadih" in Minang, "cowk"): the one sex whose word of four
 * letters or more is one edit from a word of the answer, when no word names the other sex that way too.
 */
function misspeltSex(w: Words): Exclude<Sex, 'unknown'> | undefined {
  const near = new Set(SEXES.filter(([, words]) =>
    words.some((s) => s.length >= 4 && w.tokens.some((t, i) => t.length >= 4 && oneEditApart(t, s) && !isNegated(w, i)))).map(([sex]) => sex));
  return near.size === 1 ? [...near][0] : undefined;
}

/** One letter changed, added or dropped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + (a.length >= b.length ? 1 : 0)) === y.slice(i + (b.length >= a.length ? 1 : 0));
  return rest(a, b);
}

export { CATEGORIES as CATEGORY_WORDS, PERPETRATORS as PERPETRATOR_WORDS, PLACES as PLACE_WORDS, SEXES as SEX_WORDS };
export type { Table as ConceptTable };

// "sembunyi" as a root: "disembunyikan", "sembunyikan", "tolong disembunyiin".
const ANONYMOUS = ['anonim', 'anonymous', 'rahasia', 'tanpa nama', 'tanpa identitas', 'sembunyikan', 'sembunyi', 'jangan sebut nama', 'samarkan'];
/** Using the reporter's name: "pakai nama saya" is not anonymous, "tidak usah pakai nama" / "ojo disebut jenengku" is. */
const NAMED = ['pakai nama', 'pake nama', 'sebut', 'cantumkan nama', 'tulis nama', 'use my name', 'with my name', 'name me',
  // "siap jadi saksi", "I can testify": a witness is known by name.
  'saksi', 'bersaksi', 'witness', 'testify']
;
/** Being contacted is not being anonymous: "siap dihubungi", "bisa ditelpon", "you can contact me". */
const CONTACTED = ['hubung', 'kontak', 'telepon', 'telpon', 'contact', 'call me'];

/** Whether the reporter wants to stay anonymous: "ya anonim aja" yes, "tidak usah anonim" and "boleh dihubungi" no. */
export function readAnonymity(text: string): boolean | undefined {
  const w = readWords(text);
  if (hasPhrase(w, 'boleh hubung') || hasPhrase(w, 'hubung saja')) return false;
  const named = ANONYMOUS.some((p) => hasPhrase(w, p));
  const said = readYesNo(text);
  if (named) return !negatedAnonymity(w);
  if (fearsBeingKnown(w)) return true;
  // "tidak usah (sebut) nama saya", "ora usah jenengku": no name, i.e. anonymous.
  if (NAME_WORDS.some((p) => findPhrase(w, p).some((at) => noNeed(w, at)))) return true;
  // "boleh, nama saya Siti": the reporter gives their name.
  if (findPhrase(w, 'nama saya').some((at) => givesName(w.tokens[at + 2]))) return false;
  // "boleh disebut", "sebut aja nama saya", "kula purun dipun sebut", "siap dihubungi", "use my name": named or
  // reached, i.e. not anonymous; "jangan disebut", "tidak usah dihubungi", "takut disebut" all say the opposite.
  const withName = [...NAMED, ...CONTACTED].flatMap((p) => findPhrase(w, p));
  if (withName.length) return withName.every((at) => refused(w, at) || refused(w, nameBefore(w, at)));
  return said === 'yes' ? true : said === 'no' ? false : undefined;
}

const NAME_WORDS = ['nama', 'namaku', 'identitas', 'name'];

/** The word after "nama saya" is a name, not "disebut" or "jangan" ("nama saya jangan disebut"). */
const givesName = (next: string | undefined) =>
  next !== undefined && next !== '|' && !['jangan', 'tidak', 'di', 'dirahasiakan', 'rahasia'].includes(next) && !NAMED.some((p) => stemWord(next) === p);

/** Where "nama saya" / "namaku" starts right before a word: "tidak mau [nama saya] disebut" negates the naming. */
function nameBefore(w: Words, at: number): number {
  let start = at;
  while (start > 0 && ['nama', 'namaku', 'saya', 'kami', 'name', 'my', 'identitas'].includes(w.tokens[start - 1]!)) start--;
  return start;
}

const refused = (w: Words, at: number) => isNegated(w, at) || noNeed(w, at) || feared(w, at);

/** "tidak usah", "tidak perlu", "jangan" up to two words before: the reporter does not want it. */
function noNeed(w: Words, at: number): boolean {
  // Within the clause: "ora usah, jenengku ae" declines anonymity, then gives the name.
  const before = w.tokens.slice(Math.max(0, at - 3, w.tokens.lastIndexOf('|', at - 1) + 1), at).join(' ');
  return /\b(tidak usah|tidak perlu|jangan|no need)\b/.test(before);
}

// "tidak usah anonim", "gak perlu dirahasiain": every anonymity word negated or not needed is a no.
function negatedAnonymity(w: Words): boolean {
  if (['tidak anonim', 'tidak usah anonim', 'tidak perlu anonim', 'bukan anonim', 'not anonymous'].some((p) => hasPhrase(w, p))) return true;
  const said = ANONYMOUS.flatMap((p) => findPhrase(w, p));
  return said.length > 0 && said.every((at) => isNegated(w, at) || noNeed(w, at));
}

/** "jangan sampe ketauan saya yg lapor", "aku ga mau ketauan namaku": not to be found out is to stay anonymous. */
const FOUND_OUT = ['ketahuan', 'diketahui', 'found out'];
const fearsBeingKnown = (w: Words) => FOUND_OUT.some((p) => findPhrase(w, p).some((at) => isNegated(w, at) || noNeed(w, at) || feared(w, at)));

/** "takut disebut", "wedi ketahuan", "afraid they find out": up to three words before, the reporter fears it. */
const FEAR = new Set(['takut', 'khawatir', 'malu', 'afraid', 'scared', 'worried']);
function feared(w: Words, at: number): boolean {
  return w.tokens.slice(Math.max(0, at - 3), at).some((t) => FEAR.has(t));
}

export const LanguageNameSchemaValues = ['id', 'en'] as const;

/** "english", "inggris", "bahasa inggris" → en; "indonesia", "bahasa indonesia", "indo" → id; only when that is all it says. */
export function readLanguageName(text: string): (typeof LanguageNameSchemaValues)[number] | undefined {
  const w = readWords(text);
  const words = w.tokens.filter((t) => !['|', 'bahasa', 'language', 'in', 'pakai', 'pake', 'please', 'saja', 'ganti', 'ke'].includes(t));
  if (words.length === 1) {
    if (ENGLISH.includes(words[0]!)) return 'en';
    // "bahasa kita / biasa / sini": the reporter's own language, which on this service is Indonesian.
    if ([...INDONESIAN, 'kita', 'biasa', 'sini', 'kito', 'awak'].includes(words[0]!)) return 'id';
  }
  return undefined;
}

/**
 * The answer to "which language?": a language name as above, or an answer that names one language, and only one, not
 * negated ("can we speak english", "pake bhs indo aja", "inggris aja kak", "english is better for me"). A language
 * named only to refuse it ("I don't speak Indonesian") chooses the other of the two. Only at that question: elsewhere
 * a story may well name a language ("guru bahasa inggris …") without asking for it; an answer with other words
 * still needs a word about speaking, so "english teacher at school" is not read as a choice.
 */
export function readLanguageAnswer(text: string): (typeof LanguageNameSchemaValues)[number] | undefined {
  const name = readLanguageName(text);
  if (name) return name;
  const w = readWords(text);
  const isLanguage = (t: string) => ENGLISH.includes(t) || INDONESIAN.includes(t);
  const refusedAt = (i: number) => isNegated(w, i) || handledPoorly(w, i);
  const named = (negated: boolean) =>
    new Set(w.tokens.flatMap((t, i) => (refusedAt(i) !== negated ? [] : ENGLISH.includes(t) ? ['en' as const] : INDONESIAN.includes(t) ? ['id' as const] : [])));
  const chosen = named(false);
  const refused = named(true);
  // A language refused, and none chosen, is about language whatever the other words ("sorry I can't read Indonesian").
  if (chosen.size === 0 && refused.size === 1) return refused.has('en') ? 'id' : 'en';
  // One language refused and the other asked for ("indonesia saja, saya kurang paham inggris") is about language too.
  if (chosen.size === 1 && refused.size === 1 && !chosen.has([...refused][0]!)) return [...chosen][0];
  const onlyPreference = w.tokens.every((t) => t === '|' || isLanguage(t) || PREFERENCE_WORDS.includes(t));
  if (!onlyPreference && !w.tokens.some((t) => LANGUAGE_CUES.includes(t))) return undefined;
  if (chosen.size === 1) return [...chosen][0];
  return undefined;
}

// "saya kurang paham inggris", "my indonesian is bad": a language the reporter says they handle poorly (two words before,
// three after, within its clause) is the one they cannot use, as if refused.
const POORLY = ['kurang', 'bad', 'poor', 'weak', 'susah', 'sulit', 'limited'];
function handledPoorly(w: Words, at: number): boolean {
  const clauseStart = w.tokens.lastIndexOf('|', at) + 1;
  const next = w.tokens.indexOf('|', at);
  const clauseEnd = next < 0 ? w.tokens.length : next;
  return w.tokens.slice(Math.max(clauseStart, at - 2), Math.min(clauseEnd, at + 4)).some((t) => POORLY.includes(t));
}

// Without a word about speaking, an answer is a choice when its other words only say "please", "just", "better"
// or address the officer ("inggris aja kak", "English pls", "basa indonesia mawon"); "english teacher" is not.
const PREFERENCE_WORDS = ['thanks', 'thank', 'you', 'thx', 'terima', 'kasih', 'matur', 'nuwun', 'suwun', 'aja', 'saja', 'mawon', 'wae', 'ae', 'se', 'sajo', 'pls', 'plz', 'please', 'tolong', 'kak', 'bu', 'pak', 'mas', 'mbak', 'kakak', 'ibu', 'bapak', 'dong', 'ya', 'yo', 'lah', 'is', 'better', 'for', 'me', 'i', 'prefer', 'only', 'lebih', 'enak', 'mudah', 'gampang', 'yang', 'mau', 'maunya', 'want', 'b', 'bhs'];
// "bahaso" (Minang / Mukomuko Malay), "basa" / "boso" (Javanese) are "bahasa"; "b." and "bhs" are its short forms.
const LANGUAGE_CUES = ['bahasa', 'bahaso', 'basa', 'boso', 'bhs', 'language', 'speak', 'talk', 'write', 'read', 'pakai', 'pake', 'ganti', 'use', 'in', 'ngomong', 'bicara', 'berbahasa'];
const ENGLISH = ['english', 'inggris', 'en', 'eng', 'englis', 'inggeris', 'enggres'];
const INDONESIAN = ['indonesia', 'indo', 'indonesian', 'id', 'indonesa', 'indonesie', 'endonesia'];
