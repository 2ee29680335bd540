import { defineModule } from '@/core/module';
import { ActivityResolver } from './activity/activity.resolver';
import { CONNECTION_SEALED_COLUMNS } from './connections/connection-secrets';
import { ConnectionResolver } from './connections/connection.resolver';
import { ExchangeConnectionSchema } from './connections/exchange-connection.entity';
import { EmployeeInvitationSchema, EmployeeSchema } from './employees/employee.entity';
import { EmployeeResolver } from './employees/employee.resolver';
import { connectionAccess, employeeAccess } from './holdings.access';
import { HOLDINGS_AUDIT_ACTIONS } from './holdings-audit-actions';
import { holdingsFields } from './holdings.fields';
import { pollHandlers } from './polling/poll-handlers';
import { pollConnectionJob, schedulePollsJob } from './polling/poll-jobs';
import { pollCadence } from './polling/poll-schedule';
import { CHAIN_INGEST_ENTITIES } from './chains';
import { walletHandlers } from './wallets/wallet-handlers';
import { pollWalletJob } from './wallets/wallet-jobs';
import { WALLET_ENTITIES } from './wallets/wallet.entity';
import { WalletResolver } from './wallets/wallet.resolver';
import { PredictionResolver } from './predictions';
import { priceHandlers, priceSchedules } from './valuation/price-handlers';
import { refreshPricesJob } from './valuation/price-jobs';

/**
 * Holdings oversight (DESIGN.md "Holdings oversight"): the roster of employees and their
 * single-use invitations, the read-only exchange keys they connect (scope proved before
 * storing, sealed at rest), and the poller that reads them on a schedule.
 */
export const holdingsModule = defineModule({
  name: 'holdings',
  entities: [EmployeeSchema, EmployeeInvitationSchema, ExchangeConnectionSchema, ...WALLET_ENTITIES, ...CHAIN_INGEST_ENTITIES],
  resolvers: [EmployeeResolver, ConnectionResolver, ActivityResolver, WalletResolver, PredictionResolver],
  fields: holdingsFields,
  access: [employeeAccess, connectionAccess],
  jobs: [schedulePollsJob, pollConnectionJob, pollWalletJob, refreshPricesJob],
  handlers: (deps) => [...pollHandlers(deps), ...walletHandlers(deps), ...priceHandlers(deps)],
  schedules: (env) => [{ job: schedulePollsJob, everyMs: pollCadence(env).scheduleEveryMs }, ...priceSchedules(env)],
  sealedColumns: [CONNECTION_SEALED_COLUMNS],
  auditActions: Object.values(HOLDINGS_AUDIT_ACTIONS),
});
