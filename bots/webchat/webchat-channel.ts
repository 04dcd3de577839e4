import { createReporterNotices } from '../../src/alerts/reporter-notices';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import type { BotsContext } from '../shared/bots-context';
import { emergencyLinks } from './emergency-block';
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
    limits: config.webchat,
    emergency: emergencyLinks(config.district),
    notices: createReporterNotices(redis, config.redis.prefix, createFieldCipher(config.crypto)),
  }));
  return `on (http://…:${config.bots.port}/chat)`;
}
