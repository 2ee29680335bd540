export type TradeSide = 'buy' | 'sell';

export type TradeFilterForm = { symbol: string; side: TradeSide | null; fromDate: string; toDate: string };

export type TradeFilterVariables = { symbol: string | null; side: TradeSide | null; from: string | null; to: string | null };

// Dates are whole days in the reader's time zone: "to 3 March" includes the trades of 3 March.
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

/** The form as the server's filter arguments; an empty field is no filter. */
export function tradeFilterVariables(form: TradeFilterForm): TradeFilterVariables {
  const symbol = form.symbol.trim().toUpperCase();
  return {
    symbol: symbol === '' ? null : symbol,
    side: form.side,
    from: form.fromDate ? startOfLocalDay(form.fromDate) : null,
    to: form.toDate ? startOfNextLocalDay(form.toDate) : null,
  };
}

/** A range that ends before it starts would silently show nothing: say so instead. */
export function tradeFilterProblem(form: TradeFilterForm): string | null {
  if (form.fromDate && form.toDate && form.fromDate > form.toDate) return 'The start date is after the end date.';
  return null;
}
