import { readAnonymity, readCategory, readOngoing, readPerpetrator, readPlaceType, readReporterRole, readSex } from '../../src/language';
import { readStepAnswer } from '../../scripts/eval/read-step-answer';
import { readYesNo } from '../../src/language/yes-no';

// Round 10: answers written for this file (not taken from any corpus), one per class a reader should know. Each
// failed before the change that made its class read.

describe('who is reporting, said in a sentence', () => {
  it.each([
    ['kakaknya ibu anak itu', 'relative'],
    ['saya adik dari bapaknya', 'relative'],
    ['this is about me', 'child_self'],
    ['ini tentang saya kak', 'child_self'],
    ['saya pak lurah di sini', 'neighbour_community'],
    ['kadus', 'neighbour_community'],
    ['aku tangga kak', 'neighbour_community'],
    ['saya cuma melihat kejadiannya', 'other'],
    ['i saw it from the bus', 'other'],
    ['pelatih renangnya', 'other'],
    ['saya pedagang di pasar', 'other'],
  ])('"%s" is %s', (typed, role) => expect(readReporterRole(typed)).toBe(role));
  it('a parent is still a parent', () => expect(readReporterRole('saya ibunya')).toBe('parent_guardian'));
});

describe('the category, in a few words', () => {
  it.each([
    ['physically hurt by his uncle', 'kekerasan_fisik'],
    ['sering ditabok ibunya', 'kekerasan_fisik'],
    ['verbal abuse from her teacher', 'kekerasan_psikis'],
    ['disuruh push up seratus kali sebagai hukuman', 'perlakuan_salah'],
    ['dihukum jalan jongkok keliling lapangan', 'perlakuan_salah'],
    ['cuma mau bertanya soal alamat kantor', 'lainnya'],
  ])('"%s" is %s', (typed, category) => expect(readCategory(typed)).toBe(category));
  it('a blow given as punishment is physical', () => expect(readCategory('dihukum dipukul pakai penggaris')).toBe('kekerasan_fisik'));
  it('a question about a harm is that harm', () => expect(readCategory('mau tanya soal anak yang dipukul')).toBe('kekerasan_fisik'));
});

describe('the child\'s sex, typed one letter off or in Javanese', () => {
  it.each([
    ['perempuam', 'perempuan'],
    ['anaknya perempun', 'perempuan'],
    ['femal', 'perempuan'],
    ['wanta', 'perempuan'],
    ['cucu kakung', 'laki_laki'],
    ['cowoq', 'laki_laki'],
  ])('"%s" is %s', (typed, sex) => expect(readSex(typed)).toBe(sex));
  it('a word one letter off both sexes is asked again', () => expect(readSex('putro')).toBeUndefined());
  it('an age alone names no sex', () => expect(readSex('umur empat tahun')).toBeUndefined());
});

describe('anonymity said in a sentence', () => {
  it.each([
    ['gak usah, pakai namaku aja', false],
    ['tidak perlu kak, saya mau bersaksi', false],
    ['I can be a witness if needed', false],
    ['identitas sy tolong disembunyikn', true],
  ])('"%s" is %s', (typed, anonymous) => expect(readAnonymity(typed)).toBe(anonymous));
  it('no need for a name, in one clause, is still anonymous', () => expect(readAnonymity('tidak usah pakai nama saya')).toBe(true));
});

describe('how to be reached, said in a sentence', () => {
  it.each([
    ['please use a different phone', 'other_number'],
    ['my other number is better', 'other_number'],
    ['gakusah kak', 'none'],
  ])('"%s" is %s', (typed, method) => expect(readStepAnswer('contact', typed).value).toBe(method));
});

describe('the kind of place: open land and water, lodging', () => {
  it.each([
    ['di tepi danau', 'lainnya'],
    ['di ladang jagung', 'lainnya'],
    ['di sebuah losmen', 'lainnya'],
    ['di perahu', 'lainnya'],
    ['dia jadi buruh di ladang', 'tempat_kerja'],
    ['di jermal tengah laut', 'tempat_kerja'],
  ])('"%s" is %s', (typed, place) => expect(readPlaceType(typed)).toBe(place));
  it('a place near the river is that place', () => expect(readPlaceType('di warung dekat sungai')).toBe('fasilitas_umum'));
});

describe('a guess is not a yes, a coach is not a teacher', () => {
  it.each(['barangkali masih', 'maybe it still happens'])('"%s" is not known', (typed) => expect(readOngoing(typed)).toBe('unknown'));
  it('a plain "still" is yes', () => expect(readOngoing('masih terus')).toBe('yes'));
  it.each(['pelatih futsalnya', 'his swimming coach'])('"%s" is other, not a teacher', (typed) => expect(readPerpetrator(typed)).toBe('lainnya'));
  it('a teacher is still a teacher', () => expect(readPerpetrator('guru olahraganya')).toBe('guru'));
});

describe('Javanese uh-huh in two syllables', () => {
  it.each(["he'eh kak", 'he em'])('"%s" is yes', (typed) => expect(readYesNo(typed)).toBe('yes'));
  it('a refusal stays a refusal', () => expect(readYesNo('ora gelem')).toBe('no'));
  it('an English "he" opening a sentence is no answer', () => expect(readYesNo('he hit me')).toBeUndefined());
});
