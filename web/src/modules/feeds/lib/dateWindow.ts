// A filter's "from" and "to" dates as whole days in the reader's time zone: "to 3 March" includes
// all of 3 March. Shared by the trade and transfer filters.

export type DateWindowForm = { fromDate: string; toDate: string };

export type DateWindowVariables = { from: string | null; to: string | null };

function startOfLocalDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(day.getTime()) ? null : day.toISOString();
}

function startOfNextLocalDay(date: string): string | null {
  const start = startOfLocalDay(date);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** The window as the server's `from` (inclusive) and `to` (exclusive); an empty field is no bound. */
export function dateWindowVariables(form: DateWindowForm): DateWindowVariables {
  return {
    from: form.fromDate ? startOfLocalDay(form.fromDate) : null,
    to: form.toDate ? startOfNextLocalDay(form.toDate) : null,
  };
}

/** A range that ends before it starts would silently show nothing: say so instead. */
export function dateWindowProblem(form: DateWindowForm): string | null {
  if (form.fromDate && form.toDate && form.fromDate > form.toDate) return 'The start date is after the end date.';
  return null;
}
