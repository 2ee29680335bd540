import { defineModule } from '@/core/module';
import { DEMO_AUDIT_ACTIONS } from './demo-audit-actions';

/**
 * Demo mode (issue 10, item 13): a simulated exchange and chain, in-process on loopback, and
 * demo employees onboarded against them. Nothing here runs unless VIGIL_DEMO is set, never in
 * production; bootstrap starts it (startDemo). The manifest only declares the audit action it
 * writes, so that the audit log's filters know it.
 */
export const demoModule = defineModule({
  name: 'demo',
  auditActions: Object.values(DEMO_AUDIT_ACTIONS),
});
