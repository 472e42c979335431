// Local HTTP server for the built viewer and one graph file (`kg view`): node:http only, read-only, locked down.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP, type AddressInfo } from 'node:net';
import { InvalidSettingError, KgError } from '../errors.js';
import type { StoreQueries } from '../store/query.js';
import { RELATION_TYPES, type RelationType } from '../types.js';

export interface ServeViewerOptions {
  /** The graph file served at `/graph.json` (read again on every request); not with `store`. */
  graphPath?: string;
  /** A graph store: the store page (`/store/`) and its queries (`/api/…`) instead of one graph file. */
  store?: StoreQueries;
  /** Turns the file's text into graph JSON, for graphs written as GEXF or GraphML (default: served as it is). */
  toJson?: (text: string) => string;
  /** More graphs, each served at `/graphs/<name>` (the viewer opens one with `?graph=graphs/<name>`). */
  graphs?: ReadonlyArray<NamedGraph>;
  /** Address to bind; loopback by default so the graph is not exposed to the network. */
  host?: string;
  /** 0 or undefined: an unused port chosen by the OS. */
  port?: number;
  /** The built viewer (`vite build viewer`); defaults to `viewer/dist` of this package. */
  viewerDir?: string;
}

/** A graph file served under a name of its own (`kg view a.json b.gexf`). */
export interface NamedGraph {
  /** The file name it is served as: `b.json`. */
  name: string;
  path: string;
  toJson?: (text: string) => string;
}

export interface ViewerServer {
  /** Base URL of the viewer, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Sent with every response. The viewer needs no inline code, no remote origin and no eval. */
export const VIEWER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': VIEWER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const ALLOWED_METHODS = 'GET, HEAD';
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** Serves the viewer and the graph until `close()` is called. */
export async function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (typeof host !== 'string' || host.trim() === '') {
    throw new InvalidSettingError('host', 'a host name or IP address', options.host);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidSettingError('port', 'an integer from 0 to 65535', options.port);
  }

  const graphPath = options.graphPath === undefined ? undefined : resolve(options.graphPath);
  if (graphPath === undefined ? options.store === undefined : !existsSync(graphPath) || !statSync(graphPath).isFile()) {
    throw new KgError('INPUT_NOT_FOUND', `graph file not found: ${options.graphPath ?? '(none given)'}`, options.graphPath);
  }
  const graphs = new Map<string, NamedGraph>();
  for (const g of options.graphs ?? []) {
    if (!/^[\w.-]+\.json$/.test(g.name) || graphs.has(g.name)) throw new InvalidSettingError('graphs', 'distinct names of letters, digits, dots and dashes ending in .json', g.name);
    if (!existsSync(g.path) || !statSync(g.path).isFile()) throw new KgError('INPUT_NOT_FOUND', `graph file not found: ${g.path}`, g.path);
    graphs.set(g.name, { ...g, path: resolve(g.path) });
  }
  const viewerRoot = resolveViewerDir(options.viewerDir);
  if (options.store && !existsSync(join(viewerRoot, 'store', 'index.html'))) {
    throw new KgError('INPUT_NOT_FOUND', `the store viewer is not built (no store/index.html in ${viewerRoot}): run \`npm run build\` first`, viewerRoot);
  }

  const server = createServer((req, res) => {
    const served = (server.address() as AddressInfo | null)?.port ?? port;
    handle(req, res, { viewerRoot, ...(graphPath ? { graphPath } : {}), loopbackOnly: isLoopback(host), port: served, graphs, ...(options.toJson ? { toJson: options.toJson } : {}), ...(options.store ? { store: options.store } : {}) }).catch(() => {
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      rejectListen(
        new KgError('INVALID_SETTING', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen();
    });
  });

  const address = server.address() as AddressInfo;
  const urlHost = isIP(address.address) === 6 ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/${options.store ? 'store/' : ''}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/** The viewer folder: the one given, or `viewer/dist` in the package root (found from this module, built or not). */
function resolveViewerDir(viewerDir: string | undefined): string {
  const dir = viewerDir !== undefined ? resolve(viewerDir) : join(findPackageRoot(), 'viewer', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new KgError(
      'INPUT_NOT_FOUND',
      `the viewer is not built (no index.html in ${dir}): run \`npm run build\` first`,
      dir,
    );
  }
  return realpathSync(dir);
}

/** Walks up from this module (src/cli or dist/src/cli) to the folder holding package.json. */
export function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new KgError('INPUT_NOT_FOUND', 'cannot find the package folder of the viewer: pass `viewerDir`');
    }
    dir = parent;
  }
}

interface Context {
  viewerRoot: string;
  graphPath?: string;
  store?: StoreQueries;
  loopbackOnly: boolean;
  /** The port the server listens on: a Host header must name it. */
  port: number;
  toJson?: (text: string) => string;
  graphs: ReadonlyMap<string, NamedGraph>;
}

/** A graph file's bytes as the viewer reads them (converted when it is not kg's JSON); 404 when unreadable. */
async function sendGraph(req: IncomingMessage, res: ServerResponse, path: string, toJson?: (text: string) => string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(path);
    if (toJson) body = Buffer.from(toJson(body.toString('utf8')), 'utf8');
  } catch {
    send(res, req, 404, 'text/plain; charset=utf-8', 'Graph file not readable\n');
    return;
  }
  res.setHeader('Cache-Control', 'no-store');
  send(res, req, 200, CONTENT_TYPES['.json']!, body);
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', ALLOWED_METHODS);
    send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    return;
  }
  // A page on another site could reach a loopback server through a rebound DNS name: only answer to local names.
  if (ctx.loopbackOnly && !isLocalHostHeader(req.headers.host, ctx.port)) {
    send(res, req, 403, 'text/plain; charset=utf-8', 'Forbidden host\n');
    return;
  }

  const segments = safeSegments(req.url ?? '/');
  if (segments === null) {
    notFound(res, req);
    return;
  }

  if (ctx.store && segments[0] === 'api' && segments.length === 2) {
    await answerQuery(ctx.store, segments[1]!, new URL(req.url ?? '/', 'http://localhost').searchParams, req, res);
    return;
  }
  if (ctx.store && segments.length === 0) {
    res.setHeader('Location', 'store/');
    send(res, req, 302, 'text/plain; charset=utf-8', 'See store/\n');
    return;
  }

  if (segments.length === 1 && segments[0] === 'graph.json' && ctx.graphPath !== undefined) {
    await sendGraph(req, res, ctx.graphPath, ctx.toJson);
    return;
  }
  const named = segments.length === 2 && segments[0] === 'graphs' ? ctx.graphs.get(segments[1]!) : undefined;
  if (named !== undefined) {
    await sendGraph(req, res, named.path, named.toJson);
    return;
  }

  // A folder's page is its index.html (the store page is /store/).
  const file = (await resolveStaticFile(ctx.viewerRoot, segments.length === 0 ? ['index.html'] : segments)) ?? (segments.length > 0 ? await resolveStaticFile(ctx.viewerRoot, [...segments, 'index.html']) : null);
  if (file === null) {
    notFound(res, req);
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.setHeader('Cache-Control', 'no-cache');
  send(res, req, 200, type, await readFile(file));
}

class BadQuery extends Error {}

/** A query parameter: absent, or a string of at most `max` characters matching `pattern`. */
function param(query: URLSearchParams, name: string, pattern: RegExp = /^[\s\S]*$/, max = 500): string | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (v.length > max || !pattern.test(v)) throw new BadQuery(`bad ${name}`);
  return v;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The store's answers (`/api/…`): JSON, for the store page's search, top list and neighbourhoods. */
async function answerQuery(store: StoreQueries, name: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    const limit = Number(param(query, 'n', /^\d{1,3}$/) ?? '20');
    if (limit < 1 || limit > 200) throw new BadQuery('bad n');
    switch (name) {
      case 'summary':
        body = await store.summary();
        break;
      case 'search':
        body = await store.search(param(query, 'q') ?? '', limit);
        break;
      case 'top':
        body = await store.top(limit);
        break;
      case 'documents':
        body = await store.documents(param(query, 'q') ?? '', limit);
        break;
      case 'neighbourhood': {
        const key = param(query, 'key');
        if (key === undefined) throw new BadQuery('no key');
        const relation = param(query, 'relation');
        if (relation !== undefined && !RELATION_TYPES.includes(relation as RelationType)) throw new BadQuery('bad relation');
        const document = param(query, 'document');
        const from = param(query, 'from', DATE);
        const to = param(query, 'to', DATE);
        body = await store.neighbourhood(key, {
          ...(relation !== undefined ? { relation: relation as RelationType } : {}),
          ...(document !== undefined ? { document } : {}),
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
        });
        break;
      }
      default:
        notFound(res, req);
        return;
    }
  } catch (e) {
    if (e instanceof BadQuery) {
      send(res, req, 400, 'text/plain; charset=utf-8', `Bad request: ${e.message}\n`);
      return;
    }
    throw e;
  }
  res.setHeader('Cache-Control', 'no-store');
  send(res, req, 200, CONTENT_TYPES['.json']!, JSON.stringify(body));
}

/**
 * The decoded path segments of a request target, or null when the path is anything but plain:
 * `.`/`..` segments, backslashes, NUL or other control characters, malformed or double encoding.
 */
function safeSegments(target: string): string[] | null {
  const pathEnd = target.search(/[?#]/);
  const rawPath = pathEnd === -1 ? target : target.slice(0, pathEnd);
  if (!rawPath.startsWith('/') || rawPath.includes('\\')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..') return null;
    // After one decoding a segment must be a plain file name: no separators, no `%` left to decode again.
    if (/[/\\%:\u0000-\u001f\u007f]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** The real path of a regular file inside the viewer folder, or null. */
async function resolveStaticFile(root: string, segments: string[]): Promise<string | null> {
  const candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.');
}

/**
 * True when a Host header is exactly `127.0.0.1`, `localhost` or `[::1]` with the served port (the port may
 * be left out only when it is 80). Anything else, `127.0.0.1.nip.io` or `[::1].evil.com` among them, is what a
 * rebound DNS name sends.
 */
export function isLocalHostHeader(header: string | undefined, port: number): boolean {
  if (header === undefined) return false;
  const m = /^(\[::1\]|127\.0\.0\.1|localhost)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!m) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

function notFound(res: ServerResponse, req: IncomingMessage): void {
  send(res, req, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', buffer.length);
  res.statusCode = status;
  res.end(req.method === 'HEAD' ? undefined : buffer);
}
