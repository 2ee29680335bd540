// What the rest of the console may use from feeds: its routes and the cards of an employee's page.
export { feedsRoutes } from './routes';
export { BalancesCard } from './components/BalancesCard';
export { ConnectionsCard } from './components/ConnectionsCard';
export { EmployeeFeedsCards } from './components/EmployeeFeedsCards';
export { MyConnectionsCard } from './components/MyConnectionsCard';
export { EmployeeWalletsCard } from './components/EmployeeWalletsCard';
export { MyWalletsCard } from './components/MyWalletsCard';
export { ManageKeysCard } from './components/ManageKeysCard';
export { PollHistory } from './components/PollHistory';
export { TradesTable } from './components/TradesTable';
export { WalletTransfersCard } from './components/WalletTransfersCard';
export { useReferenceCurrency } from './hooks/useReferenceCurrency';
export { formatTotalValue } from './lib/holdingValue';
