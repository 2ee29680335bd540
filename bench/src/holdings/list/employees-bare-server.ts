import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLScalarType } from 'graphql';
import { serveOverIpc } from '../../../request/ipc';
import { SEED_EMPLOYEES } from './employees-query';

// The baseline of (c): a plain Apollo Server 5 answering the employees list's shape from rows
// built once in memory. No auth, no rules, no database, no audit.

const typeDefs = `#graphql
  scalar DateTimeISO
  enum EmployeeStatus { active invited needs_reonboarding offboarded }
  enum EmployeeHealth { broken failing none ok }
  type Employee { id: ID! name: String! email: String! department: String! status: EmployeeStatus!
    statusChangedAt: DateTimeISO! statusNote: String hasAccount: Boolean! invitationExpiresAt: DateTimeISO createdAt: DateTimeISO!
    health: EmployeeHealth! connectionCount: Int! totalValue: String unpricedAssets: Int }
  type PageInfo { endCursor: String hasNextPage: Boolean! }
  type EmployeeConnection { nodes: [Employee!]! pageInfo: PageInfo! }
  type Query { employees(first: Int! = 50, after: String, search: String, status: EmployeeStatus): EmployeeConnection! }
`;

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i));
const nodes = Array.from({ length: SEED_EMPLOYEES }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Trader ${String(i).padStart(2, '0')}`,
  email: `trader-${String(i).padStart(2, '0')}@example.test`,
  department: `Desk ${i % 7}`,
  status: i % 3 === 0 ? 'invited' : 'active',
  statusChangedAt: at(i),
  statusNote: null,
  hasAccount: i % 3 !== 0,
  invitationExpiresAt: i % 3 === 0 ? at(i + 604_800) : null,
  createdAt: at(i),
  // As seeded for Vigil (employees-vigil-server.ts): active employees hold two connections, one in
  // ten of them broken, with BTC and ETH priced and USDT unpriced.
  health: i % 3 === 0 ? 'none' : i % 10 === 1 ? 'broken' : 'ok',
  connectionCount: i % 3 === 0 ? 0 : 2,
  totalValue: i % 3 === 0 ? null : '123456.78',
  unpricedAssets: i % 3 === 0 ? 0 : 1,
}));

const resolvers = {
  DateTimeISO: new GraphQLScalarType({ name: 'DateTimeISO', serialize: (d) => (d as Date).toISOString() }),
  Query: {
    employees: (_: unknown, args: { first: number }) => ({
      nodes: nodes.slice(0, args.first),
      pageInfo: {
        hasNextPage: nodes.length > args.first,
        endCursor: Buffer.from(JSON.stringify([nodes[args.first - 1]!.name, nodes[args.first - 1]!.id])).toString('base64url'),
      },
    }),
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });

serveOverIpc({ url: url.replace(/\/$/, ''), path: '/', headers: {} }, () => server.stop());
