import { z } from 'zod';
import { EmptyBody, NoteBody, ReasonBody, ReferralBody, SessionBody, TransitionBody } from './api-schemas';

// The JSON API described from the same zod schemas the routes parse with, so the document cannot drift.
const body = (schema: z.ZodObject) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema.strict(), { io: 'input' }) } },
});
const json = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-f0-9]{24}$' } };
const csrf = { name: 'x-csrf-token', in: 'header', required: true, schema: { type: 'string' }, description: 'csrfToken from POST /api/session' };
const errors = {
  400: json('body does not match the schema (unknown keys and query operators are refused)'),
  401: json('not signed in'),
  403: json('role not allowed, not your case, or missing/wrong CSRF token'),
  413: json('body larger than 64 kB'),
};
const reportSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' }, ticket: { type: 'string' }, priority: { type: ['string', 'null'] }, status: { type: 'string' },
    category: { type: 'string' }, receivedAt: { type: 'string', format: 'date-time' }, slaDueAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

const intakeItem = {
  ...reportSummary,
  properties: {
    ...reportSummary.properties,
    needsManualTriage: { type: 'boolean', description: 'automatic triage failed: a person decides the priority (queued as P2)' },
    triageReasons: { type: 'array', items: { type: 'string' } },
  },
};

export function buildOpenApi() {
  const post = (summary: string, schema: z.ZodObject, ok: object, params: object[] = [idParam]) => ({
    post: { summary, parameters: [...params, csrf], requestBody: body(schema), responses: { 200: ok, ...errors } },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Lapor Anak admin API', version: '1' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lapor.sid' } } },
    security: [{ session: [] }],
    paths: {
      '/api/session': {
        post: {
          summary: 'Sign in; sets the session cookie and returns the CSRF token for later calls',
          security: [],
          requestBody: body(SessionBody),
          responses: { 200: json('signed in'), 400: errors[400], 401: json('wrong username or password (the same answer for a name that does not exist)'), 429: json('too many attempts for this name from this address, or from this address: wait Retry-After seconds') },
        },
        delete: { summary: 'Sign out', parameters: [csrf], responses: { 204: { description: 'signed out' } } },
      },
      '/api/intake': {
        get: {
          summary: 'The intake queue, by priority then SLA due',
          parameters: ['priority', 'category', 'kecamatan', 'channel', 'status'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { 200: json('queue', { type: 'object', properties: { items: { type: 'array', items: intakeItem } } }), 401: errors[401], 403: errors[403] },
        },
      },
      '/api/reports/by-ticket/{ticket}': {
        get: {
          summary: 'A report by its ticket (no personal fields)',
          parameters: [{ name: 'ticket', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: json('report', reportSummary), 404: json('no such ticket'), 401: errors[401], 403: errors[403] },
        },
      },
      '/api/reports/{id}/claim': { post: { ...post('Claim a queued report', EmptyBody, json('claimed', reportSummary)).post, responses: { 200: json('claimed', reportSummary), 409: json('already held by someone else (heldBy)'), ...errors } } },
      '/api/reports/{id}/release': post('Release a report you hold back to the queue', EmptyBody, json('released', reportSummary)),
      '/api/reports/{id}/reject': post('Reject a report you hold, with a reason', ReasonBody, json('rejected', reportSummary)),
      '/api/reports/{id}/reveal': post('Reveal the personal fields, with a reason (audited)', ReasonBody, json('fields')),
      '/api/reports/{id}/open-case': {
        post: { ...post('Open a case from a report you hold', EmptyBody, json('')).post, responses: { 201: json('case opened', { type: 'object', properties: { caseId: { type: 'string' }, caseNumber: { type: 'string' } } }), 409: json('report not held by you'), ...errors } },
      },
      '/api/cases/{id}': { get: { summary: 'A case (yours, or any for supervisors)', parameters: [idParam], responses: { 200: json('case'), ...errors, 404: json('no such case') } } },
      '/api/cases/{id}/referrals': post('Refer the child to a partner (needs consent or a Kepala Seksi approval)', ReferralBody, json('ok')),
      '/api/cases/{id}/notes': post('Add a case-conference note', NoteBody, json('ok')),
      '/api/cases/{id}/transition': post('Move the case to its next stage, or terminate (closing summary + consent/approval)', TransitionBody, json('ok')),
    },
  };
}
