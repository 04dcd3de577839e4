import { changePartner } from '../../src/cases/change-partner';
import { ExclusiveSlotModel } from '../../src/db/models/exclusive-slot.model';
import { PartnerModel } from '../../src/db/models/partner.model';
import { useTestDatabase } from '../support/database';

useTestDatabase('changepartner');

describe('two people changing one partner of the Jejaring Lembaga at once', () => {
  beforeAll(() => Promise.all([PartnerModel.init(), ExclusiveSlotModel.init()]));

  it('keeps both an edit and a deactivation made at the same moment, every time', async () => {
    for (let round = 0; round < 10; round++) {
      const partner = await PartnerModel.create({ name: `UPTD PPA ${round}`, kind: 'uptd_ppa' });
      const edited = { name: `UPTD PPA ${round} (baru)`, kind: 'uptd_ppa', phone: '0812000000' };
      const results = await Promise.all([changePartner(partner.id, { $set: edited }), changePartner(partner.id, { $set: { active: false } })]);
      expect(results).not.toContain('contested');
      const stored = (await PartnerModel.findById(partner._id).lean())!;
      expect([stored.name, stored.phone, stored.active, stored.revision]).toEqual([edited.name, edited.phone, false, 2]);
    }
  });

  it('answers missing for a partner that is not there', async () => {
    expect(await changePartner('0123456789abcdef01234567', { $set: { active: false } })).toBe('missing');
  });
});
