import type { Model } from 'mongoose';
import { ALL_MODELS } from './all-models';

/**
 * The indexes the models declare that the database does not have, as "<collection> {field: 1, …}". Compared by keys
 * only: an index is built by `autoIndex` at a process start, so one missing means that build failed or never ran.
 */
export async function findMissingIndexes(models: Model<any>[] = ALL_MODELS): Promise<string[]> {
  const missing: string[] = [];
  for (const model of models) {
    const existing = new Set((await existingIndexKeys(model)).map(keyText));
    for (const [fields] of model.schema.indexes()) {
      const wanted = keyText(fields as Record<string, unknown>);
      if (!existing.has(wanted)) missing.push(`${model.collection.collectionName} ${wanted}`);
    }
  }
  return missing;
}

async function existingIndexKeys(model: Model<any>): Promise<Record<string, unknown>[]> {
  try {
    return (await model.collection.indexes()).map((index) => index.key);
  } catch (err) {
    // A collection that does not exist yet has no indexes (MongoDB answers NamespaceNotFound, code 26).
    if ((err as { code?: number }).code === 26) return [];
    throw err;
  }
}

function keyText(key: Record<string, unknown>): string {
  return `{${Object.entries(key).map(([field, order]) => `${field}: ${Number(order)}`).join(', ')}}`;
}
