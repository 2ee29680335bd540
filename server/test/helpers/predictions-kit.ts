// The GraphQL operations and answer shapes the predictions suites use, and a poll-until helper.

export const ADD = `mutation($input: AddWalletInput!) { addWallet(input: $input) { id } }`;
export const WALLET_PREDICTIONS = `query($w: ID!) { walletPredictions(walletId: $w) {
  walletId employeeId address venue asOf lastSuccessAt lastError failingSince
  positions { conditionId asset market outcome size avgPrice currentValue curPrice } } }`;
export const EMPLOYEE_PREDICTIONS = `query($e: ID!) { employeePredictions(employeeId: $e) { walletId asOf positions { asset size } } }`;

type Position = {
  conditionId: string;
  asset: string;
  market: string;
  outcome: string;
  size: string;
  avgPrice: string;
  currentValue: string;
  curPrice: string | null;
};
export type WalletPredictions = {
  walletId: string;
  employeeId: string;
  address: string;
  venue: string;
  asOf: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failingSince: string | null;
  positions: Position[];
};
