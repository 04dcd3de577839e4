import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher, createLookupHasher } from '../../src/crypto/field-cipher';
import { loadConfig } from '../../src/config';
import { ReportModel } from '../../src/db/models/report.model';
import { SLA_HOURS, type Priority } from '../../src/reports/report-vocabulary';

const config = loadConfig();
export const testCipher = createFieldCipher(config.crypto);
const hash = createLookupHasher(config.crypto.lookupHashKey);

function ticket(): string {
  const part = () => randomBytes(3).toString('hex').toUpperCase().slice(0, 4);
  return `ADU-${part()}-${part()}`;
}

export interface ReportSeed {
  priority?: Priority;
  status?: 'queued' | 'claimed' | 'received';
  description?: string;
  childName?: string;
  reporterName?: string;
  kecamatan?: string;
  category?: 'kekerasan_fisik' | 'kekerasan_seksual' | 'penelantaran' | 'pendidikan';
  anonymous?: boolean;
  receivedAt?: Date;
  chatId?: string;
}

/** A confirmed, triaged report as the intake and triage write it: personal fields encrypted with the field cipher. */
export async function makeReport(seed: ReportSeed = {}) {
  const priority = seed.priority ?? 'P2';
  const receivedAt = seed.receivedAt ?? new Date();
  const anonymous = seed.anonymous ?? false;
  const _id = new Types.ObjectId();
  const enc = (plain: string, path: string) => testCipher.encrypt(plain, fieldOf(BOUND.reports, _id, path));
  return ReportModel.create({
    _id,
    ticket: ticket(),
    status: seed.status ?? 'queued',
    channel: 'telegram',
    reporterHash: hash(`telegram:${randomBytes(4).toString('hex')}`),
    anonymous,
    // As storeReport keeps it: the reporter's own Telegram chat id, encrypted.
    replyAddress: anonymous ? undefined : enc(seed.chatId ?? '5550001', 'replyAddress'),
    reporterRole: 'neighbour_community',
    reporterName: anonymous ? undefined : enc(seed.reporterName ?? 'Ibu Siti Aminah', 'reporterName'),
    contactMethod: anonymous ? 'none' : 'same_chat',
    immediateDanger: 'no',
    category: seed.category ?? 'kekerasan_fisik',
    description: enc(seed.description ?? 'Anak tetangga sering dipukul ayahnya di rumah.', 'description'),
    child: { ageBand: '6-12', sex: 'perempuan', name: enc(seed.childName ?? 'Putri', 'child.name') },
    location: { kecamatan: seed.kecamatan ?? 'Ipuh', desa: enc('Desa Tirta Mulya', 'location.desa'), placeType: 'rumah_tangga' },
    occurredWhen: enc('kemarin sore', 'occurredWhen'),
    ongoing: true,
    priority,
    triageReasons: ['kekerasan berulang'],
    slaDueAt: new Date(receivedAt.getTime() + SLA_HOURS[priority] * 3600_000),
    receivedAt,
    triagedAt: receivedAt,
    queuedAt: receivedAt,
  });
}
