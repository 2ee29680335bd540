// What the rest of Vigil may use of the audit log; everything else in this folder is its own.
export { auditModule } from './audit.module';
export { AUDIT_ACTIONS } from './audit-actions';
export { appendInTransaction } from './audit-append';
export { AuditBatcher } from './audit-batcher';
export { AuditChainer, type ChainBatchReport } from './audit-chainer';
export { AuditChainStatus } from './audit-chain-status';
export { AuditEntryMac } from './audit-entry-mac';
export { ENTRY_MAC_MIGRATION, sealMacStarts } from './audit-mac-start';
export { verifyAllChains, verifyOrgChain, type OrgChainVerification } from './audit-chain-reader';
export { streamAuditCsv } from './audit-export';
export { PLATFORM_CHAIN_ORG_ID } from './platform-chain';
export { AUDIT_OUTCOMES, type AuditEntryInput, type AuditOutcome } from './audit-entry';
