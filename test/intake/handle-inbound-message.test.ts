import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { ReportModel } from '../../src/db/models/report.model';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { choiceFrom, photoFrom, stickerFrom, textFrom } from '../factories/inbound-message';
import { AFTER_DESCRIPTION, DESCRIPTION, joined, sayAll, TO_CONFIRM_SAME_CHAT, TO_DESCRIPTION, ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

useTestDatabase('intakehandler');
const harness = createIntakeHarness('intakehandler');
afterAll(() => harness.close());
beforeAll(() => ReportModel.init());

let chatSeq = 0;
const newChat = () => `77${Date.now() % 100000}${++chatSeq}`;

describe('the intake handler on real Redis and the database', () => {
  it('stores an anonymous report with no way back to the reporter', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const script = ['halo', 'ya', 'tidak', '1', 'Saya dibully teman sekelas setiap hari', '14', '2', '4', 'sekolah', 'anonim aja'];
    const replies = await sayAll(handle, chat, script);
    expect(replies.at(-1)).toMatch(/Anonim: Ya/);
    expect(replies.at(-1)).toMatch(/Kejadian: Perundungan/);
    expect(replies.at(-1)).not.toMatch(/menghubungi/);
    const ticket = ticketIn(joined(await handle(textFrom(chat, 'kirim'))));
    const report = await ReportModel.findOne({ ticket }).lean();
    expect(report).toMatchObject({ anonymous: true, contactMethod: 'none', category: 'perundungan', reporterRole: 'child_self' });
    expect(report!.replyAddress).toBeUndefined();
    expect(report!.contactPhone).toBeUndefined();
  });

  it('urgent: the emergency contacts are the first reply after "danger: yes", and an alert job is queued', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await sayAll(handle, chat, ['halo', 'ya']);
    const replies = await handle(textFrom(chat, 'ya'));
    expect(replies[0]).toMatchObject({ urgent: true });
    expect(replies[0]!.text).toMatch(/112[\s\S]*110[\s\S]*129[\s\S]*08111-129-129[\s\S]*0737-123-456/);
    expect(replies[1]!.text).toMatch(/Siapa Anda/);
    const jobs = await harness.queues.alerts!.getJobs(['waiting', 'delayed', 'prioritized']);
    const alert = jobs.find((j) => j.data.kind === 'urgent_draft');
    expect(alert?.data).toEqual({ kind: 'urgent_draft', draftId: expect.any(String), channel: 'telegram' });
    expect(JSON.stringify(alert!.data)).not.toContain(chat);
  });

  it('cancel midway stores nothing and forgets the draft and its files', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const before = await ReportModel.countDocuments();
    await sayAll(handle, chat, TO_DESCRIPTION);
    await handle(photoFrom(chat, Buffer.from('fake jpeg bytes')));
    const files = () => fs.readdirSync(harness.mediaDir, { recursive: true }).filter((f) => String(f).endsWith('.bin')).length;
    const filesWithPhoto = files();
    expect(joined(await handle(textFrom(chat, 'batal')))).toMatch(/dibatalkan/);
    expect(await ReportModel.countDocuments()).toBe(before);
    expect(files()).toBe(filesWithPhoto - 1);
    expect(joined(await handle(textFrom(chat, 'halo')))).toMatch(/RAHASIA/);
  });

  it('cancel after the story asks first; confirmed, stores nothing and forgets the draft', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const before = await ReportModel.countDocuments();
    await sayAll(handle, chat, [...TO_DESCRIPTION, DESCRIPTION]);
    await handle(photoFrom(chat, Buffer.from('fake jpeg bytes')));
    const files = () => fs.readdirSync(harness.mediaDir, { recursive: true }).filter((f) => String(f).endsWith('.bin')).length;
    const filesWithPhoto = files();
    expect(joined(await handle(textFrom(chat, 'batal')))).toMatch(/Batalkan laporan ini\?/);
    expect(joined(await handle(textFrom(chat, 'tidak')))).toMatch(/umur/);
    expect(joined(await handle(textFrom(chat, 'batal')))).toMatch(/Batalkan laporan ini\?/);
    expect(joined(await handle(textFrom(chat, 'ya')))).toMatch(/dibatalkan/);
    expect(await ReportModel.countDocuments()).toBe(before);
    expect(files()).toBe(filesWithPhoto - 1);
    expect(joined(await handle(textFrom(chat, 'halo')))).toMatch(/RAHASIA/);
  });

  it('an adult victim\'s story is never dropped: confirmed, then passed on to staff as a referral note', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const story = 'Tetangga saya, seorang ibu, sering dipukuli suaminya di rumah';
    const replies = await sayAll(handle, chat, [...TO_DESCRIPTION, story, '25 tahun']);
    expect(replies.at(-1)).toMatch(/Umur 25 tahun berarti korban sudah dewasa[\s\S]*catatan rujukan/);
    expect(await sayAll(handle, chat, ['teruskan'])).toEqual([expect.stringMatching(/catatan rujukan[\s\S]*kecamatan/)]);
    const done = await sayAll(handle, chat, ['ipuh', '1', '1']);
    const report = await ReportModel.findOne({ ticket: ticketIn(done.at(-1)!) }).lean();
    expect(report).toMatchObject({ child: { ageBand: 'unknown' }, location: { kecamatan: 'Ipuh' } });
    expect(harness.cipher.decrypt(report!.description!, fieldOf(BOUND.reports, report!._id, 'description'))).toBe(
      `[Catatan rujukan: pelapor menyatakan korban dewasa (25 tahun); di luar layanan anak, teruskan ke UPTD PPA / P2TP2A.]\n\n${story}`);
  });

  it('resumes after the process restarts (a new handler on the same Redis)', async () => {
    const chat = newChat();
    await sayAll(harness.newHandler(), chat, [...TO_DESCRIPTION, DESCRIPTION]);
    const restarted = harness.newHandler();
    expect(joined(await restarted(textFrom(chat, '9 tahun')))).toMatch(/Jenis kelamin/);
    // A reporter who comes back much later is asked first.
    const later = harness.newHandler({ now: () => new Date(Date.now() + 2 * 3600_000) });
    expect(joined(await later(textFrom(chat, 'halo')))).toMatch(/belum selesai/);
    expect(joined(await later(textFrom(chat, 'lanjutkan')))).toMatch(/Jenis kelamin/);
  });

  it('stores an attached photo encrypted, referenced with kind, type, size and sha256', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('a photo of a bruise')]);
    await sayAll(handle, chat, TO_DESCRIPTION);
    expect(joined(await handle(photoFrom(chat, photo)))).toMatch(/Berkas diterima \(1\)[\s\S]*tuliskan juga/);
    await sayAll(handle, chat, [DESCRIPTION]);
    expect(joined(await handle(photoFrom(chat, Buffer.from('second file'))))).toMatch(/Berkas diterima \(2\)/);
    const replies = await sayAll(handle, chat, [...AFTER_DESCRIPTION, '1', '1']);
    expect(replies.at(-1)).toMatch(/nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(replies.at(-1)!) }).lean();
    expect(report!.media).toHaveLength(2);
    const [first] = report!.media;
    expect(first).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex') });
    const onDisk = fs.readFileSync(path.join(harness.mediaDir, first!.storageKey));
    expect(onDisk.includes(Buffer.from('a photo of a bruise'))).toBe(false);
    expect(await harness.mediaStore.get(first!.storageKey)).toEqual(photo);
  });

  it('status lists only this reporter\'s tickets, in plain words', async () => {
    const handle = harness.newHandler();
    const mine = newChat();
    const theirs = newChat();
    const myTicket = ticketIn((await sayAll(handle, mine, [...TO_CONFIRM_SAME_CHAT, '1'])).at(-1)!);
    const theirTicket = ticketIn((await sayAll(handle, theirs, [...TO_CONFIRM_SAME_CHAT, '1'])).at(-1)!);
    await ReportModel.updateOne({ ticket: myTicket }, { $set: { status: 'claimed' } });
    const status = joined(await handle(textFrom(mine, 'status')));
    expect(status).toContain(myTicket);
    expect(status).toMatch(/sedang ditangani petugas/);
    expect(status).not.toContain(theirTicket);
    expect(joined(await handle(textFrom(newChat(), 'status')))).toMatch(/Belum ada laporan/);
  });

  it('runs in English after "language"', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    const replies = await sayAll(handle, chat, ['hello', 'language', 'English', 'yes', 'no', 'parent', 'My niece is left alone at home for days', 'neglect', '4 years', 'girl', 'prefer not to say', 'Ipuh', 'home', 'yes', 'through this chat']);
    expect(replies[2]).toMatch(/CONFIDENTIAL/);
    expect(replies.at(-1)).toMatch(/What happened: Neglect/);
    const done = joined(await handle(textFrom(chat, 'send report')));
    expect(done).toMatch(/ticket number ADU-/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done) }).lean();
    expect(report).toMatchObject({ language: 'en', category: 'penelantaran', child: { age: 4, ageBand: '0-5', sex: 'perempuan' } });
  });

  it('a document read straight from MongoDB holds no plaintext description, name, phone, desa or chat id', async () => {
    const handle = harness.newHandler();
    const chat = '998877665544';
    const script = [...TO_DESCRIPTION, DESCRIPTION, ...AFTER_DESCRIPTION, '2', '0812-9999-8888', '4', 'Sari', 'Pulai Payung', 'lewati', 'masih terjadi setiap malam', '1'];
    const ticket = ticketIn((await sayAll(handle, chat, script)).at(-1)!);
    const raw = await mongoose.connection.db!.collection('reports').findOne({ ticket });
    const stored = JSON.stringify(raw);
    for (const secret of [DESCRIPTION, 'Sari', 'sering dipukul', '081299998888', '0812-9999-8888', 'Pulai Payung', chat, 'setiap malam']) {
      expect(stored).not.toContain(secret);
    }
    expect(raw!.description).toMatch(/^enc:v2:/);
    expect(raw!.child.name).toMatch(/^enc:v2:/);
    expect(raw!.contactPhone).toMatch(/^enc:v2:/);
    expect(raw!.location.desa).toMatch(/^enc:v2:/);
    expect(raw!.replyAddress).toMatch(/^enc:v2:/);
    // And the draft in Redis is no better a place to find them.
    await sayAll(handle, chat, [...TO_DESCRIPTION, DESCRIPTION]);
    const keys = await harness.redis.keys(`${harness.prefix}:intake:*`);
    for (const key of keys) {
      const type = await harness.redis.type(key);
      const dump = type === 'hash' ? JSON.stringify(await harness.redis.hgetall(key)) : type === 'string' ? await harness.redis.get(key) : key;
      expect(`${key} ${dump}`).not.toContain(DESCRIPTION);
      expect(`${key} ${dump}`).not.toContain(chat);
    }
  });
});

describe('hostile input through the handler', () => {
  it('a 20,000-character text gets a calm answer and changes nothing', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await sayAll(handle, chat, TO_DESCRIPTION);
    expect(joined(await handle(textFrom(chat, 'x'.repeat(20_000))))).toMatch(/terlalu panjang \(paling banyak 4000/);
    expect(joined(await handle(textFrom(chat, DESCRIPTION)))).toMatch(/Berapa umur/);
  });

  it('only emoji, null bytes, a sticker and forged buttons repeat the question', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await sayAll(handle, chat, TO_DESCRIPTION);
    expect(joined(await handle(textFrom(chat, '😀😀😀')))).toMatch(/beberapa kata/);
    expect(joined(await handle(textFrom(chat, '\u0000\u0000')))).toMatch(/beberapa kata/);
    expect(joined(await handle(stickerFrom(chat)))).toMatch(/ketik/);
    expect(joined(await handle(choiceFrom(chat, 'confirm:send')))).toMatch(/pertanyaan sebelumnya/);
    expect(joined(await handle(choiceFrom(chat, '"; DROP TABLE')))).toMatch(/pertanyaan sebelumnya/);
    expect(await ReportModel.countDocuments({ reporterHash: harness.hasher(`telegram:${chat}`) })).toBe(0);
    expect(joined(await handle(textFrom(chat, DESCRIPTION)))).toMatch(/Berapa umur/);
  });

  it('a message of an unknown shape is answered, not thrown', async () => {
    const handle = harness.newHandler();
    const chat = newChat();
    await sayAll(handle, chat, ['halo']);
    const odd = { channel: 'telegram', chatId: chat, kind: 'poll', text: 42 } as never;
    expect(joined(await handle(odd))).toMatch(/ketik/);
    expect(await handle({ channel: 'pigeon', chatId: '' } as never)).toEqual([]);
  });

  it('two messages of one chat at once are handled one after the other; the draft stays consistent', async () => {
    const chat = newChat();
    await sayAll(harness.newHandler(), chat, ['halo', 'ya']);
    // Two handler instances = two bots processes; both answers arrive at the same time.
    const [a, b] = [harness.newHandler(), harness.newHandler()];
    const [ra, rb] = await Promise.all([a(textFrom(chat, 'tidak')), b(textFrom(chat, '4'))]);
    const texts = [joined(ra), joined(rb)].join('\n');
    const loaded = await a.drafts.load(harness.hasher(`telegram:${chat}`));
    // Either may take the chat's lock first; whichever did, the other was handled after it, against the saved draft.
    if (/Ceritakan/.test(texts)) {
      // "tidak" answered "danger now?", then "4" answered "who are you?" (neighbour).
      expect(loaded!.draft).toMatchObject({ step: 'description', answers: { danger: 'no', reporterRole: 'neighbour_community' } });
      expect(loaded!.draft.history).toEqual(['consent', 'danger', 'reporter_role']);
    } else {
      // "4" came first: no answer to the danger question (three options), it changed nothing; then "tidak" did.
      expect(texts).toMatch(/ya atau tidak/);
      expect(loaded!.draft).toMatchObject({ step: 'reporter_role', answers: { danger: 'no' } });
      expect(loaded!.draft.history).toEqual(['consent', 'danger']);
    }
    expect(texts.match(/Siapa Anda/g)!.length).toBeGreaterThanOrEqual(1);

    const many = await Promise.all(Array.from({ length: 10 }, () => a(textFrom(chat, '😀'))));
    expect(many.every((r) => r.length === 1)).toBe(true);
    const after = await a.drafts.load(harness.hasher(`telegram:${chat}`));
    expect(after!.version).toBe(loaded!.version + 10);
  });
});
