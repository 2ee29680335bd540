import { defineModule } from '@/core/module';
import { AUDIT_ACTIONS } from './audit-actions';
import { auditExportRouter } from './audit-export.route';
import { auditFields } from './audit.fields';
import { AuditResolver } from './audit.resolver';
import { verifyChainsHandler, verifyChainsJob } from './jobs/verify-chains.job';

/** The tamper-evident audit log: reading, verifying and exporting it (README.md). */
export const auditModule = defineModule({
  name: 'audit',
  resolvers: [AuditResolver],
  fields: auditFields,
  jobs: [verifyChainsJob],
  handlers: (deps) => [verifyChainsHandler(deps)],
  schedules: (env) => [
    // Walks every organization's chain and logs the outcome as a system audit entry.
    { job: verifyChainsJob, everyMs: env.AUDIT_VERIFY_EVERY_MINUTES * 60_000 },
  ],
  auditActions: Object.values(AUDIT_ACTIONS),
  routes: [{ path: '/api/v1/audit', router: auditExportRouter }],
});
