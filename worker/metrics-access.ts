import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

// Queue depths and failure counts tell an outsider how busy the unit is and when alerts go unread: /metrics is for
// the operator's scraper only. With METRICS_TOKEN set, every caller shows it (Authorization: Bearer); without it,
// only a connection from this machine's loopback is answered, so an unset token never opens /metrics to a network.

/** True when this request may read /metrics. */
export function mayReadMetrics(req: http.IncomingMessage, token: string | undefined): boolean {
  if (!token) return isLoopback(req.socket.remoteAddress);
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return Boolean(match) && sameSecret(match![1]!, token);
}

function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
