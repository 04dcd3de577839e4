import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A small Graph API for the WhatsApp Cloud API adapter: POST /{phone-number-id}/messages, GET /{media-id} (its URL),
// GET of that URL (the bytes). Bearer token required as on graph.facebook.com; answers in the Graph API's shapes.

export interface FakeGraphApi {
  root: string;
  accessToken: string;
  phoneNumberId: string;
  /** Message bodies the adapter posted, in order. */
  sent(): Record<string, any>[];
  sentTo(waId: string): Record<string, any>[];
  addMedia(bytes: Buffer, mimeType: string): string;
  /** The next `count` sends are answered `status` (Graph API down or throttling) and not delivered. */
  failNextSends(count: number, status?: number): void;
  mediaRequests(): string[];
  close(): Promise<void>;
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const accessToken = 'EAAG-fake-access-token-for-tests';
  const phoneNumberId = '109876543210';
  const sent: Record<string, any>[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const mediaRequests: string[] = [];
  let nextMedia = 1;
  let nextWamid = 1;
  let failing: { count: number; status: number } = { count: 0, status: 503 };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      return send(401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);

    if (req.method === 'POST' && url.pathname === `/${phoneNumberId}/messages`) {
      if (failing.count > 0) {
        failing.count -= 1;
        return send(failing.status, { error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true } });
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      sent.push(body);
      return send(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.out${nextWamid++}` }] });
    }
    const file = url.pathname.match(/^\/media-files\/(.+)$/);
    if (req.method === 'GET' && file) {
      const m = media.get(file[1]!);
      if (!m) return send(404, { error: { message: 'not found' } });
      return res.writeHead(200, { 'content-type': m.mimeType }).end(m.bytes);
    }
    const meta = url.pathname.match(/^\/([0-9]+)$/);
    if (req.method === 'GET' && meta && media.has(meta[1]!)) {
      mediaRequests.push(meta[1]!);
      const m = media.get(meta[1]!)!;
      return send(200, { messaging_product: 'whatsapp', url: `${root}/media-files/${meta[1]}`, mime_type: m.mimeType, sha256: 'x', file_size: m.bytes.length, id: meta[1] });
    }
    send(404, { error: { message: 'Unknown path components', code: 2500 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    root, accessToken, phoneNumberId,
    sent: () => sent,
    sentTo: (waId) => sent.filter((m) => m.to === waId),
    addMedia(bytes, mimeType) {
      const id = String(900000 + nextMedia++);
      media.set(id, { bytes, mimeType });
      return id;
    },
    mediaRequests: () => mediaRequests,
    failNextSends(count, status = 503) {
      failing = { count, status };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The text a person sees in a message the adapter sent (text body or interactive body). */
export function cloudText(message: Record<string, any>): string {
  return message.text?.body ?? message.interactive?.body?.text ?? `[${message.type}]`;
}
