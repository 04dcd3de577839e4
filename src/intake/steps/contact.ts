import { z } from 'zod';
import { CONTACT_METHODS } from '../../reports/report-vocabulary';
import { hintFor, optionStep, type Step } from './step';

export const contactStep = optionStep({
  id: 'contact',
  text: (t) => t.contact,
  options: (t) =>
    CONTACT_METHODS.map((m) => ({ value: m, label: t.contactMethods[m], means: m === 'none' ? ('no' as const) : undefined })),
  apply: (v) => ({ contactMethod: v, contactPhone: undefined }),
  next: (draft) => (draft.answers.contactMethod === 'other_number' ? 'contact_phone' : 'confirm'),
});

/** Indonesian or international numbers as people type them: "0812-3456-7890", "+62 812 3456 7890". */
export const PhoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^(\+?\d{8,15})$/));

export const contactPhoneStep: Step = {
  id: 'contact_phone',
  prompt: (_d, _c, t) => ({ text: t.contactPhone }),
  accept(answer, _draft, _ctx, t) {
    if (answer.kind !== 'text') return { type: 'invalid', hint: hintFor(answer, t, t.hints.phone) };
    const phone = PhoneSchema.safeParse(answer.text);
    if (!phone.success) return { type: 'invalid', hint: t.hints.phone };
    return { type: 'answered', answers: { contactPhone: phone.data } };
  },
  next: () => 'confirm',
};
