// kg stats and kg view take a graph in any readable format (JSON, GEXF, GraphML), detected from the content.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg, tempDir, ROOT, KG } from './helpers.js';

const dir = tempDir();
const json = join(ROOT, 'graphs', 'nato-irak-2020.json');
const gexf = join(dir, 'nato.gexf');
const graphml = join(dir, 'nato.graphml');
// A GEXF file without its extension: found by its content.
const noExt = join(dir, 'nato-graph');

describe('graphs in any readable format', () => {
  it('kg stats gives the same figures for JSON, GEXF and GraphML', () => {
    expect(kg(['export', json, '-o', gexf]).code).toBe(0);
    expect(kg(['export', json, '-o', graphml]).code).toBe(0);
    copyFileSync(gexf, noExt);
    const stats = [json, gexf, graphml, noExt].map((f) => kg(['stats', f, '--json']));
    for (const r of stats) expect(r.code, r.stderr).toBe(0);
    const counts = stats.map((r) => {
      const s = JSON.parse(r.stdout) as { nodes: number; edges: number };
      return [s.nodes, s.edges];
    });
    expect(counts[0]![0]).toBeGreaterThan(5);
    for (const c of counts) expect(c).toEqual(counts[0]);
  });

  it('kg view serves a GEXF file to the viewer as graph JSON', async () => {
    const child = spawn(process.execPath, [KG, 'view', gexf], { cwd: ROOT });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`kg view exited with ${code}`)));
      });
      const res = await fetch(`${url}graph.json`);
      expect(res.status).toBe(200);
      const served = (await res.json()) as { nodes: unknown[]; edges: unknown[] };
      const expected = JSON.parse(kg(['stats', json, '--json']).stdout) as { nodes: number; edges: number };
      expect([served.nodes.length, served.edges.length]).toEqual([expected.nodes, expected.edges]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
