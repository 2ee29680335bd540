import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLScalarType } from 'graphql';
import { serveOverIpc } from './ipc';

// The baseline: a plain Apollo Server 5 answering the same query shape from 50 rows built once
// in memory. No auth, no rules, no database, no audit: what the GraphQL layer alone costs.

const typeDefs = `#graphql
  scalar DateTimeISO
  type Role { id: ID! name: String! description: String! permissions: [String!]! builtIn: Boolean! }
  type User { id: ID! email: String! name: String! disabled: Boolean! mfaEnabled: Boolean! createdAt: DateTimeISO! role: Role! }
  type PageInfo { endCursor: String hasNextPage: Boolean! }
  type UserConnection { nodes: [User!]! pageInfo: PageInfo! }
  type Query { users(first: Int! = 50, after: String, search: String): UserConnection! }
`;

const role = {
  id: '0b6c3f0e-3f4c-4b1e-9a55-6d1f2b9c7a10',
  name: 'Viewer',
  description: 'Reads holdings',
  permissions: ['balances:read'],
  builtIn: true,
};
const nodes = Array.from({ length: 51 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  email: `user-${i.toString(16).padStart(8, '0')}@example.test`,
  name: `user person ${String(i).padStart(2, '0')}`,
  disabled: false,
  mfaEnabled: false,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  role,
}));

const resolvers = {
  DateTimeISO: new GraphQLScalarType({ name: 'DateTimeISO', serialize: (d) => (d as Date).toISOString() }),
  Query: {
    users: (_: unknown, args: { first: number }) => ({
      nodes: nodes.slice(0, args.first),
      pageInfo: {
        hasNextPage: nodes.length > args.first,
        endCursor: Buffer.from(nodes[args.first - 1]!.id).toString('base64url'),
      },
    }),
  },
};

const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });

serveOverIpc({ url: url.replace(/\/$/, ''), path: '/', headers: {} }, () => server.stop());
