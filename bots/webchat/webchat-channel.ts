import type { BotsContext } from '../shared/bots-context';
import { webchatRoutes } from './webchat-routes';

/** Mounts the web chat on the bots HTTP server unless switched off; answers its status line. */
export function startWebchatChannel(ctx: BotsContext): string {
  const { config, redis, handle, hasher, routes } = ctx;
  if (!config.webchat.enabled) return 'off: WEBCHAT_ENABLED is false';
  routes.use(webchatRoutes({
    handle, redis, hasher,
    prefix: config.redis.prefix,
    unitName: config.district.unitName,
    exitUrl: config.webchat.exitUrl,
    messagesPerMinute: config.webchat.messagesPerMinute,
  }));
  return `on (http://…:${config.bots.port}/chat)`;
}
