import { Schema, model, type InferSchemaType } from 'mongoose';

// The on-call roster: who is reachable for urgent alerts, when, and where. Escalation levels are roles:
// the petugas on call first, then the Kepala Seksi Data, then the Koordinator (their "shifts" may span months).

export const ALERT_ROLES = ['petugas_on_call', 'kepala_seksi_data', 'koordinator'] as const;
export type AlertRole = (typeof ALERT_ROLES)[number];
export const ALERT_CHANNELS = ['telegram', 'whatsapp'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

const onCallShiftSchema = new Schema(
  {
    userId: { type: String, required: true },
    role: { type: String, enum: ALERT_ROLES, required: true },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    channel: { type: String, enum: ALERT_CHANNELS, required: true },
    /** (enc) Telegram chat id or WhatsApp number. */
    address: { type: String, required: true },
  },
  { timestamps: true },
);

// findOnCall: the shift of a role covering a moment.
onCallShiftSchema.index({ role: 1, from: 1, to: 1 });

export type OnCallShift = InferSchemaType<typeof onCallShiftSchema>;
export const OnCallShiftModel = model('OnCallShift', onCallShiftSchema);
