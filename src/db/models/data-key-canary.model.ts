import { Schema, model, type InferSchemaType } from 'mongoose';

// One document, `_id` fixed: a known value encrypted with the data key at the first start of any process. A key that
// cannot open it cannot open the reports either (src/runtime/data-key-canary.ts).

export const DATA_KEY_CANARY_ID = 'data-key-canary';

const dataKeyCanarySchema = new Schema(
  {
    _id: { type: String, required: true },
    /** (enc) CANARY_PLAINTEXT under the key active when it was written. */
    value: { type: String, required: true },
    writtenAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type DataKeyCanary = InferSchemaType<typeof dataKeyCanarySchema>;
export const DataKeyCanaryModel = model('DataKeyCanary', dataKeyCanarySchema, 'data_key_canary');
