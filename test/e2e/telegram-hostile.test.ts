import { ReportModel } from '../../src/db/models/report.model';
import { ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { startTelegramBots } from '../support/telegram-bots';

// Whatever arrives, the bots process stays up, answers calmly, and the reporter's draft stays as it was.
const db = useTestDatabase('tghostile');
let bots: Awaited<ReturnType<typeof startTelegramBots>>;

beforeAll(async () => {
  await ReportModel.init();
  bots = await startTelegramBots('tghostile', db.uri);
}, 40_000);
afterAll(async () => {
  expect(await bots.stop()).toBe(0);
});

const SECRET_WORDS = 'Rahasia-Dewi-rumah-kuning';

describe('Telegram: hostile and odd input', () => {
  it('survives long text, emoji, null bytes, forged buttons, stickers, unknown updates and bursts, then finishes the report', async () => {
    const chat = bots.chat(2001);
    const { fake } = bots;
    await chat.say('halo', /RAHASIA/);
    await chat.say('ya', /bahaya/);

    await chat.say('x'.repeat(20_000), /terlalu panjang/);
    await chat.say('😀😀🔥🙏', /Maaf, mohon jawab ya atau tidak/);
    await chat.say('ti\u0000dak\u0000', /./);
    // Whatever the null bytes did, the conversation goes on from a valid step.
    const afterNull = chat.texts().at(-1)!;
    if (/bahaya/.test(afterNull) || /Maaf/.test(afterNull)) await chat.say('tidak', /Siapa Anda/);

    fake.pressButton(2001, 'consent:yes');
    await chat.waitFor(/Tombol itu untuk pertanyaan sebelumnya/);
    fake.pressButton(2001, 'category:not_a_category');
    await chat.waitFor(/tidak ada di pilihan|Tombol itu/);
    fake.pressButton(2001, '\u0000'.repeat(10) + 'x'.repeat(54));
    await chat.waitFor(/Tombol itu|tidak ada di pilihan/);
    fake.sendSticker(2001);
    await chat.waitFor(/ketik|pilih/i);

    // Updates a private conversation never produces: nothing is said, nothing breaks.
    const before = chat.texts().length;
    fake.pushUpdate({ poll: { id: 'p1', question: 'q', options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: 'regular', allows_multiple_answers: false } });
    fake.pushUpdate({ my_chat_member: { chat: { id: 2001, type: 'private' }, from: { id: 2001, is_bot: false, first_name: 'P' }, date: 1,
      old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'b' } }, new_chat_member: { status: 'kicked', user: { id: 1, is_bot: true, first_name: 'b' }, until_date: 0 } } });
    fake.pushUpdate({ something_telegram_adds_next_year: { chat: { id: 2001 } } });
    fake.pushUpdate({ message: { message_id: 1, date: 1, chat: { id: -100123, type: 'supergroup', title: 'grup' }, from: { id: 5, is_bot: false, first_name: 'G' }, text: 'halo' } });
    fake.pushUpdate({ edited_message: { message_id: 1, date: 1, edit_date: 2, chat: { id: 2001, type: 'private' }, text: 'diedit' } });
    fake.pushUpdate({ callback_query: { id: 'cq', from: { id: 2001, is_bot: false, first_name: 'P' }, chat_instance: 'c' } });

    // Two messages of one chat at once: handled one after the other, in order.
    fake.sendText(2001, '4');
    fake.sendText(2001, `Anak tetangga dipukul ayahnya ${SECRET_WORDS} tiap malam sampai memar`);
    await chat.waitFor(/Ceritakan/);
    await chat.waitFor(/umur/);
    expect(chat.texts().slice(before).join('\n')).not.toMatch(/diedit|grup/);
    expect(fake.textsTo(-100123)).toEqual([]);

    // The story said what happened, who did it and that it keeps happening.
    for (const [text, next] of [['8', /Jenis/], ['2', /kecamatan/], ['4', /tempat/], ['1', /menghubungi/], ['1', /ringkasan/]] as const) {
      await chat.say(text, next);
    }
    const [done] = await chat.say('1', /nomor tiket/);
    const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
    expect(report).toMatchObject({ reporterRole: 'neighbour_community', anonymous: false, category: 'kekerasan_fisik', child: { age: 8, sex: 'laki_laki' } });

    expect(bots.process().child.exitCode).toBeNull();
    expect(bots.output()).not.toContain(SECRET_WORDS);
    expect(bots.output()).not.toMatch(/"level":"fatal"/);
  });

  it('retries a reply Telegram refuses with 429, after the wait it names', async () => {
    const chat = bots.chat(2002);
    bots.fake.failNext('sendMessage', 429, 1);
    bots.fake.sendText(2002, 'halo');
    // The fake records the refused call too: the greeting is asked for twice, the second time after about a second.
    const greetings = await expectEventually(() => {
      const calls = bots.fake.calls('sendMessage').filter((c) => String(c.params.chat_id) === '2002');
      expect(calls).toHaveLength(2);
      return calls;
    });
    expect(greetings[1]!.params.text).toBe(greetings[0]!.params.text);
    expect(greetings[1]!.at - greetings[0]!.at).toBeGreaterThanOrEqual(900);
  });
});
