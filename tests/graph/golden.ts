// Golden-file comparison for exporter tests: goldens change only when someone regenerates them on purpose.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Compares with tests/fixtures/golden/<name>; `UPDATE_GOLDEN=1` rewrites it instead (then review the diff). */
export function expectGolden(name: string, actual: string): void {
  const path = resolve(ROOT, 'tests/fixtures/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export function readGolden(name: string): string {
  return readFileSync(resolve(ROOT, 'tests/fixtures/golden', name), 'utf8');
}
