// What the rest of the console may use from feeds: its routes and the cards of an employee's page.
export { feedsRoutes } from './routes';
export { BalancesCard } from './components/BalancesCard';
export { ConnectionsCard } from './components/ConnectionsCard';
export { EmployeeFeedsCards } from './components/EmployeeFeedsCards';
export { MyConnectionsCard } from './components/MyConnectionsCard';
export { PollHistory } from './components/PollHistory';
export { TradesTable } from './components/TradesTable';
