import type { Redis } from 'ioredis';

// The WhatsApp login QR, kept briefly so the admin panel can show it to a logged-in admin (the bots process shows
// it in its terminal too). A QR is only valid for about a minute; after login it is removed.

const QR_TTL_SECONDS = 90;
const key = (prefix: string) => `${prefix}:whatsapp:login-qr`;

export async function storeWhatsappLoginQr(redis: Redis, prefix: string, qr: string): Promise<void> {
  await redis.set(key(prefix), JSON.stringify({ qr, at: new Date().toISOString() }), 'EX', QR_TTL_SECONDS);
}

export async function clearWhatsappLoginQr(redis: Redis, prefix: string): Promise<void> {
  await redis.del(key(prefix));
}

/** The current login QR (its text, to draw with `qrcode`) and when it came, or null when none is waiting. */
export async function readWhatsappLoginQr(redis: Redis, prefix: string): Promise<{ qr: string; at: string } | null> {
  const raw = await redis.get(key(prefix));
  return raw ? (JSON.parse(raw) as { qr: string; at: string }) : null;
}
