import { triageReport, type TriageInput } from '../../src/triage/triage-report';

/** The priority triage gives a text (with any other report fields). */
export const priorityOf = (text: string, extra: Omit<TriageInput, 'text'> = {}) => triageReport({ text, ...extra }).priority;

/** Every text gets `priority`; a failure names each text with the priority it got. */
export function expectAll(texts: string[], priority: string): void {
  expect(texts.map((text) => ({ text, priority: priorityOf(text) }))).toEqual(texts.map((text) => ({ text, priority })));
}
