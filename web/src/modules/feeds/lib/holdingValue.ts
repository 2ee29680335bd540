// Values in the reference currency, as the server sends them: exact decimal strings. Rounded to
// cents here on the digits, never through a float; an unknown value is never shown as 0.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "20752.02502" → "20752.03" (half up, on the digits). Anything not a decimal string is returned unchanged. */
export function roundToCents(decimal: string): string {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const cents = BigInt(whole + (fraction + '000').slice(0, 3));
  const rounded = (cents + 5n) / 10n;
  const text = rounded.toString().padStart(3, '0');
  const out = `${text.slice(0, -2)}.${text.slice(-2)}`;
  return sign && /[1-9]/.test(out) ? `-${out}` : out;
}

function currencySymbol(currency: string): string | null {
  try {
    const part = new Intl.NumberFormat('en-US', { style: 'currency', currency })
      .formatToParts(1)
      .find((p) => p.type === 'currency');
    return part && part.value !== currency ? part.value : null;
  } catch {
    return null;
  }
}

/** "$20,752.03", or "20,752.03 CHF" where the currency has no symbol of its own. */
export function formatMoney(decimal: string, currency: string): string {
  const rounded = roundToCents(decimal);
  if (!DECIMAL.test(rounded)) return `${decimal} ${currency}`;
  const negative = rounded.startsWith('-');
  const [whole = '0', cents = '00'] = rounded.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = currencySymbol(currency);
  const amount = symbol ? `${symbol}${grouped}.${cents}` : `${grouped}.${cents}${currency ? ` ${currency}` : ''}`;
  return negative ? `−${amount}` : amount;
}

/**
 * An employee's total: "$12,340.00", "$12,340.00 + 2 unpriced", "2 unpriced" (nothing priced:
 * no sum to show, never "$0.00"), or "—" (nothing held, or not readable).
 */
export function formatTotalValue(totalValue: string | null, unpricedAssets: number | null, currency: string): string {
  const unpriced = unpricedAssets ?? 0;
  if (totalValue === null) return unpriced > 0 ? `${unpriced} unpriced` : '—';
  const money = formatMoney(totalValue, currency);
  return unpriced > 0 ? `${money} + ${unpriced} unpriced` : money;
}
