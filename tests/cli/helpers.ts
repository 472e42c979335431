// Runs the built `kg` binary as a user would: real process, stdout, stderr and exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KG = join(ROOT, 'bin', 'kg.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function kg(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [KG, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kg-test-'));
}
