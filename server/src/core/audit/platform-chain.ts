// Where the platform's own security events go; defined beside the audit note that names it.
export { PLATFORM_CHAIN_ORG_ID } from '@/core/request/audit-note';
