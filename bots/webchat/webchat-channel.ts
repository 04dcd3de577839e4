import { createReporterNotices } from '../../src/alerts/reporter-notices';
import type { FieldCipher } from '../../src/crypto/field-cipher';
import { listWaitingReplies, markReplyShown } from '../../src/reports/reporter-messages';
import { reporterHashOf } from '../../src/reports/store-report';
import type { BotsContext } from '../shared/bots-context';
import { emergencyLinks } from './emergency-block';
import { createLiveChats } from './live-chats';
import { UI_TEXT } from './ui-text';
import { webchatRoutes } from './webchat-routes';

/** Mounts the web chat on the bots HTTP server unless switched off; answers its status line. */
export function startWebchatChannel(ctx: BotsContext, cipher: FieldCipher): string {
  const { config, redis, handle, hasher, routes } = ctx;
  if (!config.webchat.enabled) return 'off: WEBCHAT_ENABLED is false';
  // A connection in subscriber mode can do nothing else: one of its own for the open pages.
  const subscriber = redis.duplicate({ enableAutoPipelining: false });
  subscriber.on('error', () => undefined);
  const live = createLiveChats({ redis, subscriber, prefix: config.redis.prefix, hasher, cipher });
  const staffReply = (text: string) => ({ text: `${UI_TEXT.id.staffReply} / ${UI_TEXT.en.staffReply}:\n${text}`, staff: true });

  const router = webchatRoutes({
    handle, redis, hasher,
    prefix: config.redis.prefix,
    unitName: config.district.unitName,
    exitUrl: config.webchat.exitUrl,
    limits: config.webchat,
    emergency: emergencyLinks(config.district),
    notices: createReporterNotices(redis, config.redis.prefix, cipher),
    maxTextLength: config.intake.maxTextLength,
    media: config.media,
    live,
    async waitingReplies(sessionId) {
      const waiting = await listWaitingReplies(reporterHashOf(hasher, { channel: 'webchat', chatId: sessionId }), cipher);
      return waiting.map((w) => ({ id: w.id, replies: [staffReply(w.text)] }));
    },
    markShown: (messageId) => markReplyShown(messageId),
  });
  routes.use(router);

  // Staff replies (through the `bots` queue) and draft reminders: shown in the open page, or kept waiting.
  ctx.senders.webchat = async (chatId, replies, purpose) => {
    const shown = purpose === 'staff_reply' ? replies.map((r) => staffReply(r.text)) : replies;
    return (await live.push(chatId, shown)) > 0 ? 'delivered' : 'waiting';
  };
  ctx.shutdown.onStop('webchat-live', async () => {
    router.closeStreams();
    await subscriber.quit().catch(() => undefined);
  });
  return `on (http://…:${config.bots.port}/chat)`;
}
