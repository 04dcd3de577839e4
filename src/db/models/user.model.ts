import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { STAFF_ROLES } from '../../users/roles';

// A staff account of the admin panel. Reporters never have one.
const userSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    /** argon2id encoded hash (salt and parameters inside). */
    passwordHash: { type: String, required: true },
    mustChangePassword: { type: Boolean, default: true },
    /** Bumped by "sign out everywhere" and password changes: sessions carrying an older version are dead. */
    sessionVersion: { type: Number, default: 1 },
    active: { type: Boolean, default: true },
    /**
     * A role with data access granted by an administrator, waiting for a Koordinator (src/users/role-grants.ts):
     * the account stays inactive until then.
     */
    pendingGrant: {
      type: new Schema({ role: { type: String, enum: STAFF_ROLES, required: true }, by: { type: String, required: true }, byName: String, at: { type: Date, required: true } }, { _id: false }),
      default: undefined,
    },
    telegramChatId: String, // (enc) where case alerts go
    whatsappNumber: String, // (enc)
    lastLoginAt: Date,
    /** Bumped by every change; each revision can be left by one writer only (src/db/contested-write.ts). */
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// Sign-in looks users up by name (findUserByUsername); unique so two accounts never share one.
userSchema.index({ username: 1 }, { unique: true });
// Case assignment lists staff of one role (listUsersByRole).
userSchema.index({ role: 1 });

export type User = InferSchemaType<typeof userSchema>;
export type UserDocument = HydratedDocument<User>;
export const UserModel = model('User', userSchema);
