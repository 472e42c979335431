// Real files from other tools (../shared/interop/: Gephi, Gephi Lite, yEd, yFiles, networkx, igraph, graphology's
// own test files) through `kg export`: each is read with every node kept, or refused with one line for a reason
// it states. Which ones are refused is listed exactly, so that a change in either direction shows here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kg, ROOT } from './helpers.js';

const INTEROP = join(ROOT, '..', 'shared', 'interop');
const files = existsSync(INTEROP) ? readdirSync(INTEROP).filter((f) => /\.(gexf|graphml)$/.test(f)).sort() : [];

/** Refused, and why: the two files broken on purpose (an edge to a missing node). */
const REFUSED: Record<string, RegExp> = {
  'graphology-missing_nodes.gexf': /source "2" is not a node$/,
  'graphology-missing_nodes.graphml': /target "9306289" is not a node$/,
};
/** Files with self-loops, which are dropped with a warning (the graph file holds none yet). */
const SELF_LOOPS = ['gephilite-divided-they-blog.gexf', 'gephilite-marvel.gexf', 'graphology-rio.gexf', 'graphology-yeast.gexf', 'igraph-yfiles-for-html.graphml'];

describe('graphs written by other tools (../shared/interop)', () => {
  it('has the files', () => {
    expect(files.length).toBe(41);
  });
  it.each(files)('%s', (file) => {
    const path = join(INTEROP, file);
    const r = kg(['export', path, '-f', 'json']);
    const refused = REFUSED[file];
    if (refused) {
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n').filter((l) => !l.includes(': warning: '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(refused);
      expect(r.stdout).toBe('');
      return;
    }
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stderr.trim().split('\n').filter((l) => l)) expect(line).toMatch(/^kg: .*: warning: \d+ /);
    expect(r.stderr.includes('warning: ') && /\d+ self-loops dropped/.test(r.stderr)).toBe(SELF_LOOPS.includes(file));
    const graph = JSON.parse(r.stdout) as { nodes: unknown[] };
    // Every <node> element outside CDATA text (one yFiles file quotes markup inside a CDATA value).
    const xml = readFileSync(path, 'utf8').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    expect(graph.nodes.length).toBe((xml.match(/<node[ >]/g) ?? []).length);
  });
});
