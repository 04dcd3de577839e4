import { loadConfig } from '../../src/config';
import { addConferenceNote } from '../../src/cases/case-work';
import { transitionCase } from '../../src/cases/transition-case';
import { createFieldCipher } from '../../src/crypto/field-cipher';
import { BOUND, elementField, fieldOf } from '../../src/crypto/encrypted-fields';
import { AuditEventModel } from '../../src/db/models/audit-event.model';
import { CaseModel } from '../../src/db/models/case.model';
import { ExclusiveSlotModel } from '../../src/db/models/exclusive-slot.model';
import { useTestDatabase } from '../support/database';

useTestDatabase('contestedcase');

const cipher = createFieldCipher(loadConfig(process.env).crypto);
const worker = (n: number) => ({ id: `u-${n}`, name: `Pekerja ${n}`, role: 'pekerja_sosial' });

describe('several people changing one case at once', () => {
  beforeAll(async () => {
    await Promise.all([CaseModel.init(), ExclusiveSlotModel.init(), AuditEventModel.init()]);
  });

  it('keeps every conference note added at the same moment', async () => {
    const kase = await CaseModel.create({ caseNumber: 'KSS-2026-0901', openedBy: 'x', reportIds: [] });
    await Promise.all([1, 2, 3, 4].map((n) => addConferenceNote(String(kase._id), { text: `catatan ${n}` }, worker(n), cipher)));

    const stored = (await CaseModel.findById(kase._id).lean())!;
    expect(stored.conferenceNotes.map((note) => cipher.decrypt(note.text, fieldOf(BOUND.cases, kase._id, elementField('conferenceNotes', note._id, 'text')))).sort()).toEqual(['catatan 1', 'catatan 2', 'catatan 3', 'catatan 4']);
    expect(stored.timeline.filter((entry) => entry.type === 'note')).toHaveLength(4);
  });

  it('moves a stage on once when two people advance it together', async () => {
    const kase = await CaseModel.create({ caseNumber: 'KSS-2026-0902', openedBy: 'x', reportIds: [] });
    const results = await Promise.allSettled([1, 2].map((n) => transitionCase(String(kase._id), 'planning', worker(n), cipher)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stored = (await CaseModel.findById(kase._id).lean())!;
    expect(stored.status).toBe('planning');
    expect(stored.timeline.filter((entry) => entry.type === 'status')).toHaveLength(1);
  });
});
