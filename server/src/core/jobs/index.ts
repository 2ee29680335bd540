export { jobsModule, outboxOf } from './jobs.module';
export { sendAfterCommit, sweepOutbox, type OutboxDeps } from './job-outbox';
