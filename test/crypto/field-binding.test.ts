import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher, createLookupHasher } from '../../src/crypto/field-cipher';
import { ReportModel } from '../../src/db/models/report.model';
import { decryptPersonalFields } from '../../src/reports/reveal-report';
import { storeReport, type ConfirmedReport } from '../../src/reports/store-report';
import { useTestDatabase } from '../support/database';

// Finding 11: someone who can write to the database (not read the key) must not be able to make one child's
// encrypted data show up on another child's report by copying a ciphertext from one record, or field, to another.

useTestDatabase('fieldbinding');
const config = loadConfig();
const cipher = createFieldCipher(config.crypto);
const hasher = createLookupHasher(config.crypto.lookupHashKey);
beforeAll(() => ReportModel.init());

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
