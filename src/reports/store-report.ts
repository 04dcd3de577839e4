import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { z } from 'zod';
import { BOUND, fieldOf } from '../crypto/encrypted-fields';
import type { FieldCipher } from '../crypto/field-cipher';
import { idForKey } from '../db/id-for-key';
import { ReportModel } from '../db/models/report.model';
import { MediaRefSchema } from '../intake/draft';
import {
  AGE_BANDS, CATEGORIES, CHANNELS, CONTACT_METHODS, DANGER_ANSWERS, PERPETRATOR_RELATIONS, PLACE_TYPES,
  REPORTER_ROLES, SEXES, type Channel,
} from './report-vocabulary';
import { generateTicket } from './ticket';

/**
 * A report as confirmed, from any channel: the chat intake builds it from a draft; walk-in and phone registration in
 * the admin panel fill the same shape. Plain values here; storeReport encrypts what identifies a person.
 */
export const ConfirmedReportSchema = z.object({
  language: z.enum(['id', 'en']).default('id'),
  anonymous: z.boolean(),
  reporterRole: z.enum(REPORTER_ROLES).optional(),
  reporterName: z.string().max(200).optional(),
  immediateDanger: z.enum(DANGER_ANSWERS).default('unknown'),
  category: z.enum(CATEGORIES),
  description: z.string().min(1).max(10_000),
  child: z.object({
    age: z.number().int().min(0).max(17).optional(),
    ageBand: z.enum(AGE_BANDS).default('unknown'),
    sex: z.enum(SEXES).default('unknown'),
    name: z.string().max(200).optional(),
  }),
  perpetratorRelation: z.enum(PERPETRATOR_RELATIONS).default('not_said'),
  location: z.object({
    kecamatan: z.string().optional(),
    desa: z.string().max(200).optional(),
    placeType: z.enum(PLACE_TYPES).optional(),
    exact: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  }),
  occurredWhen: z.string().max(500).optional(),
  ongoing: z.enum(DANGER_ANSWERS).optional(),
  contactMethod: z.enum(CONTACT_METHODS).default('none'),
  contactPhone: z.string().max(30).optional(),
  media: z.array(MediaRefSchema).default([]),
});
export type ConfirmedReport = z.input<typeof ConfirmedReportSchema>;

export interface ReporterKey {
  channel: Channel;
  /** The channel's chat id (or, for walk-in/phone, the desk's own reference). Only its keyed hash is stored in clear. */
  chatId: string;
}

export interface StoreReportDeps {
  cipher: FieldCipher;
  hasher: (value: string) => string;
  /** Ticket source; tests pass their own to provoke a duplicate. */
  generateTicket?: () => string;
}


export interface StoredReport {
  id: string;
  ticket: string;
}

/** The keyed hash that finds a reporter's own reports (status) without keeping the chat id. */
export function reporterHashOf(hasher: (value: string) => string, key: ReporterKey): string {
  return hasher(`${key.channel}:${key.chatId}`);
}

const MAX_TICKET_ATTEMPTS = 5;

export interface StoreReportOptions {
  /**
   * The same key always yields the same report (the chat intake passes `draft:<draft id>`): a confirm repeated after a
   * crash between the write and the reply, or an update delivered twice, answers with the first ticket instead of
   * storing the report again. Default: a fresh key (walk-in registration).
   */
  intakeKey?: string;
  /** Who registered it, for the first event: "reporter" (chat) or the staff user id (walk-in, phone). */
  actor?: string;
}

/**
 * Writes a confirmed report with a fresh unique ticket; personal fields encrypted. Resolves once the write is
 * acknowledged. Idempotent per `intakeKey`.
 */
export async function storeReport(
  deps: StoreReportDeps,
  input: ConfirmedReport,
  reporter: ReporterKey,
  opts: StoreReportOptions = {},
): Promise<StoredReport> {
  const intakeKey = opts.intakeKey ?? `new:${randomUUID()}`;
  // The report's _id follows from its intake key: the unique _id index refuses a second copy (11000 below), so a
  // repeat is found without a look-up before every insert, and then by _id, the one filter FerretDB answers from an index.
  const _id = idForKey(intakeKey);
  const r = ConfirmedReportSchema.parse(input);
  z.enum(CHANNELS).parse(reporter.channel);
  const enc = (v: string | undefined, path: string) => (v === undefined || v === '' ? undefined : deps.cipher.encrypt(v, fieldOf(BOUND.reports, _id, path)));
  // Anonymous means anonymous: no way back to the reporter is kept, whatever else was filled in.
  const contactMethod = r.anonymous ? 'none' : r.contactMethod;
  const doc = {
    status: 'received' as const,
    _id,
    intakeKey,
    channel: reporter.channel,
    language: r.language,
    reporterHash: reporterHashOf(deps.hasher, reporter),
    anonymous: r.anonymous,
    replyAddress: r.anonymous ? undefined : enc(reporter.chatId, 'replyAddress'),
    reporterRole: r.reporterRole,
    reporterName: r.anonymous ? undefined : enc(r.reporterName, 'reporterName'),
    contactMethod,
    contactPhone: contactMethod === 'other_number' ? enc(r.contactPhone, 'contactPhone') : undefined,
    immediateDanger: r.immediateDanger,
    category: r.category,
    description: enc(r.description, 'description'),
    child: { age: r.child.age, ageBand: r.child.ageBand, sex: r.child.sex, name: enc(r.child.name, 'child.name') },
    perpetratorRelation: r.perpetratorRelation,
    location: {
      kecamatan: r.location.kecamatan,
      desa: enc(r.location.desa, 'location.desa'),
      placeType: r.location.placeType,
      exact: r.location.exact ? enc(`${r.location.exact.latitude},${r.location.exact.longitude}`, 'location.exact') : undefined,
    },
    occurredWhen: enc(r.occurredWhen, 'occurredWhen'),
    ongoing: r.ongoing === undefined || r.ongoing === 'unknown' ? undefined : r.ongoing === 'yes',
    media: r.media,
    receivedAt: new Date(),
    events: [{ type: 'status', to: 'received', actor: opts.actor ?? 'reporter', at: new Date() }],
  };
  for (let attempt = 1; ; attempt++) {
    const ticket = (deps.generateTicket ?? generateTicket)();
    try {
      const created = await ReportModel.create({ ...doc, ticket });
      return { id: created._id.toString(), ticket };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // 11000 on _id: the same confirm raced us and won; its report is ours.
      const raced = await findStored(_id);
      if (raced) return raced;
      // Otherwise on the ticket index: another report drew the same ticket; draw again.
      if (attempt < MAX_TICKET_ATTEMPTS) continue;
      throw err;
    }
  }
}

async function findStored(_id: Types.ObjectId): Promise<StoredReport | null> {
  const found = await ReportModel.findById(_id, { ticket: 1 }).lean();
  return found ? { id: found._id.toString(), ticket: found.ticket } : null;
}
