import { and } from 'graphql-shield';
import { defineRootFields } from '@/core/graphql/root-field';
import { adminWrite, can, isAnyone } from '@/core/graphql/rules';
import { isSignedInWithOwnPassword } from '@/core/identity';

/**
 * Every root field of holdings, once: who may call it (the shield; anything not here is denied),
 * what its audit entry names, and which argument names its target.
 */
export const holdingsFields = defineRootFields({
  Query: {
    employees: { rule: can('employees:read'), resource: 'employee' },
    employee: { rule: can('employees:read'), resource: 'employee', idArg: 'id' },
    myEmployee: { rule: isSignedInWithOwnPassword, resource: 'employee' },
    // Anonymous: the link's 256-bit token is the credential.
    invitation: { rule: isAnyone, resource: 'employee' },
    exchangeVenues: { rule: isSignedInWithOwnPassword, resource: 'connection' },
    connections: { rule: can('connections:read'), resource: 'connection' },
    employeeBalances: { rule: can('balances:read'), resource: 'balance' },
    employeeBalanceHistory: { rule: can('balances:read'), resource: 'balance' },
    employeeValueHistory: { rule: can('balances:read'), resource: 'balance' },
    // A setting, not data: what the console labels values with.
    referenceCurrency: { rule: isSignedInWithOwnPassword, resource: 'balance' },
    employeeTrades: { rule: can('transactions:read'), resource: 'transaction' },
    employeeTransfers: { rule: can('transactions:read'), resource: 'transaction' },
    pollRuns: { rule: can('connections:read'), resource: 'connection', idArg: 'connectionId' },
    feedHealth: { rule: can('connections:read'), resource: 'connection' },
    chains: { rule: isSignedInWithOwnPassword, resource: 'connection' },
    wallets: { rule: can('connections:read'), resource: 'connection' },
    walletBalances: { rule: can('balances:read'), resource: 'balance' },
    walletTransfers: { rule: can('transactions:read'), resource: 'transaction' },
    walletHealth: { rule: can('connections:read'), resource: 'connection' },
    walletPredictions: { rule: can('predictions:read'), resource: 'prediction' },
    employeePredictions: { rule: can('predictions:read'), resource: 'prediction' },
    walletPollRuns: { rule: can('connections:read'), resource: 'connection', idArg: 'walletId' },
  },
  Mutation: {
    inviteEmployee: { rule: adminWrite('employees:write'), resource: 'employee' },
    reissueInvitation: { rule: adminWrite('employees:write'), resource: 'employee', idArg: 'id' },
    updateEmployee: { rule: adminWrite('employees:write'), resource: 'employee', idArg: 'id' },
    offboardEmployee: { rule: adminWrite('employees:write'), resource: 'employee', idArg: 'id' },
    requireReonboarding: { rule: and(can('employees:read'), can('connections:write')), resource: 'employee', idArg: 'id' },
    acceptInvitation: { rule: isAnyone, resource: 'employee' },
    // An employee's own key: not an Admin write (the Employee role holds connections:write only).
    connectExchange: { rule: can('connections:write'), resource: 'connection' },
    // Own connections; a reviewer (employees:read too) removes any in its org, never rotates.
    removeConnection: { rule: can('connections:write'), resource: 'connection', idArg: 'id' },
    rotateConnection: { rule: can('connections:write'), resource: 'connection', idArg: 'id' },
    // An employee's own wallet, like its own key.
    addWallet: { rule: can('connections:write'), resource: 'connection' },
    removeWallet: { rule: can('connections:write'), resource: 'connection', idArg: 'id' },
  },
});
