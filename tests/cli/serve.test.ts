// The viewer server: what it serves, with which headers, and what it refuses (methods, path traversal, foreign hosts).
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, VIEWER_CSP } from '../../src/cli/serve.js';
import { KgError } from '../../src/errors.js';

const GRAPH = join(import.meta.dirname, '..', 'fixtures', 'viewer', 'sample-graph.json');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveViewer', () => {
  let dir: string;
  let viewerDir: string;
  let server: Awaited<ReturnType<typeof serveViewer>>;

  beforeAll(async () => {
    // A stand-in for viewer/dist, so the test does not depend on a build; plus a secret next to it and a symlink out.
    dir = mkdtempSync(join(tmpdir(), 'kg-serve-'));
    viewerDir = join(dir, 'dist');
    mkdirSync(join(viewerDir, 'assets'), { recursive: true });
    writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(viewerDir, 'assets', 'app.js'), 'export {};\n');
    writeFileSync(join(viewerDir, 'assets', 'app.css'), 'body{}\n');
    writeFileSync(join(dir, 'secret.txt'), 'secret\n');
    symlinkSync(join(dir, 'secret.txt'), join(viewerDir, 'assets', 'link.txt'));
    server = await serveViewer({ graphPath: GRAPH, port: 0, viewerDir });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 on a port chosen by the OS', () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(server.url.endsWith('/')).toBe(true);
  });

  it('sends the documented CSP: no inline, remote or eval\'d scripts', () => {
    expect(VIEWER_CSP).toBe(CSP);
    expect(VIEWER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it.each([
    { path: '/', type: 'text/html; charset=utf-8', contains: '<title>viewer</title>' },
    { path: '/index.html', type: 'text/html; charset=utf-8', contains: '<title>viewer</title>' },
    { path: '/graph.json', type: 'application/json; charset=utf-8', contains: '"nato->trains->iraq"' },
    { path: '/graph.json?x=1', type: 'application/json; charset=utf-8', contains: '"nodes"' },
    { path: '/assets/app.js', type: 'text/javascript; charset=utf-8', contains: 'export' },
    { path: '/assets/app.css', type: 'text/css; charset=utf-8', contains: 'body' },
  ])('200 for GET $path with type $type and security headers', async ({ path, type, contains }) => {
    const res = await raw(server.url, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain(contains);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await raw(server.url, 'HEAD', '/graph.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('405 with Allow for %s', async (method) => {
    const res = await raw(server.url, method, '/graph.json');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['content-security-policy']).toBe(CSP);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%252e%252e/etc/passwd',
    '/..\\..\\etc\\passwd',
    '/%00',
    '/index.html%00.js',
    '/%2e%2e%5csecret.txt',
    '/assets/../../secret.txt',
    '/../secret.txt',
    '/assets/link.txt',
    '/assets',
    '/missing.js',
    '/%',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/%c0%ae%c0%ae/etc/passwd',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '//etc/passwd',
    '/./index.html',
  ])('404 for %s', async (path) => {
    const res = await raw(server.url, 'GET', path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('secret');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('reads the graph file again on every request', async () => {
    const graphPath = join(dir, 'live.json');
    writeFileSync(graphPath, '{"version":1}');
    const live = await serveViewer({ graphPath, viewerDir });
    try {
      expect((await raw(live.url, 'GET', '/graph.json')).body).toBe('{"version":1}');
      writeFileSync(graphPath, '{"version":2}');
      expect((await raw(live.url, 'GET', '/graph.json')).body).toBe('{"version":2}');
    } finally {
      await live.close();
    }
  });

  it('refuses requests addressed to a host name other than a loopback one', async () => {
    const res = await raw(server.url, 'GET', '/graph.json', { Host: 'attacker.example:80' });
    expect(res.status).toBe(403);
    expect((await raw(server.url, 'GET', '/', { Host: `localhost:${new URL(server.url).port}` })).status).toBe(200);
  });

  it('answers only the loopback names with the served port (DNS rebinding gets a 403)', async () => {
    const port = new URL(server.url).port;
    const refused = ['127.0.0.1.nip.io', '127.0.0.1.evil.com', '[::1].evil.com', '127.1.2.3', 'localhost.evil.com', `127.0.0.1.nip.io:${port}`, `[::1].evil.com:${port}`, `localhost:${Number(port) + 1}`, '127.0.0.1'];
    for (const host of refused) expect((await raw(server.url, 'GET', '/', { Host: host })).status, host).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await raw(server.url, 'GET', '/', { Host: host })).status, host).toBe(200);
    }
  });

  it('says to build when the viewer is missing', async () => {
    const error = await serveViewer({ graphPath: GRAPH, viewerDir: join(dir, 'nowhere') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).message).toContain('npm run build');
  });

  it('refuses a missing graph file and a bad port', async () => {
    await expect(serveViewer({ graphPath: join(dir, 'none.json'), viewerDir })).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(serveViewer({ graphPath: GRAPH, viewerDir, port: 70000 })).rejects.toMatchObject({ code: 'INVALID_SETTING' });
  });
});
