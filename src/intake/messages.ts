import { z } from 'zod';
import { CHANNELS } from '../reports/report-vocabulary';

// The engine's only view of a channel. Adapters in bots/<channel>/ translate to and from these shapes.

export const MEDIA_KINDS = ['photo', 'voice', 'audio', 'video', 'document'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const InboundMessageSchema = z.object({
  channel: z.enum(CHANNELS),
  /** The channel's chat id as a string. Used for the keyed hash and the encrypted reply address; never stored raw. */
  chatId: z.string().min(1).max(200),
  /** What the person did. `choice` is a pressed button (its value); `unsupported` is a sticker, poll, etc. */
  kind: z.enum(['text', 'choice', 'media', 'location', 'unsupported']),
  text: z.string().optional(),
  choice: z.string().optional(),
  media: z
    .object({
      kind: z.enum(MEDIA_KINDS),
      mimeType: z.string().optional(),
      size: z.number().int().nonnegative().optional(),
      fileName: z.string().optional(),
    })
    .optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  /** The language the channel reports for the person, if any (a hint only). */
  languageHint: z.string().optional(),
  receivedAt: z.date().default(() => new Date()),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema> & {
  /** Downloads the media through the channel's API; present when kind is `media`. */
  fetchMedia?: () => Promise<Buffer>;
};

export interface OutboundOption {
  /** What the button or numbered line shows. */
  label: string;
  /** What comes back as `choice` when pressed (short: Telegram allows 64 bytes of callback data). */
  value: string;
}

export interface OutboundMessage {
  text: string;
  /** Choices for this step, numbered from 1. Channels with buttons show buttons; all channels accept the number. */
  options?: OutboundOption[];
  /** Emergency contacts and the like: channels may send these with more prominence. */
  urgent?: boolean;
  /** The language the conversation is in after this reply: channels with their own words (the web chat) follow it. */
  language?: 'id' | 'en';
  /** A staff member's reply, not the service's: the web chat shows it apart. */
  staff?: boolean;
}

/** The engine's entry point as channels see it: one inbound message in, the replies to send in order. */
export type HandleInboundMessage = (message: InboundMessage) => Promise<OutboundMessage[]>;

/** The plain-text form of a message with its options as numbered lines, for channels without buttons. */
export function renderAsText(message: OutboundMessage): string {
  if (!message.options?.length) return message.text;
  const lines = message.options.map((o, i) => `${i + 1}. ${o.label}`);
  return `${message.text}\n\n${lines.join('\n')}`;
}
