// What the rest of Vigil may use of alerts; everything else in this folder is its own.
export { alertsModule } from './alerts.module';
export { openAlert, type AlertRaiser, type OpenAlertInput, type OpenedAlert } from './open-alert';
export { ALERTS_AUDIT_ACTIONS } from './alerts-audit-actions';
export { ALERT_SEVERITIES, ALERT_STATUSES, type AlertSeverity, type AlertStatus, type AlertSubject } from './alert-model';
export { ALERT_RULES, type AlertDetailsOf, type AlertKind } from './rules';
