import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import {
  AUTHORISATION_KINDS, CASE_STATUSES, MONITORING_KINDS, REFERRAL_STATUSES,
} from '../../cases/case-vocabulary';

// A Case (Kasus): one child's case management from assessment to terminasi. Fields marked (enc) hold FieldCipher
// output. Referrals, notes and monitoring live inside the case so each change is one atomic update (no transactions).

const authorisationSchema = new Schema(
  {
    kind: { type: String, enum: AUTHORISATION_KINDS, required: true },
    by: { type: String, required: true }, // user id who recorded it (the approver for supervisor_approval)
    note: String, // (enc) who consented, how
    at: { type: Date, required: true, default: () => new Date() },
  },
  { _id: false },
);

const referralSchema = new Schema({
  partnerId: { type: Schema.Types.ObjectId, required: true },
  partnerName: { type: String, required: true },
  reason: { type: String, required: true }, // (enc)
  status: { type: String, enum: REFERRAL_STATUSES, required: true, default: 'sent' },
  authorisation: { type: authorisationSchema, required: true },
  by: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
  updatedAt: Date,
});

const noteSchema = new Schema({
  text: { type: String, required: true }, // (enc)
  attendees: String, // (enc)
  by: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

const monitoringSchema = new Schema({
  kind: { type: String, enum: MONITORING_KINDS, required: true },
  note: { type: String, required: true }, // (enc)
  nextDueAt: Date,
  by: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
});

const timelineSchema = new Schema(
  {
    type: { type: String, required: true }, // opened, report_attached, status, assigned, referral, note, monitoring
    summary: { type: String, required: true }, // no personal data: "referral to Puskesmas Ipuh", "status planning"
    actor: { type: String, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { _id: false },
);

const caseSchema = new Schema(
  {
    caseNumber: { type: String, required: true },
    status: { type: String, enum: CASE_STATUSES, required: true, default: 'assessment' },
    reportIds: { type: [Schema.Types.ObjectId], default: [] },
    category: String,
    priority: String,
    caseManagerId: String,
    assessorId: String,
    assessment: String, // (enc)
    servicePlan: String, // (enc)
    referrals: { type: [referralSchema], default: [] },
    conferenceNotes: { type: [noteSchema], default: [] },
    monitoring: { type: [monitoringSchema], default: [] },
    timeline: { type: [timelineSchema], default: [] },
    closingSummary: String, // (enc)
    termination: authorisationSchema,
    /** A case worker's request for terminasi, waiting for the Kepala Seksi Pelayanan's approval. */
    terminationRequest: new Schema(
      { closingSummary: { type: String, required: true } /* (enc) */, by: { type: String, required: true }, at: { type: Date, required: true } },
      { _id: false },
    ),
    openedBy: { type: String, required: true },
    openedAt: { type: Date, required: true, default: () => new Date() },
    terminatedAt: Date,
    /** Bumped by every change; each revision can be left by one writer only (src/db/contested-write.ts). */
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// Case number look-up and uniqueness (openCase numbers cases from a counter).
caseSchema.index({ caseNumber: 1 }, { unique: true });
// "Kasus saya" (listCasesFor a case manager), open ones first.
caseSchema.index({ caseManagerId: 1, status: 1 });
// Supervisors' list of all cases by stage.
caseSchema.index({ status: 1, openedAt: -1 });

export type Case = InferSchemaType<typeof caseSchema>;
export type CaseDocument = HydratedDocument<Case>;
export const CaseModel = model('Case', caseSchema);
