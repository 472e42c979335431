// A throwaway PostgreSQL cluster for the store tests and the bench: initdb and pg_ctl (as the postgres user when run
// as root) in a temporary folder, listening on 127.0.0.1 and a free port, stopped and removed afterwards. CI
// installs Debian's postgresql (.ci/run); without it the tests that need a server fail in CI and are skipped
// elsewhere.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL server programs (newest version), if installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : undefined;
}

/** Whether the server tests must run: always in CI, else when PostgreSQL is installed. */
export const postgresAvailable = process.env.CI === 'true' || postgresBin() !== undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Cluster {
  url: (database?: string) => string;
  createDatabase: (name: string) => void;
  stop: () => void;
}

/** Starts a cluster; `durable: false` (the tests) turns fsync off, the bench keeps PostgreSQL's defaults. */
export async function startCluster(options: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian package postgresql): .ci/run installs it');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kg-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (program: string, args: string[]) => {
    const cmd = join(bin, program);
    return asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe', cwd: dir }) : execFileSync(cmd, args, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'kg', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${options.durable ? '' : ' -c fsync=off'}`, 'start']);
  const psql = join(bin, 'psql');
  return {
    url: (database = 'postgres') => `postgres://kg@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      execFileSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'kg', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE "${name}"`], { stdio: 'pipe' });
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
