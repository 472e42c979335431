// `--frames`: users' relation frames files, checked strictly, added to the shipped ones, and recorded for updates.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../src/types.js';
import { kg, tempDir } from './helpers.js';

describe('kg build --frames', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  const text = join(dir, 'in', 'a.en.txt');
  writeFileSync(text, 'Chile shunned Peru on Monday.\n');
  const frames = join(dir, 'shun.json');
  writeFileSync(frames, JSON.stringify({ language: 'en', version: '1', frames: [{ lemma: 'shun', pos: 'verb', relation: 'rejects' }] }));

  it('adds a user frame: its relation appears, with the frame named in the evidence', () => {
    const without = JSON.parse(kg(['build', text, '--no-layout']).stdout) as GraphFile;
    expect(without.edges.map((e) => e.key)).toEqual([]);
    const out = join(dir, 'g.json');
    expect(kg(['build', text, '--no-layout', '--frames', frames, '-o', out]).code).toBe(0);
    const g = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(g.edges.map((e) => [e.key, e.attributes.evidence[0]!.trigger, e.attributes.evidence[0]!.extractor, e.attributes.evidence[0]!.frame])).toEqual([['chile->rejects->peru', 'shunned', 'tree', 'en:verb:shun:rejects']]);
  });

  it('refuses an update that leaves the frames file out', () => {
    const out = join(dir, 'u.json');
    expect(kg(['build', text, '--no-layout', '--frames', frames, '-o', out]).code).toBe(0);
    const r = kg(['build', '--update', out, text, '--no-layout']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the graph was built with other extraction settings');
    expect(kg(['build', '--update', out, text, '--no-layout', '--frames', frames]).code).toBe(0);
  });

  const bad: { name: string; content: string; message: string }[] = [
    { name: 'an unknown key', content: JSON.stringify({ language: 'en', version: '1', frames: [{ lemma: 'shun', pos: 'verb', relation: 'rejects', copulaSubject: true }] }), message: 'frame 1: unknown key "copulaSubject"' },
    { name: 'not JSON', content: '{"language": ', message: 'not valid JSON' },
    { name: 'an unknown language', content: JSON.stringify({ language: 'de', version: '1', frames: [] }), message: '"language" must be one of nb, nn, en, got "de"' },
  ];
  it.each(bad)('rejects a frames file with $name: exit 2, one line naming the file, no output', ({ content, message }) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, content);
    const out = join(dir, 'never.json');
    const r = kg(['build', text, '--frames', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(message);
    expect(() => readFileSync(out)).toThrow();
  });
});
