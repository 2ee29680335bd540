import { defineModule } from '@/core/module';
import { alertAccess } from './alert.access';
import { AlertSchema } from './alert.entity';
import { AlertResolver } from './alert.resolver';
import { alertsFields } from './alerts.fields';
import { ALERTS_AUDIT_ACTIONS } from './alerts-audit-actions';

/** Alerts: the compliance queue. Raised by other modules through `openAlert`; worked here (README.md). */
export const alertsModule = defineModule({
  name: 'alerts',
  entities: [AlertSchema],
  resolvers: [AlertResolver],
  fields: alertsFields,
  access: [alertAccess],
  auditActions: Object.values(ALERTS_AUDIT_ACTIONS),
});
