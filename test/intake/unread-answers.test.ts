import type { Draft, DraftAnswers, StepId } from '../../src/intake/draft';
import { draftAt, expectRepeated, landed, send, text } from '../support/engine';

// A reporter who cannot answer a question in a way it reads is asked once more, then the question takes its
// "not known" and the conversation goes on: nobody goes round one question. A story is never lost to a question.

const STORY = 'anak tetangga saya sering menangis malam-malam, saya khawatir';
const MOVED_ON = /Tidak apa-apa, kita lanjut saja/;

function twice(d: Draft, typed: string) {
  const first = send(d, text(typed));
  return { first, second: send(first.draft, text(typed)) };
}

describe('a question that cannot read two answers in a row takes "not known" and goes on', () => {
  const cases: [StepId, Partial<DraftAnswers>][] = [
    ['category', { category: 'lainnya' }],
    ['reporter_role', { reporterRole: 'other' }],
    ['child_age', { childAgeBand: 'unknown' }],
    ['child_sex', { childSex: 'unknown' }],
    ['perpetrator', { perpetratorRelation: 'not_said' }],
    ['place_type', { placeType: 'lainnya' }],
    ['ongoing', { ongoing: 'unknown' }],
  ];
  it.each(cases)('%s: asked once more, then recorded as not known with a kind word', (step, recorded) => {
    const d = draftAt(step, { description: STORY });
    const { first, second } = twice(d, 'hmm');
    expect(first.draft?.step).toBe(step);
    expect(second.draft?.step).not.toBe(step);
    expect(second.draft?.answers).toMatchObject(recorded);
    expect(second.replies[0]!.text).toMatch(MOVED_ON);
    expect(second.draft?.unread).toBeUndefined();
  });

  it('the danger question gives the emergency numbers before going on, without an alert it was not told of', () => {
    const d = draftAt('danger', { description: STORY });
    const { second } = twice(d, 'hmm');
    expect(second.replies[0]).toMatchObject({ urgent: true, text: expect.stringMatching(/112/) });
    expect(second.replies[1]!.text).toMatch(MOVED_ON);
    expect(landed(second)).toMatchObject({ step: expect.not.stringMatching(/^danger$/), answers: { danger: 'unknown' } });
    expect(second.effects).toEqual([]);
  });

  it('never assumes consent, anonymity or how to be contacted', () => {
    for (const step of ['consent', 'anonymous', 'contact'] as StepId[]) {
      let d = draftAt(step, { description: STORY });
      for (let i = 0; i < 3; i++) d = send(d, text('hmm')).draft!;
      expect(d.step).toBe(step);
      expect(d.answers).toEqual({ description: STORY });
    }
  });

  it('counts only words: stickers and emoji change nothing, however many', () => {
    let d = draftAt('reporter_role', { description: STORY });
    for (let i = 0; i < 5; i++) {
      const result = send(d, i % 2 ? text('😀😀') : { ...text(''), kind: 'unsupported' });
      expect(result.replies).toHaveLength(1);
      d = result.draft!;
    }
    expect(d.step).toBe('reporter_role');
    expect(d.answers).toEqual({ description: STORY });
  });

  it('counts per question: one unread answer here and one at the next question are each asked again', () => {
    const d = draftAt('child_sex', { description: STORY });
    const once = send(d, text('hmm')).draft!;
    const answered = send(once, text('cewek')).draft!;
    expect(answered.answers.childSex).toBe('perempuan');
    const next = send(answered, text('hmm'));
    expect(next.draft?.step).toBe(answered.step);
    expect(next.replies[0]!.text).not.toMatch(MOVED_ON);
  });
});

describe('the story question', () => {
  it('takes "iya" / "ok kak" / "gak tau" as "go on", and asks for the story kindly instead of keeping it as one', () => {
    const d = draftAt('description', { consent: true, danger: 'no' });
    for (const typed of ['iya', 'ok kak', 'baik bu', 'gak tau', 'terima kasih']) {
      expectRepeated(send(d, text(typed)), d, /ceritakan dulu apa yang terjadi/);
    }
  });
  it('keeps a short story that names a harm, and a short one in plain words', () => {
    const d = draftAt('description', { consent: true, danger: 'no' });
    expect(send(d, text('ya dipukul')).draft?.answers.description).toBe('ya dipukul');
    expect(send(d, text('anaknya sering sendirian')).draft?.answers.description).toBe('anaknya sering sendirian');
  });
});

describe('more of the story at a later question', () => {
  const more = 'bapaknya, tiap malam dia pulang mabuk terus mukulin anak itu pakai ikat pinggang';
  it('is added to the story while the question reads its answer', () => {
    const d = draftAt('perpetrator', { description: 'anak tetangga sering dipukul' });
    const result = send(d, text(more));
    expect(result.draft?.answers.perpetratorRelation).toBe('orang_tua');
    expect(result.draft?.answers.description).toBe(`anak tetangga sering dipukul\n\n${more}`);
  });
  it('is kept even when the question cannot read it, and is not added twice', () => {
    const d = draftAt('contact', { description: 'anak tetangga sering dipukul' });
    const once = send(d, text(more));
    expect(once.draft?.step).toBe('contact');
    expect(once.draft?.answers.description).toBe(`anak tetangga sering dipukul\n\n${more}`);
    expect(send(once.draft, text(more)).draft?.answers.description).toBe(`anak tetangga sering dipukul\n\n${more}`);
  });
});

describe('a story whose kind only triage names', () => {
  it('takes the category from the harm words triage reads, so the category question is not asked', () => {
    const d = draftAt('description', { consent: true, danger: 'no' });
    const result = send(d, text('anaknya bu rina di sebelah sering dikunci di kamar sama bapaknya, suka nangis minta makan'));
    expect(result.draft?.answers.category).toBe('perlakuan_salah');
    expect(result.draft?.step).not.toBe('category');
  });
});
