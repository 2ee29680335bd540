// The operation both servers answer for (c): the employees list as it is today. The issue asks
// for health badges and total value on this list; Employee has neither field yet.
export const EMPLOYEES_QUERY =
  '{ employees(first: 50) { nodes { id name email department status statusChangedAt statusNote hasAccount invitationExpiresAt createdAt } pageInfo { hasNextPage endCursor } } }';

export const EMPLOYEES_BODY = JSON.stringify({ query: EMPLOYEES_QUERY });

export const EXPECTED_NODES = 50;

/** Seeded roster size: more than one page, so hasNextPage is true. */
export const SEED_EMPLOYEES = 60;

type EmployeesResponse = {
  data?: { employees?: { nodes?: unknown[]; pageInfo?: { hasNextPage?: boolean } } } | null;
  errors?: unknown[];
};

/** Throws unless the body is a full, error-free page of 50 employees with more to come. */
export function assertFullEmployeesPage(server: string, status: number, body: string): void {
  const parsed = JSON.parse(body) as EmployeesResponse;
  const page = parsed.data?.employees;
  if (status !== 200 || parsed.errors?.length || page?.nodes?.length !== EXPECTED_NODES || page.pageInfo?.hasNextPage !== true) {
    throw new Error(
      `${server}: expected 200 with ${EXPECTED_NODES} employees and more pages, got ${status}: ${body.slice(0, 400)}`,
    );
  }
}
