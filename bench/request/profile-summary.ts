// Summarizes a V8 CPU profile (.cpuprofile) of the Vigil child: self time by package or Vigil
// module, time with each layer anywhere on the stack, and the hottest functions.
// Also runnable alone: tsx request/profile-summary.ts <file.cpuprofile>

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

/** Where a frame's code lives: an npm package, a Vigil source folder, Node itself, or V8. */
function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(V8 builtins / native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.indexOf('/server/src/');
  if (src >= 0) {
    const parts = url.slice(src + '/server/src/'.length).split('/');
    // A module is named with its folder (`vigil core/identity`, `vigil modules/deals`).
    const grouped = parts[0] === 'modules' || parts[0] === 'core' ? 2 : 1;
    return `vigil ${parts.slice(0, Math.min(grouped, parts.length - 1) || 1).join('/')}`;
  }
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^file:\/\//, '');
}

// Layers of the request path, by the code on the stack (a sample counts once per layer).
const LAYERS: [string, (url: string, fn: string) => boolean][] = [
  [
    'express + helmet + body parsing',
    (u) => /\/(express|router|helmet|body-parser|raw-body|finalhandler|send|serve-static)\//.test(u),
  ],
  ['JWT verify (jose)', (u) => u.includes('/jose/')],
  ['denylist (ioredis)', (u) => u.includes('/ioredis/')],
  ['@apollo/server (request pipeline)', (u) => u.includes('/@apollo/server/')],
  ['graphql-armor (validation rules)', (u) => u.includes('/@escape.tech/')],
  ['graphql parse + validate', (u) => /\/graphql\/(language|validation)\//.test(u)],
  ['graphql execute', (u) => u.includes('/graphql/execution/')],
  ['graphql-middleware (field wrapping)', (u) => u.includes('/graphql-middleware/')],
  ['graphql-shield (rules)', (u) => u.includes('/graphql-shield/')],
  ['type-graphql', (u) => u.includes('/type-graphql/')],
  [
    'Vigil audit (record + batcher)',
    (u) => /server\/src\/core\/(audit\/|request\/(request-audit|root-field-middleware|audit-note))/.test(u),
  ],
  ['Vigil users (service + mapping)', (u) => u.includes('server/src/core/identity/users/')],
  ['pg driver', (u) => /\/(pg|pg-protocol|pg-pool|pg-types)\//.test(u)],
  ['MikroORM + knex', (u) => /\/(@mikro-orm\/[^/]+|knex)\//.test(u)],
  ['zod', (u) => u.includes('/zod/')],
  ['garbage collector', (_u, f) => f === '(garbage collector)'],
];

export function summarizeProfile(profile: CpuProfile, label = 'profile', top = 15): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const self = new Map<string, number>();
  const fns = new Map<string, number>();
  const layers = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const { functionName: fn, url, lineNumber } = node.callFrame;
    if (fn === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const owner = ownerOf(url, fn);
    self.set(owner, (self.get(owner) ?? 0) + dt);
    const key = `${fn || '(anonymous)'} ${owner}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      for (const [name, test] of LAYERS) if (!seen.has(name) && test(f.url, f.functionName)) seen.add(name);
    }
    for (const name of seen) layers.set(name, (layers.get(name) ?? 0) + dt);
  });
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)} %`;
  const list = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => `  ${pct(ms)}  ${name}`)
      .join('\n');
  return [
    `CPU profile ${label}: ${busy.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle on the main thread`,
    'self time by owner:',
    list(self, top),
    'time with the layer on the stack (inclusive, overlapping):',
    list(layers, LAYERS.length),
    'hottest functions (self):',
    list(fns, top),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  for (const file of process.argv.slice(2)) {
    process.stdout.write(summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, file));
  }
}
