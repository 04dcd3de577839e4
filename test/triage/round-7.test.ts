import { LEXICON } from '../../src/triage/lexicon';
import { expectAll, priorityOf } from '../support/triage';

// Round 7 (triage-2026.12-7) aims at missed P1s by class: each case below is written for this test, not taken from the
// corpus, so that it probes the mechanism (a word form, a sign, a time or question shape) rather than a corpus line.
// Every case here gave a wrong priority with triage-2026.12-6, except the guard on "perlu ditolong" (kept a plea).

describe('round 7: missed P1s, by class', () => {
  it('hears a child marriage set for tomorrow in Minang and Javanese verb forms (dinikahan, dirabikno)', () => {
    expectAll([
      'kak, bisuak ambo nak dinikahan jo kawan apak, ambo baru kelas 1 SMP',
      'mbak sesuk aku arep dirabikno karo juragan sawah, aku sik SMP',
    ], 'P1');
  });

  it('takes a head held under water for a grave harm (nyelupin, nyeburin, held under water)', () => {
    expectAll([
      'bapak tiri nyelupin kepala adikku ke bak mandi',
      'ada bapak2 nyeburin kepala anaknya ke sungai sambil marah',
      'her mother held her under water in the bathtub again',
    ], 'P1');
  });

  it('hears suicide told indirectly: better to jump, death that does not hurt, a goodbye message', () => {
    expectAll([
      'temanku bilang lebih baik melompat dari jembatan daripada pulang ke rumah',
      'kira2 minum apa biar tidak sakit kalau mati',
      'my cousin posted a goodbye message and nobody can reach him',
    ], 'P1');
  });

  it('gives P1 to a small child sitting alone whom nobody comes for', () => {
    // "di depan puskesmas": a welfare word in the story made it a service question (P4) before.
    expectAll(['ada anak kecil umur 3 taun duduk sendiri di depan puskesmas dari pagi, tidak ada yang nyari'], 'P1');
  });

  it('gives P1 to a child hiding from a harm', () => {
    expectAll(['kak aku di gudang sembunyi, bapak mabuk pegang ikat pinggang nyariin aku, tadi ibu udah kena duluan'], 'P1');
  });

  it('reads genital signs as sexual abuse: P1 with a small child or now, at least P2 otherwise', () => {
    expectAll([
      'anak saya 4 tahun sakit kalau pipis dan celana dalamnya berdarah sejak dijaga pamannya',
      'barusan keponakanku pulang dari rumah tetangga, jalannya ngangkang dan nangis',
    ], 'P1');
    expect(['P1', 'P2']).toContain(priorityOf('murid saya kelas 3 beberapa kali jalannya aneh setelah les privat'));
  });

  it('does not settle a harm told with a child still confined, whoever else has died', () => {
    expectAll([
      'aku disiram air panas sama ibu tiri, ayahku sudah meninggal dulu, sekarang aku dikurung tidak boleh keluar rumah',
    ], 'P1');
  });

  it('reads "td" as "tadi" (earlier), not as a "tidak" that negates the harm', () => {
    expect(['P1', 'P2']).toContain(priorityOf('adikku td ditampar om nya sampe nangis'));
  });

  it('takes "ditanya / ditakoni" (asked by someone) for no reporter\'s question: a small child unread stays P1', () => {
    expectAll(['ada anak kecil kira2 2 tahun nangis di pinggir jalan, ditanya cuma diam'], 'P1');
  });
});

describe('round 7: over-triage, by class', () => {
  it('does not read English "back" as "bacok"', () => {
    expect(priorityOf('We moved back from Singapore last month. How do we register our son\'s birth?')).toBe('P4');
  });

  it('takes children made to beg for donations for exploitation, not a question about a donation', () => {
    expect(['P1', 'P2']).toContain(priorityOf('anak-anak yayasan disuruh minta sumbangan ke pasar tiap hari sampai malam'));
  });

  it('keeps a question about day care for a small child below P1', () => {
    expect(['P3', 'P4']).toContain(priorityOf('anak saya 2 tahun, tidak ada yang jaga kalau saya kerja. ada program penitipan anak dari pemda?'));
  });
});

describe('round 7: a danger told as past and recovered', () => {
  it('settles a danger told as past with the child helped and well again ("sudah ditolong", "sehat kembali")', () => {
    for (const text of [
      'kemarin keponakanku pingsan di sekolah karena dihukum lari siang2, sudah ditolong guru dan sehat kembali. saya cuma mau melapor',
      'bulan lalu adikku kecemplung kali pas main, wis ditulungi tonggo, sehat lagi. mung lapor ben kecatet',
    ]) expect({ text, priority: priorityOf(text) }).toEqual({ text, priority: 'P3' });
  });

  it('still hears a plea in "perlu ditolong": only the passive "ditolong" (was helped) is no plea', () => {
    expect(priorityOf('ada anak yang perlu ditolong, sekarang dipukuli bapaknya')).toBe('P1');
  });
});

describe('round 7: a harm named is never lowered to P4 by a question shape', () => {
  // Every term of every safety-net family, told beside a question ("mau tanya", "caranya bagaimana?", "info layanan"):
  // the harm keeps it at P2 or above (P3 at most when the question is about a topic). A term that could never match as
  // written (its word read otherwise in the text: "jaga adik" when "adik" is read as "anak", "dolanan" as "dolan") made
  // such a report P4 with triage-2026.12-6.
  it('keeps every harm-family term above P4 beside a question', () => {
    const families = new Set(LEXICON.safetyNet.families);
    const lowered: string[] = [];
    for (const signal of LEXICON.signals.filter((s) => families.has(s.id) && s.weight > 0)) {
      for (const term of signal.terms) {
        for (const text of [`anak saya ${term}, saya mau tanya caranya bagaimana?`, `mau tanya, murid saya ${term} kemarin, info layanan apa?`]) {
          if (priorityOf(text) === 'P4') lowered.push(`${signal.id}: ${text}`);
        }
      }
    }
    expect(lowered).toEqual([]);
  });
});
