import { ReportModel } from '../../src/db/models/report.model';
import { TICKET_PATTERN } from '../../src/reports/ticket';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { choiceFrom, locationFrom, textFrom } from '../factories/inbound-message';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

useTestDatabase('intakefull');
const harness = createIntakeHarness('intakefull');
afterAll(() => harness.close());
beforeAll(() => ReportModel.init());

describe('a full report typed as numbers and words', () => {
  it('walks consent to confirm, stores the report and answers with its ticket, then queues triage', async () => {
    const handle = harness.newHandler();
    const chat = '5550001';
    const say = async (text: string) => (await handle(textFrom(chat, text))).map((r) => r.text).join('\n---\n');

    expect(await say('halo')).toMatch(/RAHASIA/);
    expect(await say('ya')).toMatch(/bahaya SAAT INI/);
    expect(await say('tidak')).toMatch(/Siapa Anda/);
    expect(await say('4')).toMatch(/Ceritakan/);
    // The story says what happened, who did it and that it keeps happening: those are not asked.
    const noted = await say('Anak tetangga sering dipukul ayahnya sampai memar');
    expect(noted).toMatch(/kami catat:[\s\S]*Kekerasan fisik[\s\S]*Orang tua[\s\S]*Masih berlangsung: Ya[\s\S]*umur/);
    expect(await say('9 tahun')).toMatch(/Jenis kelamin/);
    expect(await say('perempuan')).toMatch(/kecamatan/);
    expect(await say('ipuh')).toMatch(/tempat kejadiannya/);
    expect(await say('rumah')).toMatch(/menghubungi Anda/);
    expect(await say('2')).toMatch(/nomor telepon/);
    // Ten answers after the greeting and the summary is there; the optional details are one choice away.
    expect(await say('0812-3456-7890')).toMatch(/Kirim sekarang\?/);
    expect(await say('4')).toMatch(/Nama anak/);
    expect(await say('Sari')).toMatch(/Desa/);
    expect(await say('Pulai Payung')).toMatch(/lokasi/);
    expect(await say('lewati')).toMatch(/Kapan/);
    const summary = await say('kemarin sore');
    expect(summary).toMatch(/Sari, 9 tahun, Perempuan/);
    expect(summary).toMatch(/Pulai Payung, Ipuh, Rumah/);
    const done = await say('1');
    const ticket = done.match(/ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    expect(ticket).toMatch(TICKET_PATTERN);

    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({
      status: 'received', channel: 'telegram', anonymous: false, reporterRole: 'neighbour_community',
      category: 'kekerasan_fisik', immediateDanger: 'no', perpetratorRelation: 'orang_tua', ongoing: true,
      contactMethod: 'other_number', child: { age: 9, ageBand: '6-12', sex: 'perempuan' },
      location: { kecamatan: 'Ipuh', placeType: 'rumah_tangga' },
    });
    expect(harness.cipher.decrypt(report!.description!, fieldOf(BOUND.reports, report!._id, 'description'))).toBe('Anak tetangga sering dipukul ayahnya sampai memar');
    expect(harness.cipher.decrypt(report!.contactPhone!, fieldOf(BOUND.reports, report!._id, 'contactPhone'))).toBe('081234567890');
    expect(harness.cipher.decrypt(report!.replyAddress!, fieldOf(BOUND.reports, report!._id, 'replyAddress'))).toBe(chat);
    expect(report!.reporterHash).toBe(harness.hasher(`telegram:${chat}`));

    const job = await harness.queues.reports!.getJob(`triage-${report!._id.toString()}`);
    expect(job?.data).toEqual({ reportId: report!._id.toString() });
    // The draft is gone: the next message joins the filed report, and "laporan baru" starts a new conversation.
    expect(await say('halo lagi')).toMatch(/sudah kami teruskan/);
    expect(await say('laporan baru')).toMatch(/RAHASIA/);
  });

  it('walks the same flow pressing the buttons each reply offers, and a shared location', async () => {
    const handle = harness.newHandler();
    const chat = '5550002';
    let last = await handle(textFrom(chat, '/start'));
    const press = async (label: RegExp) => {
      const options = last.at(-1)!.options ?? [];
      const option = options.find((o) => label.test(o.label));
      expect(option).toBeDefined();
      expect(Buffer.byteLength(option!.value)).toBeLessThanOrEqual(64); // Telegram callback_data limit
      last = await handle(choiceFrom(chat, option!.value));
    };
    const type = async (text: string) => (last = await handle(textFrom(chat, text)));
    await press(/^Ya$/);
    await press(/^Tidak tahu$/);
    await press(/Guru/);
    // The story gives the category (dilecehkan) and the age band (kelas lima).
    await type('Murid kelas lima dilecehkan oleh penjaga sekolah');
    await press(/Laki-laki/);
    await press(/Orang tak dikenal/);
    await press(/Teras Terunjam/);
    await press(/Sekolah/);
    await press(/^Tidak$/);
    await press(/Anonim/);
    await press(/Tambah detail/);
    await press(/Lewati/);
    await press(/Lewati/);
    last = await handle(locationFrom(chat, -2.55, 101.2));
    await type('pagi tadi');
    expect(last.at(-1)!.text).toMatch(/lokasi dibagikan/);
    await press(/Kirim laporan/);
    const ticket = last.map((r) => r.text).join('\n').match(/ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({
      anonymous: true, immediateDanger: 'unknown', reporterRole: 'teacher_school', category: 'kekerasan_seksual',
      child: { ageBand: '6-12', sex: 'laki_laki' }, perpetratorRelation: 'orang_tak_dikenal', ongoing: false,
      location: { kecamatan: 'Teras Terunjam', placeType: 'sekolah' },
    });
    expect(harness.cipher.decrypt(report!.location!.exact!, fieldOf(BOUND.reports, report!._id, 'location.exact'))).toBe('-2.55,101.2');
    expect(report!.child!.name).toBeUndefined();
  });
});
