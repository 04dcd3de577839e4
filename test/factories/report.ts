import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { BOUND, fieldOf } from '../../src/crypto/encrypted-fields';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import type { Config } from '../../src/config';
import { ReportModel } from '../../src/db/models/report.model';
import { OnCallShiftModel, type AlertRole } from '../../src/db/models/on-call-shift.model';
import { ageBandOf, type AgeBand, type Category, type DangerAnswer } from '../../src/reports/report-vocabulary';

export interface ReportSpec {
  text?: string;
  category?: Category;
  childAge?: number;
  immediateDanger?: DangerAnswer;
  ongoing?: boolean;
  kecamatan?: string;
  reporterHash?: string;
  childName?: string;
  receivedAt?: Date;
}

/** A Report as the intake engine stores it: status `received`, personal fields encrypted. */
export async function storeReceivedReport(config: Config, spec: ReportSpec = {}) {
  const cipher = createFieldCipher(config.crypto);
  const age = spec.childAge ?? 9;
  const _id = new Types.ObjectId();
  const enc = (plain: string, path: string) => cipher.encrypt(plain, fieldOf(BOUND.reports, _id, path));
  return ReportModel.create({
    _id,
    ticket: `ADU-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
    channel: 'telegram',
    reporterHash: spec.reporterHash ?? randomUUID(),
    anonymous: true,
    immediateDanger: spec.immediateDanger ?? 'unknown',
    category: spec.category ?? 'lainnya',
    description: enc(spec.text ?? 'mau tanya cara urus akta kelahiran', 'description'),
    child: { age, ageBand: ageBandOf(age) as AgeBand, name: spec.childName ? enc(spec.childName, 'child.name') : undefined },
    location: { kecamatan: spec.kecamatan ?? 'Ipuh' },
    ongoing: spec.ongoing,
    receivedAt: spec.receivedAt ?? new Date(),
  });
}

/** An on-call shift covering now (and the next day) for a role, reachable on a Telegram chat. */
export async function putOnCall(config: Config, role: AlertRole, userId: string, telegramChatId: number) {
  const cipher = createFieldCipher(config.crypto);
  const _id = new Types.ObjectId();
  return OnCallShiftModel.create({
    _id, userId, role, channel: 'telegram', address: cipher.encrypt(String(telegramChatId), fieldOf(BOUND.onCallShifts, _id, 'address')),
    from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 24 * 3600_000),
  });
}
