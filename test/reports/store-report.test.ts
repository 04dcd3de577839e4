import { createFieldCipher, createLookupHasher } from '../../src/crypto/field-cipher';
import { loadConfig } from '../../src/config';
import { ReportModel } from '../../src/db/models/report.model';
import { reporterHashOf, storeReport, type ConfirmedReport } from '../../src/reports/store-report';
import { generateTicket, TICKET_ALPHABET, TICKET_PATTERN } from '../../src/reports/ticket';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { useTestDatabase } from '../support/database';

useTestDatabase('storereport');
const config = loadConfig();
const cipher = createFieldCipher(config.crypto);
const hasher = createLookupHasher(config.crypto.lookupHashKey);
beforeAll(() => ReportModel.init());

const walkIn: ConfirmedReport = {
  anonymous: false,
  reporterRole: 'teacher_school',
  reporterName: 'Bu Ani',
  category: 'pendidikan',
  description: 'Murid tidak sekolah sejak dua bulan',
  child: { age: 11, ageBand: '6-12', sex: 'laki_laki', name: 'Rudi' },
  location: { kecamatan: 'Ipuh', desa: 'Tanjung Harapan' },
  contactMethod: 'other_number',
  contactPhone: '081211112222',
};

describe('tickets', () => {
  it('look like ADU-7K4Q-9M2P and never use 0, O, 1 or I', () => {
    const tickets = Array.from({ length: 2000 }, generateTicket);
    for (const t of tickets) expect(t).toMatch(TICKET_PATTERN);
    expect(tickets.join('')).not.toMatch(/[01OI]/);
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(TICKET_ALPHABET).toHaveLength(32);
  });
});

describe('storeReport', () => {
  it('stores a walk-in registration (channel-neutral) with personal fields encrypted and the staff actor', async () => {
    const stored = await storeReport({ cipher, hasher }, walkIn, { channel: 'walk_in', chatId: 'desk-2026-0001' }, { actor: 'user-7' });
    const doc = await ReportModel.findById(stored.id).lean();
    expect(doc).toMatchObject({ ticket: stored.ticket, channel: 'walk_in', status: 'received', contactMethod: 'other_number' });
    expect(doc!.events[0]).toMatchObject({ type: 'status', to: 'received', actor: 'user-7' });
    expect(cipher.decrypt(doc!.reporterName!, fieldOf(BOUND.reports, doc!._id, 'reporterName'))).toBe('Bu Ani');
    expect(cipher.decrypt(doc!.child!.name!, fieldOf(BOUND.reports, doc!._id, 'child.name'))).toBe('Rudi');
    expect(cipher.decrypt(doc!.location!.desa!, fieldOf(BOUND.reports, doc!._id, 'location.desa'))).toBe('Tanjung Harapan');
    expect(doc!.reporterHash).toBe(reporterHashOf(hasher, { channel: 'walk_in', chatId: 'desk-2026-0001' }));
  });

  it('keeps no contact, name or reply address for an anonymous report, whatever was filled in', async () => {
    const stored = await storeReport({ cipher, hasher }, { ...walkIn, anonymous: true }, { channel: 'telegram', chatId: '123' });
    const doc = await ReportModel.findById(stored.id).lean();
    expect(doc).toMatchObject({ anonymous: true, contactMethod: 'none' });
    expect(doc!.replyAddress).toBeUndefined();
    expect(doc!.contactPhone).toBeUndefined();
    expect(doc!.reporterName).toBeUndefined();
  });

  it('draws another ticket when the first is taken (duplicate key 11000), and gives up after a few', async () => {
    const taken = (await storeReport({ cipher, hasher }, walkIn, { channel: 'phone', chatId: 'p1' })).ticket;
    const draws = [taken, taken, 'ADU-ZZZZ-2222'];
    const stored = await storeReport({ cipher, hasher, generateTicket: () => draws.shift()! }, walkIn, { channel: 'phone', chatId: 'p2' });
    expect(stored.ticket).toBe('ADU-ZZZZ-2222');
    await expect(storeReport({ cipher, hasher, generateTicket: () => taken }, walkIn, { channel: 'phone', chatId: 'p3' }))
      .rejects.toMatchObject({ code: 11000 });
  });

  it('refuses an incomplete report before writing anything', async () => {
    const before = await ReportModel.countDocuments();
    await expect(storeReport({ cipher, hasher }, { ...walkIn, description: '' }, { channel: 'phone', chatId: 'p4' })).rejects.toThrow();
    expect(await ReportModel.countDocuments()).toBe(before);
  });
});
