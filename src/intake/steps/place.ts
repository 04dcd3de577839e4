import { z } from 'zod';
import { findKecamatan } from '../../districts/district';
import { plainText, readPlaceType } from '../../language';
import type { District } from '../../districts/district';
import { PLACE_TYPES } from '../../reports/report-vocabulary';
import { matchKey } from '../answers';
import { hintFor, optionStep, pickOption, withStepPrefix, type Step } from './step';

export const kecamatanStep: Step = {
  id: 'kecamatan',
  prompt: (_d, ctx, t) => ({
    text: t.kecamatan(ctx.district.name),
    options: withStepPrefix('kecamatan', ctx.district.kecamatan.map((k, i) => ({ value: String(i), label: k }))),
  }),
  accept(answer, _draft, ctx, t) {
    const list = ctx.district.kecamatan;
    let name: string | undefined;
    if (answer.kind === 'choice') name = /^\d{1,3}$/.test(answer.value) ? list[Number(answer.value)] : undefined;
    else if (answer.kind === 'text') {
      const n = /^\d{1,3}\.?$/.test(answer.text.trim()) ? Number.parseInt(answer.text, 10) : NaN;
      name = Number.isNaN(n)
        ? findKecamatan(ctx.district, answer.text) ?? list.find((k) => matchKey(k) === matchKey(answer.text)) ?? kecamatanIn(ctx.district, answer.text)
        : list[n - 1];
    }
    if (!name) return { type: 'invalid', hint: hintFor(answer, t, t.hints.pickOption) };
    return { type: 'answered', answers: { kecamatan: name } };
  },
};

/**
 * The one kecamatan a sentence names ("di kec. Ipuh pak", "nang Diwek"); none when it names several, or only a name
 * the district shares (Jombang is a kecamatan of Jombang: "di Jombang" says nothing).
 */
export function kecamatanIn(district: District, text: string): string | undefined {
  const said = ` ${plainText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const named = district.kecamatan.filter((k) => said.includes(` ${plainText(k).replace(/[^a-z0-9]+/g, ' ')} `));
  const found = named.filter((k) => !plainText(district.name).includes(plainText(k)));
  return found.length === 1 ? found[0] : undefined;
}

const PlaceNameSchema = z.string().min(2).max(100).refine((s) => /\p{L}/u.test(s));
const skipOption = (label: string) => [{ value: 'skip' as const, label, means: 'skip' as const, synonyms: ['tidak tahu', 'gak tahu', "don't know", 'dont know'] }];

export const desaStep: Step = {
  id: 'desa',
  prompt: (_d, _c, t) => ({ text: t.desa, options: withStepPrefix('desa', skipOption(t.options.skip)) }),
  accept(answer, _draft, _ctx, t) {
    if (pickOption(answer, (c) => skipOption(c.options.skip), t)) return { type: 'answered', answers: { desa: undefined } };
    if (answer.kind !== 'text') return { type: 'invalid', hint: hintFor(answer, t, t.hints.textNeeded) };
    const desa = PlaceNameSchema.safeParse(answer.text);
    if (!desa.success) return { type: 'invalid', hint: t.hints.textNeeded };
    return { type: 'answered', answers: { desa: desa.data } };
  },
};

export const placeTypeStep = optionStep({
  id: 'place_type',
  text: (t) => t.placeType,
  options: (t) =>
    PLACE_TYPES.map((p) => ({
      value: p,
      label: t.placeTypes[p],
      synonyms: p === 'rumah_tangga' ? ['rumah', 'di rumah'] : p === 'media_sosial_daring' ? ['online', 'medsos', 'internet', 'daring'] : [],
    })),
  apply: (v) => ({ placeType: v }),
  read: readPlaceType,
  unread: 'lainnya',
});

const LocationSchema = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

export const locationStep: Step = {
  id: 'location',
  prompt: (_d, _c, t) => ({ text: t.location, options: withStepPrefix('location', skipOption(t.options.skip)) }),
  accept(answer, _draft, _ctx, t) {
    if (answer.kind === 'location') {
      const parsed = LocationSchema.safeParse(answer);
      if (!parsed.success) return { type: 'invalid', hint: t.hints.location };
      return { type: 'answered', answers: { exactLocation: parsed.data } };
    }
    if (pickOption(answer, (c) => [...skipOption(c.options.skip), { value: 'skip' as const, label: c.options.no, means: 'no' as const }], t)) {
      return { type: 'answered', answers: { exactLocation: undefined } };
    }
    return { type: 'invalid', hint: t.hints.location };
  },
};
