import fs from 'node:fs';
import path from 'node:path';
import type { Schema } from 'mongoose';
import { ALL_MODELS } from '../../src/db/all-models';
import { ENCRYPTED_PATHS } from '../../src/db/encrypted-paths';
import { ROOT } from '../support/processes';

// The one list `reencrypt` and doctor walk must hold every field the models mark "(enc)": a field left off would
// stay in the old, unbound form for good without anyone noticing.

const MODELS_DIR = path.join(ROOT, 'src/db/models');

/** The field names a model file marks "(enc)": on the field's own line, or in the doc comment just above it. */
function markedFields(file: string): string[] {
  const lines = fs.readFileSync(path.join(MODELS_DIR, file), 'utf8').split('\n');
  const names: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('(enc)') || /^\s*\/\/ /.test(line)) return;
    const own = /^\s*(?:\{ )?(\w+): /.exec(line);
    const next = /^\s*(\w+): /.exec(lines[i + 1] ?? '');
    const name = line.trim().startsWith('/**') ? next?.[1] : own?.[1];
    if (name) names.push(name);
  });
  return names;
}

const listedLeaves = (entry: (typeof ENCRYPTED_PATHS)[number]) =>
  [...entry.fields, ...Object.values(entry.elements ?? {}).flat()].map((p) => p.split('.').pop()!);

/** A path exists in the schema, through arrays of subdocuments and nested subdocuments alike. */
function schemaHas(schema: Schema, dotted: string): boolean {
  if (schema.path(dotted)) return true;
  const parts = dotted.split('.');
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const sub = schema.path(parts.slice(0, i).join('.')) as unknown as { schema?: Schema } | undefined;
    if (sub?.schema) return schemaHas(sub.schema, parts.slice(i).join('.'));
  }
  return false;
}

describe('the list of encrypted paths', () => {
  it('has an entry, with the right collection name, for every model file that marks a field "(enc)"', () => {
    for (const model of ALL_MODELS) {
      const file = fs.readdirSync(MODELS_DIR).find((f) => fs.readFileSync(path.join(MODELS_DIR, f), 'utf8').includes(`model('${model.modelName}'`))!;
      const marked = markedFields(file);
      const entry = ENCRYPTED_PATHS.find((e) => e.model === model);
      if (!marked.length) {
        expect({ model: model.modelName, entry }).toEqual({ model: model.modelName, entry: undefined });
        continue;
      }
      expect({ model: model.modelName, collection: entry?.collection }).toEqual({ model: model.modelName, collection: model.collection.collectionName });
      for (const name of marked) expect({ model: model.modelName, listed: listedLeaves(entry!).includes(name), name }).toEqual({ model: model.modelName, listed: true, name });
    }
  });

  it('names only paths the schemas have', () => {
    for (const entry of ENCRYPTED_PATHS) {
      for (const p of entry.fields) expect([entry.collection, p, schemaHas(entry.model.schema, p)]).toEqual([entry.collection, p, true]);
      for (const [array, paths] of Object.entries(entry.elements ?? {})) {
        for (const p of paths) expect([entry.collection, `${array}.${p}`, schemaHas(entry.model.schema, `${array}.${p}`)]).toEqual([entry.collection, `${array}.${p}`, true]);
      }
    }
  });
});
