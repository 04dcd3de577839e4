import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { AlertModel, type AlertDocument } from '../db/models/alert.model';
import type { PendingAlerts } from './pending-alerts';

/** The one thing this module needs from a Telegram client (telegraf's `Telegram` has it). */
export interface TelegramSender {
  sendMessage(chatId: string, text: string, extra?: { link_preview_options?: { is_disabled: boolean } }): Promise<unknown>;
}

/** A Telegram sender that keeps Telegram's pace of one message a second in a chat (worker/chat-pacer.ts). */
export interface PacedTelegramSender extends TelegramSender {
  /** Takes this chat's next second, or throws (the caller comes back when it is free). */
  reserveChat(chatId: string): Promise<void>;
  /** Sends in a second already taken with reserveChat. */
  sendReserved: TelegramSender['sendMessage'];
}

/** `heard`: urgent-draft alerts this call delivered, whose reporters may now be told a person has them. */
export type SendOutcome = { outcome: 'sent' | 'already_sent' | 'not_found'; together?: number; heard?: string[] };

/**
 * Sends a stored alert once over its own channel. A retry after a successful send finds `sentAt` and does nothing;
 * the one window left (crash between the send and the write) repeats a message rather than lose it.
 */
export async function deliverAlert(
  alertId: string,
  channel: 'telegram' | 'whatsapp',
  deps: { cipher: FieldCipher; send: (address: string, text: string) => Promise<unknown> },
): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt) return { outcome: 'already_sent' };
  if (alert.channel !== channel || !alert.address) throw new Error(`alert ${alertId} has no ${channel} recipient`);
  await deps.send(deps.cipher.decrypt(alert.address, fieldOf(BOUND.alerts, alert._id, 'address')), alert.text);
  await markSent([alert]);
  return { outcome: 'sent', heard: heardOf([alert]) };
}

/** Telegram's limit is 4,096 characters a message; what does not fit leaves in the next one. */
const MAX_MESSAGE_CHARS = 4000;
const SEPARATOR = '\n\n';

/** The waiting lists of Telegram alerts (PendingAlerts), keyed by the keyed hash of each recipient's chat. */
export interface TelegramWaitingList {
  cipher: FieldCipher;
  pending: PendingAlerts;
  /** The lookup hasher (createLookupHasher). */
  hasher: (value: string) => string;
}

export interface TelegramAlertDeps extends TelegramWaitingList {
  telegram: PacedTelegramSender;
}

/**
 * Puts a Telegram alert on its recipient's waiting list. The raising job does it at once, so that whichever alert job
 * next gets that chat's second takes this alert along, even before this alert's own job has run.
 */
export async function joinWaitingList(alert: AlertDocument, deps: TelegramWaitingList): Promise<{ chatId: string; recipient: string }> {
  if (alert.channel !== 'telegram' || !alert.address) throw new Error(`alert ${alert.id} has no telegram recipient`);
  const chatId = deps.cipher.decrypt(alert.address, fieldOf(BOUND.alerts, alert._id, 'address'));
  const recipient = deps.hasher(`telegram:${chatId}`);
  if (!alert.sentAt) await deps.pending.add(recipient, [asPending(alert)]);
  return { chatId, recipient };
}

/**
 * Sends a stored alert by Telegram together with every other alert waiting for the same person: whichever alert job
 * gets the chat's next second takes the whole waiting list and sends it as one message (the list is taken only once
 * the second is had, so one message a second carries everything that waited). A job whose alert already left still
 * sends what waits, so no alert waits on its own job's turn. Safe to repeat like deliverAlert; when the send fails
 * every alert taken goes back to wait and the error is thrown, as it is when the chat's second is taken while this
 * job's alert still waits (the job comes back then).
 */
export async function sendAlertByTelegram(alertId: string, deps: TelegramAlertDeps): Promise<SendOutcome> {
  const alert = await AlertModel.findById(alertId);
  if (!alert) return { outcome: 'not_found' };
  if (alert.sentAt && alert.channel !== 'telegram') return { outcome: 'already_sent' };
  const { chatId, recipient } = await joinWaitingList(alert, deps);
  if (alert.sentAt && !(await deps.pending.count(recipient))) return { outcome: 'already_sent' };
  try {
    await deps.telegram.reserveChat(chatId);
  } catch (err) {
    if (alert.sentAt) return { outcome: 'already_sent' };
    throw err;
  }

  // This alert is sent now even if an earlier holder of the chat took it and died before sending.
  const taken = (await deps.pending.takeAll(recipient)).filter((id) => id !== alertId);
  const others = (await Promise.all(taken.map((id) => AlertModel.findById(id)))).filter((a): a is AlertDocument => Boolean(a && !a.sentAt));
  const waiting = alert.sentAt ? others : [alert, ...others];
  if (!waiting.length) return { outcome: 'already_sent' };
  try {
    const together = fitInOneMessage(waiting);
    await deps.pending.add(recipient, waiting.slice(together.length).map(asPending));
    await deps.telegram.sendReserved(chatId, messageOf(together), { link_preview_options: { is_disabled: true } });
    await markSent(together);
    return { outcome: alert.sentAt ? 'already_sent' : 'sent', together: together.length, heard: heardOf(together) };
  } catch (err) {
    await deps.pending.add(recipient, waiting.map(asPending)).catch(() => undefined);
    // Sending for others only: their own jobs retry (or record the failure) for them.
    if (alert.sentAt) return { outcome: 'already_sent' };
    throw err;
  }
}

function fitInOneMessage(alerts: AlertDocument[]): AlertDocument[] {
  const fitting: AlertDocument[] = [];
  let length = 0;
  for (const a of alerts) {
    length += (a.summary ?? a.text).length + SEPARATOR.length + 5;
    if (fitting.length && length > MAX_MESSAGE_CHARS) break;
    fitting.push(a);
  }
  return fitting;
}

/** One alert: its text. Several: a header and one numbered line each (the summary), so more fit in one message. */
function messageOf(alerts: AlertDocument[]): string {
  if (alerts.length === 1) return alerts[0]!.text;
  const items = alerts.map((a, i) => `${i + 1}. ${a.summary ?? a.text}`);
  return [`LAPOR ANAK: ${alerts.length} peringatan sekaligus`, ...items].join(SEPARATOR);
}

const heardOf = (alerts: AlertDocument[]) => alerts.filter((a) => a.kind === 'urgent_draft').map((a) => a.id as string);

const asPending = (a: AlertDocument) => ({ id: a.id as string, at: a.createdAt ?? new Date() });

async function markSent(alerts: AlertDocument[]): Promise<void> {
  const $set = { sentAt: new Date(), status: 'sent' };
  // Several in one statement (on FerretDB 19 single updates took 2.6 times as long as one updateMany, measured).
  if (alerts.length === 1) await AlertModel.updateOne({ _id: alerts[0]!._id }, { $set });
  else await AlertModel.updateMany({ _id: { $in: alerts.map((a) => a._id) } }, { $set });
}
