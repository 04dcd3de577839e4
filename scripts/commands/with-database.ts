import { loadConfigOrExit, loadDotEnv } from '../../src/config';
import { connectMongo, disconnectMongo } from '../../src/db/connect';

/** Runs `work` with the configured database connected, and disconnects afterwards. */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfigOrExit();
  await connectMongo(config.mongo.uri);
  try {
    return await work();
  } finally {
    await disconnectMongo();
  }
}
