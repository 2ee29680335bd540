import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { copyTextRows, copyTextValue } from '../copy-text';

describe('COPY text format reader', () => {
  it('should undo escapes and read \\N as null when parsing fields', () => {
    expect(copyTextValue('\\N')).toBeNull();
    expect(copyTextValue('plain')).toBe('plain');
    expect(copyTextValue('a\\tb\\nc\\\\d\\re')).toBe('a\tb\nc\\d\re');
    expect(copyTextValue('\\\\N')).toBe('\\N');
  });

  it('should yield whole rows when chunks split rows and multi-byte characters', async () => {
    const text = Buffer.from('1\té\\tx\t\\N\n2\t😀\tz\n3\tlast\t\\\\\n');
    const chunks = [text.subarray(0, 4), text.subarray(4, 13), text.subarray(13, 14), text.subarray(14)];
    const rows: string[][] = [];
    for await (const batch of copyTextRows(Readable.from(chunks))) rows.push(...batch);
    expect(rows.map((r) => r.map(copyTextValue))).toEqual([
      ['1', 'é\tx', null],
      ['2', '😀', 'z'],
      ['3', 'last', '\\'],
    ]);
  });
});
