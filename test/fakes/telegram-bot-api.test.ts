import { Telegraf, Markup } from 'telegraf';
import { startFakeTelegram, type FakeTelegram } from './telegram-bot-api';
import { expectEventually } from '../support/expect-eventually';

// The fake must be faithful enough that the real telegraf client works against it unchanged.
describe('fake Telegram Bot API with the real telegraf', () => {
  let fake: FakeTelegram;
  let bot: Telegraf;

  beforeEach(async () => {
    fake = await startFakeTelegram();
    bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
  });
  afterEach(async () => {
    if (bot.botInfo) bot.stop();
    await fake.close();
  });

  it('long-polls updates, answers commands, text and button presses, and serves files', async () => {
    bot.start((ctx) => ctx.reply('Halo', Markup.inlineKeyboard([Markup.button.callback('Ya', 'yes')])));
    bot.action('yes', async (ctx) => {
      await ctx.answerCbQuery();
      await ctx.reply('Pilihan: ya');
    });
    bot.on('photo', async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.photo[0]!.file_id);
      const bytes = Buffer.from(await (await fetch(link)).arrayBuffer());
      await ctx.reply(`foto ${bytes.length} byte`);
    });
    bot.on('text', (ctx) => ctx.reply(`Anda menulis: ${ctx.message.text}`));
    void bot.launch({ dropPendingUpdates: false });

    fake.sendText(42, '/start');
    fake.pressButton(42, 'yes');
    fake.sendText(42, 'tolong');
    fake.sendPhoto(42, Buffer.from('jpegbytes'));

    await expectEventually(() =>
      expect(fake.textsTo(42)).toEqual(['Halo', 'Pilihan: ya', 'Anda menulis: tolong', 'foto 9 byte']),
    );
    expect(fake.messagesTo(42)[0]!.reply_markup.inline_keyboard[0][0]).toEqual({ text: 'Ya', callback_data: 'yes', hide: false });
    expect(fake.calls('answerCallbackQuery')).toHaveLength(1);
  });

  it('answers 429 with retry_after when told to, as Telegram does', async () => {
    fake.failNext('sendMessage', 429, 3);
    await expect(bot.telegram.sendMessage(7, 'x')).rejects.toMatchObject({
      response: { error_code: 429, parameters: { retry_after: 3 } },
    });
    await bot.telegram.sendMessage(7, 'y');
    expect(fake.textsTo(7)).toEqual(['x', 'y']);
  });
});
