// The few Graph API calls the Cloud API adapter makes. Errors name the call and the status, never the body
// (a refused message body is a reporter's conversation).

export interface GraphApiOptions {
  /** config.whatsappCloud.graphRoot, e.g. https://graph.facebook.com/v21.0 */
  graphRoot: string;
  accessToken: string;
  phoneNumberId: string;
  /** Media larger than this is not downloaded. */
  maxBytes: number;
}

export interface GraphApi {
  sendMessage(body: Record<string, unknown>): Promise<void>;
  downloadMedia(mediaId: string): Promise<Buffer>;
}

export class GraphApiError extends Error {
  constructor(call: string, readonly status: number) {
    super(`graph api ${call} answered ${status}`);
    this.name = 'GraphApiError';
  }
}

export function createGraphApi(opts: GraphApiOptions): GraphApi {
  const auth = { authorization: `Bearer ${opts.accessToken}` };
  return {
    async sendMessage(body) {
      const res = await fetch(`${opts.graphRoot}/${opts.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...body }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new GraphApiError('messages', res.status);
    },
    async downloadMedia(mediaId) {
      if (!/^[A-Za-z0-9_.-]{1,128}$/.test(mediaId)) throw new Error('invalid media id');
      const meta = await fetch(`${opts.graphRoot}/${mediaId}`, { headers: auth, signal: AbortSignal.timeout(15_000) });
      if (!meta.ok) throw new GraphApiError('media', meta.status);
      const { url, file_size: size } = (await meta.json()) as { url?: string; file_size?: number };
      if (!url) throw new GraphApiError('media url', 502);
      if (size && size > opts.maxBytes) throw new Error('media too large');
      const file = await fetch(url, { headers: auth, signal: AbortSignal.timeout(30_000) });
      if (!file.ok) throw new GraphApiError('media download', file.status);
      return Buffer.from(await file.arrayBuffer());
    },
  };
}
