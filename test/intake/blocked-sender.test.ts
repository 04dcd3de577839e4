import { ReportModel } from '../../src/db/models/report.model';
import { SenderBlockModel } from '../../src/db/models/sender-block.model';
import { blockSender, createSenderBlockList, unblockSender } from '../../src/reports/sender-blocks';
import { textFrom } from '../factories/inbound-message';
import { joined, sayAll } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

useTestDatabase('blocked');
const harness = createIntakeHarness('blocked');
afterAll(() => harness.close());
beforeAll(() => Promise.all([ReportModel.init(), SenderBlockModel.init()]));

const staff = { id: 'u-kasi', name: 'kasi', role: 'kepala_seksi_data' };

describe('the block list the intake reads', () => {
  it('sees a block or an unblock made anywhere at once, lets an expired block lapse, and survives Redis losing its version', async () => {
    const list = createSenderBlockList(harness);
    const hash = harness.hasher('telegram:990010');
    expect(await list.isBlocked(hash, new Date())).toBe(false);
    await blockSender(hash, { reason: 'spam', days: 2, ticket: 'ADU-TEST-BLK2' }, staff, harness);
    expect(await list.isBlocked(hash, new Date())).toBe(true);
    expect(await list.isBlocked(hash, new Date(Date.now() + 3 * 86_400_000))).toBe(false);
    await harness.redis.del(`${harness.prefix}:sender-blocks:version`);
    expect(await list.isBlocked(hash, new Date())).toBe(true);
    await unblockSender(hash, 'salah orang', staff, harness);
    expect(await list.isBlocked(hash, new Date())).toBe(false);
  });
});

describe('a blocked sender', () => {
  it('changes no draft, hears why once with the emergency numbers, and is heard again after the block', async () => {
    const handle = harness.newHandler();
    const chat = '990001';
    await sayAll(handle, chat, ['halo', 'ya']);
    await blockSender(harness.hasher(`telegram:${chat}`), { reason: 'spam berulang', days: 1, ticket: 'ADU-TEST-BLK1' }, staff, harness);

    const first = joined(await handle(textFrom(chat, 'tidak')));
    expect(first).toMatch(/tidak dapat menerima pesan[\s\S]*112[\s\S]*129/);
    expect(await handle(textFrom(chat, 'halo lagi'))).toEqual([]); // once a day, not a reply per message
    const draft = await handle.drafts.load(harness.hasher(`telegram:${chat}`));
    expect(draft?.draft.step).toBe('danger'); // the answer after the block changed nothing

    // Another chat is not affected.
    expect(joined(await handle(textFrom('990002', 'halo')))).toMatch(/RAHASIA/);

    // The block ran out (a running process lets it lapse by its date: see the block-list test above).
    await SenderBlockModel.updateOne({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(joined(await harness.newHandler()(textFrom(chat, 'tidak')))).toMatch(/Siapa Anda/);
  });
});
