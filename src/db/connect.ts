import mongoose from 'mongoose';
import { withTimeout } from '../runtime/with-timeout';

// autoIndex stays on: an index FerretDB cannot build must fail in CI here, not in production. `inspectOnly` (doctor)
// builds and creates nothing, so what it finds missing is missing.
export async function connectMongo(uri: string, opts: { inspectOnly?: boolean; timeoutMs?: number } = {}): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  const build = !opts.inspectOnly;
  return mongoose.connect(uri, { serverSelectionTimeoutMS: opts.timeoutMs ?? 5000, autoIndex: build, autoCreate: build });
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}

/** True when the database answers a ping within the timeout. */
export async function pingMongo(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  try {
    await withTimeout(db.admin().ping(), timeoutMs);
    return true;
  } catch {
    return false;
  }
}


/** Keeps trying until the database answers, so a process can start before its database and report 503 meanwhile. */
export async function connectMongoWithRetry(
  uri: string,
  onRetry: (attempt: number, err: unknown) => void,
): Promise<typeof mongoose> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectMongo(uri);
    } catch (err) {
      onRetry(attempt, err);
      await new Promise((r) => setTimeout(r, Math.min(attempt * 1000, 5000)));
    }
  }
}
