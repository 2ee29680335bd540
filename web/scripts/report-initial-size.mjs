// Prints what a browser downloads before the console's first page can render (the entry script,
// the chunks index.html preloads with it, and the stylesheets it links), gzip-compressed as a
// server sends them, and fails when the initial JavaScript exceeds its budget. Pages load later,
// on first visit (routes.tsx: lazyPage), and are listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.INITIAL_JS_BUDGET_KB ?? 250);
const dist = path.resolve(import.meta.dirname, '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const refs = (pattern) => [...html.matchAll(pattern)].map((m) => m[1].replace(/^\//, ''));
const initialJs = [
  ...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
];
const initialCss = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
if (initialJs.length === 0) throw new Error('dist/index.html names no module script: is this a Vite build?');

const gzipKb = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
const total = (files) => files.reduce((sum, f) => sum + gzipKb(f), 0);
const kb = (n) => `${n.toFixed(1)} KB`;

const jsKb = total(initialJs);
const cssKb = total(initialCss);
const lazyChunks = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initialJs.includes(`assets/${f}`));
console.log(`initial JS  (gzip): ${kb(jsKb)} in ${initialJs.length} file(s), budget ${BUDGET_KB} KB`);
console.log(`initial CSS (gzip): ${kb(cssKb)} in ${initialCss.length} file(s)`);
console.log(`loaded on demand:   ${lazyChunks.length} chunk(s), ${kb(total(lazyChunks.map((f) => `assets/${f}`)))} gzip`);
// The public pages a newcomer opens first: what each adds to the initial script when opened.
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const chunksOf = (key, seen = new Set()) => {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) chunksOf(imported, seen);
  return seen;
};
for (const [label, source] of [
  ['sign-in page', 'src/modules/auth/pages/SignInPage.tsx'],
  ['onboarding page', 'src/modules/holdings/pages/OnboardingPage.tsx'],
]) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of its own: is its route still loaded on demand?`);
  const extra = [...chunksOf(source)].map((k) => manifest[k].file).filter((f) => !initialJs.includes(f));
  console.log(
    `${label.padEnd(18)} initial JS + ${kb(total(extra))} gzip in ${extra.length} chunk(s) = ${kb(jsKb + total(extra))}`,
  );
}
if (jsKb > BUDGET_KB) {
  console.error(`initial JS is ${kb(jsKb)} gzip, over the ${BUDGET_KB} KB budget: load more of it on demand`);
  process.exit(1);
}
