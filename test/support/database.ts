import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { connectMongo } from '../../src/db/connect';

const MONGO_BASE = process.env.TEST_MONGODB_BASE ?? 'mongodb://127.0.0.1:27017';

/**
 * A fresh database per test file on the real FerretDB (or MongoDB). Not dropped afterwards: dropping a database
 * that a process started by the test may still read crashes FerretDB's SQLite; scripts/services.sh clears test
 * databases before it starts FerretDB.
 */
export function uniqueDatabaseUri(label: string): string {
  return `${MONGO_BASE}/t_${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}_${randomUUID().slice(0, 8)}`;
}

export function useTestDatabase(label: string): { uri: string } {
  const state = { uri: uniqueDatabaseUri(label) };
  beforeAll(async () => {
    await connectMongo(state.uri);
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });
  return state;
}
