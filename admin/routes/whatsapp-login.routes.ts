import type { Express } from 'express';
import QRCode from 'qrcode';
import { readWhatsappLoginQr } from '../../src/channels/whatsapp-login-qr';
import type { RouteDeps } from '../create-admin-app';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { actorOf, allow } from '../middleware/current-user';

// The unit's phone scans this to link the WhatsApp (whatsapp-web.js) session of the bots process. The QR lives in
// Redis for about a minute; the page reloads itself while one may still come.
export function registerWhatsappLoginRoutes(app: Express, deps: RouteDeps): void {
  app.get('/whatsapp', allow('whatsapp.login'), async (req, res) => {
    const waiting = await readWhatsappLoginQr(deps.redis, deps.config.redis.prefix);
    // Whoever scans this QR reads the unit's WhatsApp chats with reporters: each showing is on record.
    if (waiting) await recordAuditEvent(actorOf(req), { action: 'whatsapp.login_qr_view', subjectType: 'channel', subjectId: 'whatsapp' });
    const svg = waiting ? await QRCode.toString(waiting.qr, { type: 'svg', margin: 2, width: 280 }) : null;
    res.set('cache-control', 'no-store');
    res.render('whatsapp-login.njk', { title: 'WhatsApp', svg, at: waiting?.at });
  });
}
