// Decimal numbers as text, never through a float: what the venue wrote is what is stored.

const NUMBER = /^(-?)(\d{1,80})(?:\.(\d{1,80}))?(?:[eE]([+-]?\d{1,3}))?$/;
// Further than this from the point, a figure is not a position's (and would make a huge string).
const MAX_EXPONENT = 60;

/**
 * The canonical plain form of a JSON number's text: no exponent, no leading zeros, no trailing
 * fractional zeros, no "-0" (`1.50e2` → `150`, `0.000` → `0`). Undefined for anything else.
 */
export function canonicalDecimal(text: string): string | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const [, sign, int, frac = '', exp = '0'] = m;
  const shift = Number(exp);
  if (Math.abs(shift) > MAX_EXPONENT) return undefined;
  const digits = `${int}${frac}`;
  const point = int!.length + shift;
  let whole: string;
  let fraction: string;
  if (point <= 0) {
    whole = '0';
    fraction = `${'0'.repeat(-point)}${digits}`;
  } else if (point >= digits.length) {
    whole = `${digits}${'0'.repeat(point - digits.length)}`;
    fraction = '';
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return sign && /[1-9]/.test(body) ? `-${body}` : body;
}
