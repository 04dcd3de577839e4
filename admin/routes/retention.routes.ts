import type { Express } from 'express';
import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { planRetention } from '../../src/retention/retention-plan';
import type { RouteDeps } from '../create-admin-app';
import { actorOf, allow } from '../middleware/current-user';

// The Koordinator sees what the scheduled retention job would erase before it does (a dry run, audited).
export function registerRetentionRoutes(app: Express, deps: RouteDeps): void {
  app.get('/retention', allow('retention.view'), async (req, res) => {
    const plan = await planRetention(deps.config.retention);
    await recordAuditEvent(actorOf(req), { action: 'retention.dry_run', subjectType: 'retention', subjectId: 'plan', details: { ...plan } });
    res.render('retention.njk', { title: 'Retensi data', plan, periods: deps.config.retention, draftTtlMinutes: deps.config.intake.draftTtlMinutes });
  });
}
