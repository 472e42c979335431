// The committed sample graphs are exactly what the current code builds (regenerate with `npm start`
// or the commands in README.md when the extractor changes on purpose).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg, ROOT } from './helpers.js';

describe('committed sample graphs', () => {
  it('graphs/nato-irak-2020.json is current', () => {
    const r = kg(['build', 'corpus/nato-irak-2020.nb.txt', '--name', 'nato-irak-2020']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'graphs', 'nato-irak-2020.json'), 'utf8'));
  });
  it('graphs/nato-irak-2020.gexf is current', () => {
    const r = kg(['export', 'graphs/nato-irak-2020.json', '--format', 'gexf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'graphs', 'nato-irak-2020.gexf'), 'utf8'));
  });
});
