// JSON.parse turns every number into a float, so 0.1234567890123456789 would lose digits before
// anything could keep them. This rewrites each number token outside strings into {"$n":"<text>"}
// first, so the parsed value carries the number's own text (and a number still cannot pass for a
// string, nor a string for a number).

const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A JSON number as this parser hands it over. */
export type NumberText = { $n: string };

export function parseJsonKeepingNumbers(text: string): unknown {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, stepping over escapes.
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else {
          i++;
          if (d === 0x22) break;
        }
      }
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const m = NUMBER_TOKEN.exec(text);
      if (!m) throw new SyntaxError(`not a JSON number at ${i}`);
      out.push(text.slice(start, i), `{"$n":"${m[0]}"}`);
      i += m[0].length;
      start = i;
      continue;
    }
    i++;
  }
  out.push(text.slice(start));
  return JSON.parse(out.join('')) as unknown;
}
