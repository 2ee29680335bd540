import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

// Reads PostgreSQL's COPY ... TO STDOUT text format (tab-separated, \N for NULL, backslash
// escapes) as arrays of field strings. Used to stream whole audit chains: several times faster
// than row-by-row query results, because a chunk is decoded once and split, not field by field.

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** The value of one COPY text field: null for \N, escapes undone. */
export function copyTextValue(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/**
 * Yields each row's raw fields (still escaped; pass each through copyTextValue). Stopping early
 * does not destroy `stream` (a COPY cut off mid-way would leave its connection unusable): the
 * caller drains it with `drainCopy`.
 */
export async function* copyTextRows(stream: Readable): AsyncGenerator<string[][]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const chunks = stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
  for await (const chunk of chunks) {
    const text = rest + decoder.write(chunk);
    const rows: string[][] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      rows.push(text.slice(start, nl).split('\t'));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (rows.length > 0) yield rows;
  }
  rest += decoder.end();
  if (rest.length > 0) yield [rest.split('\t')];
}

/** Reads a COPY stream to its end, discarding the data, so its connection is usable again. */
export async function drainCopy(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve).on('error', reject).on('close', resolve);
    stream.resume();
  });
}
