import { ReportModel } from '../../src/db/models/report.model';
import { ticketIn } from '../factories/intake-script';
import { useTestDatabase } from '../support/database';
import { expectEventually } from '../support/expect-eventually';
import { freePort } from '../support/processes';
import { startTelegramBots } from '../support/telegram-bots';

const db = useTestDatabase('tglife');
beforeAll(() => ReportModel.init());

describe('Telegram: the bots process restarts and receives by webhook', () => {
  it('resumes a half-told report after the bots process is stopped and started again', async () => {
    const bots = await startTelegramBots('tgresume', db.uri);
    try {
      const chat = bots.chat(3001);
      for (const [text, next] of [['halo', /RAHASIA/], ['ya', /bahaya/], ['tidak', /Siapa Anda/], ['2', /Ceritakan/],
        ['Anak saya ditinggal ayahnya sendirian berhari-hari tanpa makanan', /umur/]] as const) {
        await chat.say(text, next);
      }
      await bots.restart();
      expect(bots.output()).toMatch(/"telegram":"on \(long polling\)"/);
      // The draft lived in Redis: the conversation goes on where it was.
      for (const [text, next] of [['4 tahun', /Jenis/], ['1', /kecamatan/], ['1', /tempat/], ['1', /berlangsung/], ['ya', /menghubungi/],
        ['1', /ringkasan/]] as const) {
        await chat.say(text, next);
      }
      const [done] = await chat.say('1', /nomor tiket/);
      const report = await ReportModel.findOne({ ticket: ticketIn(done!) }).lean();
      expect(report).toMatchObject({ category: 'penelantaran', reporterRole: 'parent_guardian', child: { age: 4 } });
    } finally {
      expect(await bots.stop()).toBe(0);
    }
  }, 60_000);

  it('in webhook mode takes updates only with the right secret header, and answers a re-delivered update once', async () => {
    const secret = 'webhook-secret-0123456789abcdef';
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/webhook`;
    const bots = await startTelegramBots('tghook', db.uri, { BOTS_PORT: String(port), TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret });
    try {
      expect(bots.output()).toMatch(/"telegram":"on \(webhook\)"/);
      expect(bots.fake.webhook()).toMatchObject({ url, secretToken: secret });
      expect(bots.fake.calls('setMyCommands')).toHaveLength(1);
      expect(bots.fake.calls('getUpdates')).toHaveLength(0);

      const chat = bots.chat(3002);
      await chat.say('halo', /RAHASIA/);
      // The webhook is answered once the update is stored in its chat's inbox (a crash before that: Telegram sends it again).
      await expectEventually(() => expect(bots.fake.webhook()!.deliveries).toEqual([200]));

      const update = (id: number, text: string) => JSON.stringify({
        update_id: id, message: { message_id: id, date: 1, chat: { id: 3003, type: 'private' }, from: { id: 3003, is_bot: false, first_name: 'P' }, text },
      });
      const post = (body: string, headers: Record<string, string>) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect((await post(update(900, 'halo'), {})).status).toBe(401);
      expect((await post(update(901, 'halo'), { 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789abcdef' })).status).toBe(401);
      expect((await post(update(902, 'halo'), { 'x-telegram-bot-api-secret-token': secret.slice(0, -1) })).status).toBe(401);
      expect((await post('{not json', { 'x-telegram-bot-api-secret-token': secret })).status).toBe(400);
      expect((await post('{"no":"update"}', { 'x-telegram-bot-api-secret-token': secret })).status).toBe(400);
      // Nothing of the refused calls reached the engine; the right one is answered, and only once when re-sent.
      expect(bots.fake.textsTo(3003)).toEqual([]);
      expect((await post(update(903, 'halo'), { 'x-telegram-bot-api-secret-token': secret })).status).toBe(200);
      expect((await post(update(903, 'halo'), { 'x-telegram-bot-api-secret-token': secret })).status).toBe(200);
      const other = bots.chat(3003);
      await other.waitFor(/RAHASIA/);
      await other.say('ya', /bahaya/);
      await expectEventually(() => expect(other.texts().filter((t) => /RAHASIA/.test(t))).toHaveLength(1));
    } finally {
      expect(await bots.stop()).toBe(0);
    }
  }, 60_000);
});
