// Points every URL group ccxt uses for a venue at one base (a local double, a regional host),
// keeping each group's path: https://api.binance.com/sapi/v1 -> <base>/sapi/v1. ccxt signs the
// path, not the host, so signatures stay what the venue expects.

/** The part of a ccxt instance this touches. */
export type UrlBearing = { urls: { api?: unknown }; implodeHostname(url: string): string };

function normalisedBase(base: string): string {
  const parsed = new URL(base);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`exchange API base must be http(s): ${parsed.protocol}`);
  }
  if (parsed.search !== '' || parsed.hash !== '') throw new Error('exchange API base takes no query or fragment');
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** One URL of a group, with its origin replaced and its path (and query, if any) kept. */
export function rewriteUrl(url: string, base: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname === '/' && !url.endsWith('/') ? '' : parsed.pathname;
  return `${normalisedBase(base)}${path}${parsed.search}`;
}

function rewriteTree(node: unknown, base: string, implode: (url: string) => string): unknown {
  if (typeof node === 'string') return rewriteUrl(implode(node), base);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewriteTree(value, base, implode)]));
  }
  return node;
}

/**
 * Rewrites `urls.api` in place (after setSandboxMode, which swaps it). Template hosts
 * (OKX `https://{hostname}`, Bybit `https://api.{hostname}`) are filled in first.
 */
export function applyBaseUrlOverride(exchange: UrlBearing, base: string): void {
  exchange.urls.api = rewriteTree(exchange.urls.api, base, (url) => exchange.implodeHostname(url));
}

/** Every URL in the instance's API groups, for the test that nothing points elsewhere. */
export function apiUrlsOf(exchange: UrlBearing): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') out.push(exchange.implodeHostname(node));
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(exchange.urls.api);
  return out;
}
