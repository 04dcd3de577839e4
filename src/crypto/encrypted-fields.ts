import type { FieldBinding } from './field-cipher';

/**
 * The binding of one encrypted value: its collection, its record's id and its field path. Inside an array whose
 * elements have their own `_id` (a case's referrals, notes, monitoring), the path names the element
 * ("conferenceNotes.<noteId>.text"), so a note copied into another note, or another case, does not open.
 */
export function fieldOf(collection: string, recordId: unknown, field: string): FieldBinding {
  return { collection, recordId: String(recordId), field };
}

/** The path of a field inside an array element that has its own id (see fieldOf). */
export function elementField(array: string, elementId: unknown, field: string): string {
  return `${array}.${String(elementId)}.${field}`;
}

/**
 * The collections, as their data is bound. Values that live outside the database (Redis drafts, queued replies) are
 * bound to their own key too, so one sealed blob cannot stand in for another.
 */
export const BOUND = {
  reports: 'reports',
  cases: 'cases',
  reportMessages: 'reportmessages',
  users: 'users',
  onCallShifts: 'oncallshifts',
  alerts: 'alerts',
  dataKeyCanary: 'data_key_canary',
  media: 'media',
  drafts: 'redis:drafts',
  reporterChats: 'redis:reporter-chats',
  reporterNotices: 'redis:reporter-notices',
  webchatReplies: 'redis:webchat-replies',
  chatInbox: 'redis:chat-inbox',
  outboundJobs: 'queue:outbound',
} as const;

/** A WhatsApp send job's sealed {chatId, text}, bound to the job's own message id. */
export function sealedJobField(messageId: string): FieldBinding {
  return fieldOf(BOUND.outboundJobs, messageId, 'sealed');
}
