import { dateWindowProblem, dateWindowVariables, type DateWindowForm, type DateWindowVariables } from './dateWindow';

export type TradeSide = 'buy' | 'sell';

export type TradeFilterForm = DateWindowForm & { symbol: string; side: TradeSide | null };

export type TradeFilterVariables = DateWindowVariables & { symbol: string | null; side: TradeSide | null };

/** The form as the server's filter arguments; an empty field is no filter. */
export function tradeFilterVariables(form: TradeFilterForm): TradeFilterVariables {
  const symbol = form.symbol.trim().toUpperCase();
  return { symbol: symbol === '' ? null : symbol, side: form.side, ...dateWindowVariables(form) };
}

export const tradeFilterProblem = (form: TradeFilterForm): string | null => dateWindowProblem(form);
