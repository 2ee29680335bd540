// The operation both servers answer, byte for byte the same request body.
export const USERS_QUERY =
  '{ users(first: 50) { nodes { id email name disabled mfaEnabled createdAt role { id name } } pageInfo { hasNextPage endCursor } } }';

export const USERS_BODY = JSON.stringify({ query: USERS_QUERY });

export const EXPECTED_NODES = 50;

type UsersResponse = {
  data?: { users?: { nodes?: unknown[]; pageInfo?: { hasNextPage?: boolean } } } | null;
  errors?: unknown[];
};

/** Throws unless the body is a full, error-free page of 50 users. */
export function assertFullPage(server: string, status: number, body: string): void {
  const parsed = JSON.parse(body) as UsersResponse;
  const nodes = parsed.data?.users?.nodes;
  if (
    status !== 200 ||
    parsed.errors?.length ||
    nodes?.length !== EXPECTED_NODES ||
    parsed.data?.users?.pageInfo?.hasNextPage !== true
  ) {
    throw new Error(`${server}: expected 200 with ${EXPECTED_NODES} nodes and more pages, got ${status}: ${body.slice(0, 400)}`);
  }
}
