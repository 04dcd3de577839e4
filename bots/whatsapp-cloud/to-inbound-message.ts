import { z } from 'zod';
import type { InboundMessage, MediaKind } from '../../src/intake/messages';

// Where the Cloud API's webhook payload meets our InboundMessage. Lenient: fields we do not use may change freely;
// a message we cannot read becomes `unsupported`, and statuses (delivery receipts) are not messages at all.

const MediaRef = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() });
const CloudMessage = z.object({
  from: z.string().min(1).max(64),
  id: z.string().min(1).max(256),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z.object({
    type: z.string(),
    button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
  }).optional(),
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  image: MediaRef.optional(),
  audio: MediaRef.extend({ voice: z.boolean().optional() }).optional(),
  video: MediaRef.optional(),
  document: MediaRef.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
});
export type CloudMessage = z.infer<typeof CloudMessage>;

export const CloudWebhookSchema = z.object({
  object: z.string(),
  entry: z.array(z.object({
    changes: z.array(z.object({
      field: z.string(),
      value: z.object({ messages: z.array(z.unknown()).optional() }).passthrough(),
    })),
  })),
});
export type CloudWebhook = z.infer<typeof CloudWebhookSchema>;

/** The messages in a webhook call, each with the wamid (for de-duplication), in the order sent. */
export function messagesOf(body: CloudWebhook): CloudMessage[] {
  const out: CloudMessage[] = [];
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      for (const raw of change.value.messages ?? []) {
        const parsed = CloudMessage.safeParse(raw);
        if (parsed.success) out.push(parsed.data);
      }
    }
  }
  return out;
}

/** `fetchMedia(mediaId)` downloads through the Graph API (see graph-api.ts). */
export function toInboundMessage(msg: CloudMessage, fetchMedia: (mediaId: string) => Promise<Buffer>): InboundMessage {
  const receivedAt = msg.timestamp ? new Date(Number(msg.timestamp) * 1000) : new Date();
  const base = { channel: 'whatsapp_cloud' as const, chatId: msg.from, receivedAt: Number.isNaN(receivedAt.getTime()) ? new Date() : receivedAt };

  if (msg.type === 'text' && msg.text) return { ...base, kind: 'text', text: msg.text.body };
  if (msg.type === 'interactive' && msg.interactive) {
    const reply = msg.interactive.button_reply ?? msg.interactive.list_reply;
    if (reply) return { ...base, kind: 'choice', choice: reply.id.slice(0, 64) };
  }
  // A quick-reply button of a template: its payload is ours, its text is what the person saw.
  if (msg.type === 'button' && msg.button) return { ...base, kind: 'text', text: msg.button.text };
  if (msg.type === 'location' && msg.location) return { ...base, kind: 'location', location: msg.location };

  const media = mediaOf(msg);
  if (media) {
    return {
      ...base,
      kind: 'media',
      text: media.ref.caption,
      media: { kind: media.kind, mimeType: media.ref.mime_type?.split(';')[0]!.trim(), fileName: media.ref.filename },
      fetchMedia: () => fetchMedia(media.ref.id),
    };
  }
  return { ...base, kind: 'unsupported' };
}

function mediaOf(msg: CloudMessage): { kind: MediaKind; ref: z.infer<typeof MediaRef> } | null {
  if (msg.type === 'image' && msg.image) return { kind: 'photo', ref: msg.image };
  if (msg.type === 'audio' && msg.audio) return { kind: msg.audio.voice ? 'voice' : 'audio', ref: msg.audio };
  if (msg.type === 'voice' && msg.audio) return { kind: 'voice', ref: msg.audio };
  if (msg.type === 'video' && msg.video) return { kind: 'video', ref: msg.video };
  if (msg.type === 'document' && msg.document) return { kind: 'document', ref: msg.document };
  return null;
}
