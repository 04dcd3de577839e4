import type { BotsContext } from '../shared/bots-context';
import { createGraphApi } from './graph-api';
import { sendToReporter } from './send-reply';
import { cloudWebhookRoutes } from './webhook-routes';

export const CLOUD_WEBHOOK_PATH = '/whatsapp-cloud/webhook';

/** Mounts the Cloud API webhook when all four settings are there; answers its status line. */
export function startWhatsappCloudChannel(ctx: BotsContext): string {
  const { config, logger, redis, handle, hasher, routes, shutdown, senders } = ctx;
  const { phoneNumberId, accessToken, appSecret, verifyToken, graphRoot, template, templateLanguage } = config.whatsappCloud;
  const missing = Object.entries({
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: phoneNumberId, WHATSAPP_CLOUD_ACCESS_TOKEN: accessToken,
    WHATSAPP_CLOUD_APP_SECRET: appSecret, WHATSAPP_CLOUD_VERIFY_TOKEN: verifyToken,
  }).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length === 4) return 'off: WHATSAPP_CLOUD_PHONE_NUMBER_ID is not set';
  if (missing.length) return `off: ${missing.join(', ')} not set`;

  const graph = createGraphApi({ graphRoot, accessToken: accessToken!, phoneNumberId: phoneNumberId!, maxBytes: config.media.maxBytes });
  const prefix = config.redis.prefix;
  const { router, chats } = cloudWebhookRoutes({
    path: CLOUD_WEBHOOK_PATH, verifyToken: verifyToken!, appSecret: appSecret!, handle, graph, redis, prefix, hasher, logger,
  });
  routes.use(router);
  shutdown.onStop('whatsapp-cloud', () => chats.drain());
  senders.whatsapp_cloud = async (chatId, replies) => {
    await sendToReporter({ graph, redis, prefix, hasher, template: { name: template, language: templateLanguage } }, chatId, replies);
  };
  return `on (webhook ${CLOUD_WEBHOOK_PATH})`;
}
