import { changeRecord, type RevisionedUpdate } from '../db/contested-write';
import { PartnerModel, type PartnerDocument } from '../db/models/partner.model';

/**
 * The one way a change reaches a partner of the Jejaring Lembaga: through contested-write.ts like reports, cases and
 * accounts, so an edit and a deactivation at the same moment cannot write each other's fields back (FerretDB applies
 * an update as read-then-write of the whole record). 'missing' when there is no such partner, 'contested' when
 * another change kept winning.
 */
export async function changePartner(partnerId: string, update: RevisionedUpdate): Promise<PartnerDocument | 'missing' | 'contested'> {
  const outcome = await changeRecord(PartnerModel, 'partner', partnerId, () => update);
  return outcome as PartnerDocument | 'missing' | 'contested'; // changeRecord's generic document type is this document
}
