// export, stats and eval through the spawned binary, including bad graph files.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { kg, tempDir, ROOT, KG } from './helpers.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../../src/version.js';

const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval', 'no');

describe('kg export / stats', () => {
  let dir: string;
  let graphPath: string;
  beforeAll(() => {
    dir = tempDir();
    graphPath = join(dir, 'g.json');
    expect(kg(['build', join(ROOT, 'corpus', 'nato-irak-2020.nb.txt'), '-o', graphPath]).code).toBe(0);
  });

  it('exports GEXF 1.3 that xmllint accepts', () => {
    const out = join(dir, 'g.gexf');
    const r = kg(['export', graphPath, '--format', 'gexf', '-o', out]);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('kind="trains"');
    const v = spawnSync('xmllint', ['--noout', '--relaxng', join(ROOT, 'tests', 'export', 'schemas', 'gexf-1.3', 'gexf.rng'), out], { encoding: 'utf8' });
    if (v.error && !process.env.CI) return; // xmllint absent locally; CI installs it
    expect(v.status, v.stderr).toBe(0);
  });

  it('stats counts types and relations', () => {
    const r = kg(['stats', graphPath, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { nodes: number; byRelation: { relation: string; edges: number }[] };
    const file = JSON.parse(readFileSync(graphPath, 'utf8')) as { nodes: unknown[] };
    expect(s.nodes).toBe(file.nodes.length);
    expect(s.byRelation.find((x) => x.relation === 'trains')?.edges).toBe(1);
    const text = kg(['stats', graphPath]);
    expect(text.stdout).toContain('trains');
  });

  it.each([
    ['not JSON', '{nope', /not a graph file: not valid JSON/],
    ['no nodes', '{"options": {}, "attributes": {}, "edges": []}', /missing "nodes" array/],
  ])('a broken graph file (%s) is refused with exit 2 and no output', (_name, content, message) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, content);
    const out = join(dir, 'bad.gexf');
    const r = kg(['export', bad, '--format', 'gexf', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown export format exits 2', () => {
    const r = kg(['export', graphPath, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are json, gexf');
  });
});

describe.skipIf(!existsSync(SHARED_EVAL))('kg eval on the shared gold files', () => {
  // A regression check on the development articles, not the aim (the figures that count are on text not tuned on:
  // tests/relations/heldout.test.ts). The tree relations score lower here than the word-order rules that were fitted
  // to these articles did: README, "Relations".
  it('keeps relation precision ≥ 0.95 and F1 ≥ 0.85 overall (the issue’s regression gate) with no forbidden relation', () => {
    const r = kg(['eval', SHARED_EVAL, '--json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as {
      files: { name: string; relations: { scores: { f1: number } }; forbiddenHits: unknown[] }[];
      total: { relations: { scores: { f1: number; precision: number } }; forbiddenHits: number };
    };
    expect(rep.total.relations.scores.precision).toBeGreaterThanOrEqual(0.95);
    expect(rep.total.relations.scores.f1).toBeGreaterThanOrEqual(0.85);
    expect(rep.total.forbiddenHits).toBe(0);
  });
  it('--fail-under turns the score into an exit code', () => {
    expect(kg(['eval', SHARED_EVAL, '--fail-under', '0.01']).code).toBe(0);
    const r = kg(['eval', SHARED_EVAL, '--fail-under', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/relation F1 .* is below --fail-under 1/);
  });
});

describe('version', () => {
  it('the generator name matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect([PACKAGE_NAME, PACKAGE_VERSION]).toEqual([pkg.name, pkg.version]);
    expect(kg(['--version']).stdout.trim()).toBe(pkg.version);
  });
});

describe('a reader that stops early', () => {
  it('ends kg quietly with exit code 0 (no EPIPE stack trace)', () => {
    // The HTML export is far larger than a pipe's buffer, so kg is still writing when head has gone.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${KG}" export graphs/nato-irak-2020.json --format html | head -c 10 >/dev/null`], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
