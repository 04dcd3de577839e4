// Demo data for `npm start`: one staff account per role, printed once (the first run) so the quick start works.
// A marker document records that seeding happened, so later runs print nothing and change nothing.
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { loadConfigOrExit, loadDotEnv } from '../src/config';
import { connectMongo, disconnectMongo } from '../src/db/connect';
import { UserModel } from '../src/db/models/user.model';
import { createUser } from '../src/users/manage-users';
import { STAFF_ROLES } from '../src/users/roles';

const MARKER = { _id: 'demo-staff-seeded' };

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfigOrExit();
  await connectMongo(config.mongo.uri);
  try {
    await UserModel.init();
    const markers = mongoose.connection.collection<{ _id: string; at: Date }>('seed_markers');
    if (await markers.findOne(MARKER)) return;
    const lines: string[] = [];
    for (const role of STAFF_ROLES) {
      const username = `demo.${role.replace(/_/g, '')}`;
      if (await UserModel.exists({ username })) continue;
      const password = randomBytes(9).toString('base64url');
      await createUser({ username, role, password, displayName: `Demo ${role}`, mustChangePassword: true });
      lines.push(`  ${username.padEnd(32)} ${password}   (${role})`);
    }
    await markers.insertOne({ ...MARKER, at: new Date() });
    if (lines.length) {
      process.stdout.write(`seed: demo staff accounts (shown only this once; each must choose its own password at first sign-in):\n${lines.join('\n')}\n`);
    }
  } finally {
    await disconnectMongo();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
