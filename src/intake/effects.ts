import type { MediaKind } from './messages';

/** What the engine asks the service to do; data only, performed by handle-inbound-message. */
export type IntakeEffect =
  | { type: 'urgent_alert'; draftId: string }
  | { type: 'submit' }
  | { type: 'store_media'; kind: MediaKind; mimeType: string; declaredSize?: number }
  | { type: 'forget_draft' }
  | { type: 'list_status' };
