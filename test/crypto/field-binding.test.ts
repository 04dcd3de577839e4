import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher, createLookupHasher } from '../../src/crypto/field-cipher';
import { CaseModel } from '../../src/db/models/case.model';
import { ReportModel } from '../../src/db/models/report.model';
import { countOldFormValues, reencryptMedia, reencryptStored } from '../../src/db/reencrypt-stored';
import { createFolderMediaStore } from '../../src/reports/media-store';
import { decryptPersonalFields } from '../../src/reports/reveal-report';
import { storeReport, type ConfirmedReport } from '../../src/reports/store-report';
import { decryptCase } from '../../src/cases/case-view';
import { useTestDatabase } from '../support/database';
import { encryptBufferV1, encryptV1 } from '../support/v1-cipher';

// Finding 11: someone who can write to the database (not read the key) must not be able to make one child's
// encrypted data show up on another child's report by copying a ciphertext from one record, or field, to another.

useTestDatabase('fieldbinding');
const config = loadConfig();
const cipher = createFieldCipher(config.crypto);
const hasher = createLookupHasher(config.crypto.lookupHashKey);
beforeAll(() => Promise.all([ReportModel.init(), CaseModel.init()]));

const report = (childName: string, description: string): ConfirmedReport => ({
  anonymous: false, reporterRole: 'neighbour_community', reporterName: 'Bu Ani', category: 'kekerasan_fisik', description,
  child: { age: 9, ageBand: '6-12', sex: 'perempuan', name: childName }, location: { kecamatan: 'Ipuh', desa: 'Tanjung Harapan' },
  contactMethod: 'same_chat',
});

async function fileTwo() {
  const chat = () => randomBytes(4).toString('hex');
  const a = await storeReport({ cipher, hasher }, report('Putri Ayu', 'Putri dipukul ayahnya'), { channel: 'telegram', chatId: chat() });
  const b = await storeReport({ cipher, hasher }, report('Budi Santoso', 'Budi tidak sekolah'), { channel: 'telegram', chatId: chat() });
  const raw = (id: string) => ReportModel.collection.findOne({ _id: new ReportModel.base.Types.ObjectId(id) });
  return { a, b, raw };
}

describe('a ciphertext bound to where it lives', () => {
  it('copied into another report, the child name does not open there (and the rest of that report still does)', async () => {
    const { a, b, raw } = await fileTwo();
    const fromA = (await raw(a.id))!.child.name as string;
    // Written straight through the driver: what a person with database access (and no key) could do.
    await ReportModel.collection.updateOne({ _id: (await raw(b.id))!._id }, { $set: { 'child.name': fromA } });

    const moved = (await ReportModel.findById(b.id).lean())!;
    expect(() => decryptPersonalFields(moved, cipher)).toThrow();
    expect(() => cipher.decrypt(moved.child!.name!, fieldOf(BOUND.reports, b.id, 'child.name'))).toThrow();
    expect(cipher.decrypt(moved.description!, fieldOf(BOUND.reports, b.id, 'description'))).toBe('Budi tidak sekolah');
    // Where it came from, it still opens.
    expect(decryptPersonalFields((await ReportModel.findById(a.id).lean())!, cipher).childName).toBe('Putri Ayu');
  });

  it('copied into another field of the same report, it does not open there', async () => {
    const { a, raw } = await fileTwo();
    const doc = (await raw(a.id))!;
    await ReportModel.collection.updateOne({ _id: doc._id }, { $set: { reporterName: doc.description } });
    const moved = (await ReportModel.findById(a.id).lean())!;
    expect(() => cipher.decrypt(moved.reporterName!, fieldOf(BOUND.reports, a.id, 'reporterName'))).toThrow();
    expect(cipher.decrypt(moved.description!, fieldOf(BOUND.reports, a.id, 'description'))).toBe('Putri dipukul ayahnya');
  });

  it('binds media files to their own storage key the same way', () => {
    const sealed = cipher.encryptBuffer(Buffer.from('photo bytes'), fieldOf(BOUND.media, 'ab/one.bin', 'file'));
    expect(cipher.decryptBuffer(sealed, fieldOf(BOUND.media, 'ab/one.bin', 'file')).toString()).toBe('photo bytes');
    expect(() => cipher.decryptBuffer(sealed, fieldOf(BOUND.media, 'ab/two.bin', 'file'))).toThrow();
  });
});

describe('npm run cli -- reencrypt (reencryptStored)', () => {
  const key = config.crypto.keys.get(config.crypto.activeKeyId)!;
  const v1 = (plain: string) => encryptV1(plain, config.crypto.activeKeyId, key);
  const total = (counts: Awaited<ReturnType<typeof reencryptStored>>, what: 'rewritten' | 'unreadable') =>
    counts.reduce((sum, c) => sum + c[what], 0);

  it('turns v1 values (report fields, a note inside a case) into v2 bound where they are, and a second run changes nothing', async () => {
    const report = await ReportModel.collection.insertOne({
      ticket: 'ADU-V1V1-0001', channel: 'telegram', reporterHash: 'h', anonymous: true, category: 'lainnya', receivedAt: new Date(),
      description: v1('Anak sering ditinggal'), child: { name: v1('Sari') },
    });
    const kase = await CaseModel.create({ caseNumber: 'KSS-2026-9001', openedBy: 'x', conferenceNotes: [{ text: v1('Konferensi pertama'), by: 'x' }] });
    expect(await countOldFormValues(cipher)).toBe(3);

    expect(total(await reencryptStored(cipher), 'rewritten')).toBe(3);
    const doc = (await ReportModel.findById(report.insertedId).lean())!;
    expect(doc.description).toMatch(/^enc:v2:k1:/);
    expect(decryptPersonalFields(doc, cipher)).toMatchObject({ description: 'Anak sering ditinggal', childName: 'Sari' });
    expect(decryptCase((await CaseModel.findById(kase._id))!, cipher).conferenceNotes[0]!.text).toBe('Konferensi pertama');
    expect(await countOldFormValues(cipher)).toBe(0);

    const before = JSON.stringify(await ReportModel.collection.findOne({ _id: report.insertedId }));
    const again = await reencryptStored(cipher);
    expect(total(again, 'rewritten')).toBe(0);
    expect(JSON.stringify(await ReportModel.collection.findOne({ _id: report.insertedId }))).toBe(before);

    // Now bound: the migrated child name copied into another field of its report does not open there.
    await ReportModel.collection.updateOne({ _id: report.insertedId }, { $set: { reporterName: doc.child!.name } });
    const moved = (await ReportModel.findById(report.insertedId).lean())!;
    expect(() => decryptPersonalFields(moved, cipher)).toThrow();
    await ReportModel.collection.updateOne({ _id: report.insertedId }, { $unset: { reporterName: 1 } });
  });

  it('moves values under a retired key to the active one (the key-rotation path), and leaves a value it cannot open alone', async () => {
    const oldKey = randomBytes(32);
    const before = createFieldCipher({ activeKeyId: 'k0', keys: new Map([['k0', oldKey]]) });
    const rotated = createFieldCipher({ activeKeyId: config.crypto.activeKeyId, keys: new Map([...config.crypto.keys, ['k0', oldKey]]) });
    const { id } = await storeReport({ cipher: before, hasher }, report('Dewi', 'Dewi ditinggal sendirian'), { channel: 'telegram', chatId: 'rot' });
    const unknown = createFieldCipher({ activeKeyId: 'kx', keys: new Map([['kx', randomBytes(32)]]) });
    await ReportModel.collection.updateOne({ _id: new ReportModel.base.Types.ObjectId(id) }, {
      $set: { occurredWhen: unknown.encrypt('kemarin', fieldOf(BOUND.reports, id, 'occurredWhen')) },
    });

    const counts = await reencryptStored(rotated);
    expect(total(counts, 'unreadable')).toBe(1);
    const doc = (await ReportModel.findById(id).lean())!;
    expect(doc.description).toMatch(/^enc:v2:k1:/);
    expect(doc.occurredWhen).toMatch(/^enc:v2:kx:/);
    expect(cipher.decrypt(doc.child!.name!, fieldOf(BOUND.reports, id, 'child.name'))).toBe('Dewi');
  });

  it('seals v1 media files again, bound to their storage key, and leaves them alone on a second run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reencrypt-media-'));
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}.bin`;
    fs.mkdirSync(path.join(dir, id.slice(0, 2)));
    fs.writeFileSync(path.join(dir, storageKey), encryptBufferV1(Buffer.from('foto lama'), config.crypto.activeKeyId, key));
    await ReportModel.collection.insertOne({
      ticket: 'ADU-V1V1-0002', channel: 'telegram', reporterHash: 'h', anonymous: true, category: 'lainnya', receivedAt: new Date(),
      media: [{ kind: 'photo', mimeType: 'image/jpeg', size: 9, sha256: 'a'.repeat(64), storageKey }],
    });
    const store = createFolderMediaStore(dir, cipher);

    expect((await reencryptMedia(store)).rewritten).toBe(1);
    expect(fs.readFileSync(path.join(dir, storageKey))[0]).toBe(0xe2);
    expect((await store.get(storageKey)).toString()).toBe('foto lama');
    expect(await reencryptMedia(store)).toMatchObject({ rewritten: 0, current: 1 });
  });
});
