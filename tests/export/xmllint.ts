// xmllint for the exporter tests: RelaxNG validation of GEXF, well-formedness, XPath; required on CI, optional locally.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../graph/golden.js';

export const GEXF_SCHEMA = resolve(ROOT, 'tests/export/schemas/gexf-1.3/gexf.rng');

export const HAS_XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
const CI = process.env.CI === 'true' || process.env.CI === '1';
if (!HAS_XMLLINT && !CI) {
  console.warn('xmllint not found: skipping XML validation tests (install libxml2-utils to run them)');
}
/** `it`, or `it.skip` when xmllint is missing locally. On CI a missing xmllint fails the test instead of skipping it. */
export const withXmllint = HAS_XMLLINT || CI ? it : it.skip;

export function xmllint(xml: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kg-xml-'));
  try {
    const path = join(dir, 'file.xml');
    writeFileSync(path, xml);
    const result = spawnSync('xmllint', [...args, path], { encoding: 'utf8' });
    if (result.error) throw new Error(`xmllint could not run: ${result.error.message}`);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts that a GEXF document validates against the official GEXF 1.3 RelaxNG grammar. */
export function expectValidGexf(xml: string): void {
  const result = xmllint(xml, ['--noout', '--relaxng', GEXF_SCHEMA]);
  expect(result.stderr).toMatch(/validates/);
  expect(result.status).toBe(0);
}

/** Asserts that a document is well-formed XML (no schema). */
export function expectWellFormed(xml: string): void {
  const result = xmllint(xml, ['--noout']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

/** The value of an XPath expression as an XML parser reads it back (entities decoded). */
export function xpath(xml: string, expression: string): string {
  const result = xmllint(xml, ['--xpath', expression]);
  expect(result.stderr).toBe('');
  // xmllint ends the printed value with a newline of its own.
  return result.stdout.replace(/\n$/, '');
}
