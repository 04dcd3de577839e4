import { randomUUID } from 'node:crypto';
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
  return ReportModel.create({
    ticket: `ADU-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
    channel: 'telegram',
    reporterHash: spec.reporterHash ?? randomUUID(),
    anonymous: true,
    immediateDanger: spec.immediateDanger ?? 'unknown',
    category: spec.category ?? 'lainnya',
    description: cipher.encrypt(spec.text ?? 'mau tanya cara urus akta kelahiran'),
    child: { age, ageBand: ageBandOf(age) as AgeBand, name: spec.childName ? cipher.encrypt(spec.childName) : undefined },
    location: { kecamatan: spec.kecamatan ?? 'Ipuh' },
    ongoing: spec.ongoing,
    receivedAt: spec.receivedAt ?? new Date(),
  });
}

/** An on-call shift covering now (and the next day) for a role, reachable on a Telegram chat. */
export async function putOnCall(config: Config, role: AlertRole, userId: string, telegramChatId: number) {
  const cipher = createFieldCipher(config.crypto);
  return OnCallShiftModel.create({
    userId, role, channel: 'telegram', address: cipher.encrypt(String(telegramChatId)),
    from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 24 * 3600_000),
  });
}
