import { loadDistrict } from '../../src/districts/district';
import { loadStartingPartners } from '../../src/districts/load-starting-partners';
import { PartnerModel } from '../../src/db/models/partner.model';
import { useTestDatabase } from '../support/database';

useTestDatabase('partners');

describe('the district preset\'s starting partners', () => {
  it('fill an empty Jejaring Lembaga once, marked perlu diperiksa, and never again', async () => {
    const district = loadDistrict('mukomuko');
    expect(district.startingPartners.length).toBeGreaterThan(0);
    expect(await loadStartingPartners(district)).toBe(district.startingPartners.length);
    const partners = await PartnerModel.find().lean();
    expect(partners.map((p) => p.name).sort()).toEqual(district.startingPartners.map((p) => p.name).sort());
    expect(partners.every((p) => p.needsCheck && p.active)).toBe(true);

    // A restart, or a second process starting at the same time, adds nothing.
    expect(await Promise.all([loadStartingPartners(district), loadStartingPartners(district)])).toEqual([0, 0]);
    expect(await PartnerModel.countDocuments()).toBe(district.startingPartners.length);
  });

  it('every preset ships starting partners of known kinds', () => {
    for (const key of ['mukomuko', 'jombang'] as const) expect(loadDistrict(key).startingPartners.length).toBeGreaterThanOrEqual(5);
  });
});
