// The operation both servers answer for (c): the employees list as the console asks for it, with
// the health badge, the connection count and the total value the issue names.
export const EMPLOYEES_QUERY =
  '{ employees(first: 50) { nodes { id name email department status statusChangedAt statusNote hasAccount invitationExpiresAt createdAt health connectionCount totalValue unpricedAssets } pageInfo { hasNextPage endCursor } } }';

export const EMPLOYEES_BODY = JSON.stringify({ query: EMPLOYEES_QUERY });

export const EXPECTED_NODES = 50;

/** Seeded roster size: more than one page, so hasNextPage is true. */
export const SEED_EMPLOYEES = 60;

type EmployeesResponse = {
  data?: {
    employees?: { nodes?: Array<{ totalValue?: string | null; health?: string }>; pageInfo?: { hasNextPage?: boolean } };
  } | null;
  errors?: unknown[];
};

/** Throws unless the body is a full, error-free page of 50 employees with more to come. */
export function assertFullEmployeesPage(server: string, status: number, body: string): void {
  const parsed = JSON.parse(body) as EmployeesResponse;
  const page = parsed.data?.employees;
  // Values and badges are really computed: some rows carry a total, some a broken badge.
  const valued = page?.nodes?.some((n) => typeof n.totalValue === 'string') === true;
  const broken = page?.nodes?.some((n) => n.health === 'broken') === true;
  if (
    status !== 200 ||
    parsed.errors?.length ||
    page?.nodes?.length !== EXPECTED_NODES ||
    page.pageInfo?.hasNextPage !== true ||
    !valued ||
    !broken
  ) {
    throw new Error(
      `${server}: expected 200 with ${EXPECTED_NODES} employees and more pages, got ${status}: ${body.slice(0, 400)}`,
    );
  }
}
