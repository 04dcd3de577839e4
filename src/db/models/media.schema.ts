import { Schema } from 'mongoose';

/** A file a reporter sent (photo, voice note, document): encrypted in the media store, found by its storage key. */
export const mediaSchema = new Schema(
  {
    kind: { type: String, enum: ['photo', 'voice', 'audio', 'video', 'document'], required: true },
    mimeType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    storageKey: { type: String, required: true },
  },
  { _id: false },
);
