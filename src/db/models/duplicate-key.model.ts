import { Schema, model, type InferSchemaType } from 'mongoose';

// What two reports about the same child or from the same reporter share, with the reports that have it: the triage
// finds a new report's possible duplicates by reading its keys by `_id` instead of querying the reports (on FerretDB
// any query on report fields reads every report: 133 ms at 1,500 reports, measured, and growing with each one).
// `_id` is "reporter:<reporter hash>" or "child:<category>:<kecamatan>:<age band>": no plain personal data.
const duplicateKeySchema = new Schema({
  _id: { type: String, required: true },
  reports: {
    type: [new Schema({ id: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } }, { _id: false })],
    default: [],
  },
  /** Bumped by every write; each revision can be left by one writer only (writeNextRevision). */
  revision: { type: Number, default: 0 },
});

export type DuplicateKey = InferSchemaType<typeof duplicateKeySchema>;
export const DuplicateKeyModel = model('DuplicateKey', duplicateKeySchema);
