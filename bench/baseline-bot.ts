import { Redis } from 'ioredis';
import { Markup, Scenes, session, Telegraf, type Context } from 'telegraf';
import { id as t } from '../src/intake/catalogues/id';
import { loadDistrict } from '../src/districts/district';

// The benchmark's baseline: the smallest telegraf bot that asks the same questions with a WizardScene and keeps its
// session in Redis (a tiny JSON store on ioredis), with no validation, encryption, database or queue. Run as its own
// process by bench/main.ts: BASELINE_TOKEN, BASELINE_API_ROOT, BASELINE_REDIS_URL, BASELINE_PREFIX.

type Ctx = Scenes.WizardContext;
const redis = new Redis(process.env.BASELINE_REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = process.env.BASELINE_PREFIX ?? 'baseline';
const district = loadDistrict('mukomuko', '0737-123-456');

const store = {
  async get(key: string) {
    const raw = await redis.get(`${prefix}:session:${key}`);
    return raw ? JSON.parse(raw) : undefined;
  },
  set: (key: string, value: unknown) => redis.set(`${prefix}:session:${key}`, JSON.stringify(value), 'EX', 86_400),
  delete: (key: string) => redis.del(`${prefix}:session:${key}`),
};

const withOptions = (text: string, labels: string[]) =>
  [`${text}\n\n${labels.map((l, i) => `${i + 1}. ${l}`).join('\n')}`, Markup.inlineKeyboard(labels.map((l, i) => [Markup.button.callback(`${i + 1}. ${l}`.slice(0, 64), `v${i}`)]))] as const;
const yesNo = [t.options.yes, t.options.no, t.options.dontKnow];

// Each entry: the question asked after the previous answer, in the order of the real intake.
const QUESTIONS: ((ctx: Ctx) => Promise<unknown>)[] = [
  (ctx) => ctx.reply(...withOptions(t.danger, yesNo)),
  async (ctx) => {
    if (/^(ya|1)$/i.test(answer(ctx))) await ctx.reply(t.emergency(district.emergencyContacts.map((c) => `${c.label}: ${c.number}`).join('\n')));
    return ctx.reply(...withOptions(t.reporterRole, Object.values(t.reporterRoles)));
  },
  (ctx) => ctx.reply(...withOptions(t.anonymous, [t.anonymousOptions.yes, t.anonymousOptions.no])),
  (ctx) => ctx.reply(...withOptions(t.category, Object.values(t.categories))),
  (ctx) => ctx.reply(t.description),
  (ctx) => ctx.reply(...withOptions(t.moreMedia, [t.options.continue])),
  (ctx) => ctx.reply(...withOptions(t.childAge, Object.values(t.ageBands))),
  (ctx) => ctx.reply(...withOptions(t.childSex, Object.values(t.sexes))),
  (ctx) => ctx.reply(...withOptions(t.childName, [t.options.skip])),
  (ctx) => ctx.reply(...withOptions(t.perpetrator, Object.values(t.perpetrators))),
  (ctx) => ctx.reply(...withOptions(t.kecamatan(district.unitName), district.kecamatan)),
  (ctx) => ctx.reply(...withOptions(t.desa, [t.options.skip])),
  (ctx) => ctx.reply(...withOptions(t.placeType, Object.values(t.placeTypes))),
  (ctx) => ctx.reply(...withOptions(t.location, [t.options.skip])),
  (ctx) => ctx.reply(t.when),
  (ctx) => ctx.reply(...withOptions(t.ongoing, yesNo)),
  (ctx) => ctx.reply(...withOptions(t.contact, Object.values(t.contactMethods))),
  (ctx) => ctx.reply(t.contactPhone),
  (ctx) => {
    const answers = (ctx.wizard.state as { answers?: string[] }).answers ?? [];
    return ctx.reply(...withOptions(`${answers.join('\n')}\n\n${t.confirm}`, Object.values(t.confirmOptions)));
  },
];

function answer(ctx: Ctx): string {
  const update = ctx.update as { message?: { text?: string }; callback_query?: { data?: string } };
  return update.message?.text ?? update.callback_query?.data ?? '';
}

const steps = [
  async (ctx: Ctx) => {
    await ctx.reply(...withOptions(t.welcome(district.unitName), [t.options.yes, t.options.no]));
    return ctx.wizard.next();
  },
  ...QUESTIONS.map((ask) => async (ctx: Ctx) => {
    const state = ctx.wizard.state as { answers?: string[] };
    state.answers = [...(state.answers ?? []), answer(ctx)];
    await ask(ctx);
    return ctx.wizard.next();
  }),
  async (ctx: Ctx) => {
    const ticket = `ADU-${code()}-${code()}`;
    await ctx.reply(t.submitted(ticket));
    return ctx.scene.leave();
  },
];

const code = () => Array.from({ length: 4 }, () => '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 32)]).join('');

const wizard = new Scenes.WizardScene<Ctx>('report', ...steps);
const stage = new Scenes.Stage<Ctx>([wizard]);
const bot = new Telegraf<Ctx>(process.env.BASELINE_TOKEN!, { telegram: { apiRoot: process.env.BASELINE_API_ROOT! } });
bot.use(session({ store: store as never }));
bot.use(stage.middleware());
bot.on('callback_query', (ctx, next) => {
  void ctx.answerCbQuery().catch(() => undefined);
  return next();
});
bot.on('message', (ctx) => ctx.scene.enter('report'));
bot.catch((err) => {
  process.stderr.write(`baseline: ${(err as Error).message}\n`);
});
void bot.launch({ dropPendingUpdates: false }, () => process.stdout.write('baseline ready\n'));
process.once('SIGTERM', () => {
  bot.stop('SIGTERM');
  redis.disconnect();
  process.exit(0);
});
