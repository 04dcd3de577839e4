import { ReportModel } from '../../src/db/models/report.model';
import { storeReport } from '../../src/reports/store-report';
import { textFrom } from '../factories/inbound-message';
import { joined, sayAll, TO_CONFIRM_SAME_CHAT, ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { createIntakeHarness } from '../support/intake';

// Found by the resilience suite: a bots process killed after the report was written but before the draft was removed
// (or Redis losing that last write on restart) left the draft at `confirm`; confirming again stored a second report.

useTestDatabase('repeatconfirm');
const harness = createIntakeHarness('repeatconfirm');
afterAll(() => harness.close());
beforeAll(() => ReportModel.init());

const chatHash = (chat: string) => harness.hasher(`telegram:${chat}`);

describe('a confirm that arrives again for a report already stored', () => {
  it('answers with the same ticket and stores the report once', async () => {
    const handle = harness.newHandler();
    const chat = '7770001';
    await sayAll(handle, chat, TO_CONFIRM_SAME_CHAT);
    // The draft as it was at `confirm`, put back afterwards: what a crash before the draft removal leaves behind.
    const draftKey = `${harness.prefix}:intake:draft:${chatHash(chat)}`;
    const atConfirm = await harness.redis.hgetall(draftKey);

    const first = ticketIn(joined(await handle(textFrom(chat, '1'))));
    expect(first).toBeDefined();
    await harness.redis.hset(draftKey, atConfirm);

    const again = ticketIn(joined(await harness.newHandler()(textFrom(chat, '1'))));
    expect(again).toBe(first);
    expect(await ReportModel.countDocuments({ reporterHash: chatHash(chat) })).toBe(1);
  });

  it('two writers racing with the same intake key end with one report and one ticket', async () => {
    const deps = { cipher: harness.cipher, hasher: harness.hasher };
    const input = { anonymous: true, category: 'lainnya' as const, description: 'pertanyaan akta', child: {}, location: {} };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => storeReport(deps, input, { channel: 'telegram', chatId: '7770002' }, { intakeKey: 'draft:race-1' })),
    );
    expect(new Set(results.map((r) => r.ticket)).size).toBe(1);
    expect(await ReportModel.countDocuments({ intakeKey: 'draft:race-1' })).toBe(1);
    // Without a key every call is a new report (walk-in registration).
    const a = await storeReport(deps, input, { channel: 'walk_in', chatId: 'desk-1' });
    const b = await storeReport(deps, input, { channel: 'walk_in', chatId: 'desk-1' });
    expect(a.ticket).not.toBe(b.ticket);
  });
});
