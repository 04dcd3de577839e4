import { Schema, model, type Query } from 'mongoose';
import { nextInSequence } from '../../src/db/models/counter.model';
import { ExclusiveSlotModel, sweepStaleSlots, takeExclusiveSlot } from '../../src/db/models/exclusive-slot.model';
import { writeNextRevision } from '../../src/db/contested-write';
import { useTestDatabase } from '../support/database';

useTestDatabase('contested');

// A record of its own, so a writer can be stalled inside the database call itself (a pre hook that waits), the way a
// process paused by GC, a full disk or a lost network is stalled: after taking its slot, before its write lands.
const noteSchema = new Schema({ body: String, revision: { type: Number, default: 0 } });
const gate: { open?: () => void; reached?: () => void } = {};
noteSchema.pre('findOneAndUpdate', async function (this: Query<unknown, unknown>) {
  const update = this.getUpdate() as { $set?: { body?: string } } | null;
  if (update?.$set?.body !== 'stalled') return;
  gate.reached?.();
  await new Promise<void>((resolve) => { gate.open = resolve; });
});
const NoteModel = model('ContestedNote', noteSchema);

const SECOND = 1000;

describe('a contested write', () => {
  beforeAll(async () => {
    await Promise.all([NoteModel.init(), ExclusiveSlotModel.init()]);
  });

  it('a writer stalled past the slot time cannot overwrite the newer revisions written meanwhile', async () => {
    const note = await NoteModel.create({ body: 'first' });
    const t0 = new Date();
    const reached = new Promise<void>((resolve) => { gate.reached = resolve; });
    const stalled = writeNextRevision(NoteModel, 'note', note, { $set: { body: 'stalled' } }, t0);
    await reached; // it holds the slot of revision 0 and hangs before its write

    // 31 s later (on the clock passed in): the slot is stale, another writer reclaims it and writes on.
    const later = new Date(t0.getTime() + 31 * SECOND);
    const second = await writeNextRevision(NoteModel, 'note', note, { $set: { body: 'second' } }, later);
    expect(second).toMatchObject({ body: 'second', revision: 1 });
    const third = await writeNextRevision(NoteModel, 'note', second!, { $set: { body: 'third' } }, later);
    expect(third).toMatchObject({ body: 'third', revision: 2 });

    gate.open!();
    expect(await stalled).toBeNull();
    expect(await NoteModel.findById(note._id).lean()).toMatchObject({ body: 'third', revision: 2 });
  });

  it('of writers leaving the same revision at once, exactly one wins, round after round', async () => {
    for (let round = 0; round < 20; round++) {
      const note = await NoteModel.create({ body: 'start' });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, w) => writeNextRevision(NoteModel, 'note', note, { $set: { body: `writer ${w}` } })),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await NoteModel.findById(note._id).lean()).toMatchObject({ body: winners[0]!.body, revision: 1 });
    }
  });

  it('takes a record written before revisions existed as revision 0', async () => {
    const { insertedId } = await NoteModel.collection.insertOne({ body: 'old' });
    const old = (await NoteModel.findById(insertedId).lean())!;
    expect(old.revision).toBeUndefined(); // as stored: no default applied to what the database returns with lean

    expect(await writeNextRevision(NoteModel, 'note', old, { $set: { body: 'new' } })).toMatchObject({ body: 'new', revision: 1 });
    expect(await writeNextRevision(NoteModel, 'note', old, { $set: { body: 'late' } })).toBeNull();
  });

  it('the sweeper deletes slots older than an hour, keeps fresh ones and every sequence number', async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60 * SECOND);
    await takeExclusiveSlot('sweeptest:old:0', {}, ago(61));
    await takeExclusiveSlot('sweeptest:fresh:0', {}, ago(59));
    await takeExclusiveSlot('seq:sweeptest:1', {}, ago(600));

    expect(await sweepStaleSlots(now)).toBeGreaterThanOrEqual(1);
    const left = await ExclusiveSlotModel.find({ _id: { $in: ['sweeptest:old:0', 'sweeptest:fresh:0', 'seq:sweeptest:1'] } }).lean();
    expect(left.map((slot) => slot._id).sort()).toEqual(['seq:sweeptest:1', 'sweeptest:fresh:0']);
    // The number stays taken: the sequence never hands it out again.
    expect(await nextInSequence('sweeptest')).toBe(2);
  });
});
