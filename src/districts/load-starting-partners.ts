import { idForKey } from '../db/id-for-key';
import { PartnerModel } from '../db/models/partner.model';
import type { District } from './district';

/**
 * On a first start the Jejaring Lembaga is empty and no case could be referred anywhere: the district preset's
 * starting partners are loaded, marked "perlu diperiksa" until the unit confirms their details. Only into an empty
 * directory (deactivated partners count), and with `_id`s from their names, so two processes starting together or a
 * restart never add a second copy.
 */
export async function loadStartingPartners(district: District): Promise<number> {
  if (!district.startingPartners.length || (await PartnerModel.exists({}))) return 0;
  let added = 0;
  for (const partner of district.startingPartners) {
    const result = await PartnerModel.updateOne(
      { _id: idForKey(`partner:${district.key}:${partner.name}`) },
      { $setOnInsert: { ...partner, active: true, needsCheck: true } },
      { upsert: true },
    );
    added += result.upsertedCount;
  }
  return added;
}
