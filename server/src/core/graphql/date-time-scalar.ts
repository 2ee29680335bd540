import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

// Timestamps our own SQL renders already (isoTimestampSql): passed through after a cheap shape
// check instead of being parsed into a Date and printed back for every row of a list.
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * `DateTimeISO`, as graphql-scalars defines it (inputs parse the same way), with output that
 * accepts a Date or an already canonical ISO-8601 UTC string.
 */
export const DateTimeISO = new GraphQLScalarType({
  name: 'DateTimeISO',
  description: GraphQLDateTimeISO.description,
  specifiedByURL: GraphQLDateTimeISO.specifiedByURL,
  serialize(value) {
    if (typeof value === 'string' && CANONICAL_ISO.test(value)) return value;
    return GraphQLDateTimeISO.serialize(value);
  },
  parseValue: (value) => GraphQLDateTimeISO.parseValue(value),
  parseLiteral: (ast, variables) => GraphQLDateTimeISO.parseLiteral(ast, variables),
});
