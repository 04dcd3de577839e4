import { Schema, model, type InferSchemaType } from 'mongoose';
import { PARTNER_KINDS } from '../../cases/case-vocabulary';

// Jejaring Lembaga Penyedia Layanan (Pasal 13): organisations cases are referred to. Records, not users.
const partnerSchema = new Schema(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: PARTNER_KINDS, required: true },
    contactPerson: String,
    phone: String,
    address: String,
    services: String,
    active: { type: Boolean, default: true },
    /** A starting entry from the district preset: real organisation, details not yet confirmed by the unit. */
    needsCheck: { type: Boolean, default: false },
    /** Bumped by every change; each revision can be left by one writer only (src/db/contested-write.ts). */
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// The directory and the referral form list active partners by name (listPartners).
partnerSchema.index({ active: 1, name: 1 });

export type Partner = InferSchemaType<typeof partnerSchema>;
export const PartnerModel = model('Partner', partnerSchema);
export type PartnerDocument = InstanceType<typeof PartnerModel>;
