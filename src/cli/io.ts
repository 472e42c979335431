// The only file-system code of the CLI: reading documents one at a time (files, folders, JSONL, stdin) with strict
// checks on encoding and size, and writing output atomically (temporary file, then rename).

import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { errnoWords, KgError } from '../errors.js';

/** One input document before normalisation. */
export interface RawDocument {
  id: string;
  text: string;
  path?: string;
  title?: string;
  date?: string;
  url?: string;
  lang?: string;
}

/** A document that could not be read: reported as a warning and counted. */
export interface SkippedInput {
  where: string;
  reason: string;
}

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text or throws a KgError naming the file and the problem. */
export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new KgError('INPUT_TOO_LARGE', `input is too large (${bytes.length} bytes; the limit is ${MAX_DOCUMENT_BYTES})`, where);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new KgError('INPUT_INVALID', `binary file (NUL byte at offset ${nul}), expected UTF-8 text`, where);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new KgError('INPUT_INVALID', `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`, where);
  }
  if (text.replace(/^\uFEFF/, '').trim().length === 0) throw new KgError('INPUT_EMPTY', 'empty input: no text to read', where);
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

export function readBytes(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', path);
  }
  if (st.isDirectory()) throw new KgError('INPUT_INVALID', 'is a directory, expected a file', path);
  if (st.size > MAX_DOCUMENT_BYTES) {
    throw new KgError('INPUT_TOO_LARGE', `input is too large (${st.size} bytes; the limit is ${MAX_DOCUMENT_BYTES})`, path);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new KgError('INPUT_INVALID', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, path);
  }
}

export function readTextFile(path: string): string {
  return decodeText(readBytes(path), path);
}

/** "corpus/nato-irak-2020.nb.txt" → "nato-irak-2020": the file name without its extensions. */
export function documentIdFromPath(path: string): string {
  let name = basename(path);
  name = name.replace(/\.(txt|md|text|jsonl)$/i, '');
  name = name.replace(/\.(nb|nn|no|en)$/i, '');
  return name;
}

/** The language a file name states ("article.nb.txt"), if any. */
export function languageFromPath(path: string): string | undefined {
  const m = /\.(nb|nn|en)\.(?:txt|md)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** A Markdown document's first heading is its title. */
function titleOf(text: string, path: string): string | undefined {
  if (!path.toLowerCase().endsWith('.md')) return undefined;
  const m = /^#\s+(.+)$/m.exec(text);
  return m ? m[1]!.trim() : undefined;
}

/** One step of reading a corpus: a document (with where it came from and its size), or one that was skipped. */
export type InputEvent =
  | { kind: 'document'; document: RawDocument; where: string; bytes: number }
  | { kind: 'skipped'; skipped: SkippedInput; bytes: number };

export const STDIN_FORMATS = ['text', 'jsonl'] as const;
export type StdinFormat = (typeof STDIN_FORMATS)[number];

export interface ReadOptions {
  /** The bytes of standard input, read as they come. */
  stdin: () => AsyncIterable<Uint8Array>;
  /** "-" is one text document, or JSONL (one document a line). */
  stdinFormat: StdinFormat;
}

function isJsonlPath(path: string): boolean {
  return path.toLowerCase().endsWith('.jsonl');
}

/** Files a folder holds, in name order at every level, found as they are needed (never listed all at once). */
/** Files a folder holds beside its articles that are not articles: README, LICENSE, CHANGELOG, CONTRIBUTING. */
const NOT_ARTICLES = /^(readme|license|licence|changelog|changes|contributing|copying|authors)(\.[a-z0-9]+)*$/i;

/**
 * The article files below a folder, in name order: .txt, .md and .jsonl files, symbolic links followed (a
 * folder reached twice, through a link loop, is read once), hidden files and NOT_ARTICLES left out. A broken
 * link is yielded, so that reading it reports it.
 */
function* walkFolder(dir: string, seen: Set<string> = new Set()): Generator<string> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        isFile = true; // broken: reading it will say so
      }
    }
    if (isDir) yield* walkFolder(p, seen);
    else if (isFile && !NOT_ARTICLES.test(entry.name) && (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase()) || isJsonlPath(entry.name))) yield p;
  }
}

/** Checks that every input exists before anything is read, so a typo fails at once, not after an hour. */
function checkInputs(inputs: string[]): void {
  for (const input of inputs) {
    if (input !== '-' && !existsSync(input)) throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', input);
  }
}

/** Total bytes of the inputs, for a progress estimate; undefined when unknown (stdin, a missing input). */
export function inputBytes(inputs: string[]): number | undefined {
  let total = 0;
  try {
    for (const input of inputs) {
      if (input === '-') return undefined;
      const st = statSync(input);
      if (!st.isDirectory()) total += st.size;
      else for (const f of walkFolder(input)) total += statSync(f).size;
    }
  } catch {
    return undefined;
  }
  return total;
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new KgError('INPUT_INVALID', 'is a directory, expected a file', path);
    size = st.size;
  } catch (e) {
    if (e instanceof KgError) throw e;
    throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', path);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new KgError('INPUT_TOO_LARGE', `input is too large (${size} bytes; the limit is ${MAX_DOCUMENT_BYTES})`, path);
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw new KgError('INPUT_INVALID', `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, path);
  }
}

function textDocument(text: string, path: string, id: string): RawDocument {
  const lang = languageFromPath(path);
  const title = titleOf(text, path);
  return { id, text, path, ...(lang ? { lang } : {}), ...(title ? { title } : {}) };
}

/** A line of a byte stream, without its line break; `tooLong` lines are dropped, not buffered. */
interface ByteLine {
  number: number;
  bytes: Uint8Array;
  /** The line's length in bytes when it exceeded the limit (then `bytes` is empty). */
  tooLong?: number;
}

/** Splits a byte stream at "\n" into lines of at most `max` bytes, holding one line at a time. */
async function* byteLines(chunks: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<ByteLine> {
  let parts: Uint8Array[] = [];
  let length = 0;
  let number = 0;
  const take = (): ByteLine => {
    number++;
    const line: ByteLine =
      length > max ? { number, bytes: new Uint8Array(), tooLong: length } : { number, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts) };
    parts = [];
    length = 0;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    while (from <= chunk.length) {
      const nl = chunk.indexOf(10, from);
      const end = nl < 0 ? chunk.length : nl;
      if (end > from) {
        if (length + (end - from) <= max) parts.push(chunk.subarray(from, end));
        else parts = [];
        length += end - from;
      }
      if (nl < 0) break;
      yield take();
      from = nl + 1;
    }
  }
  if (length > 0) yield take();
}

/** Documents of a JSONL stream, one a line; a bad line is skipped and named by file and line number. */
async function* jsonlEvents(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<InputEvent> {
  for await (const line of byteLines(chunks, MAX_DOCUMENT_BYTES)) {
    const where = `${file}:${line.number}`;
    const bytes = (line.tooLong ?? line.bytes.length) + 1;
    const skip = (reason: string): InputEvent => ({ kind: 'skipped', skipped: { where, reason }, bytes });
    if (line.tooLong !== undefined) {
      yield skip(`line is too large (${line.tooLong} bytes; the limit is ${MAX_DOCUMENT_BYTES})`);
      continue;
    }
    const nul = line.bytes.indexOf(0);
    if (nul >= 0) {
      yield skip(`binary data (NUL byte at offset ${nul}), expected UTF-8 text`);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(line.bytes);
    } catch {
      yield skip(`invalid UTF-8 at byte ${firstInvalidUtf8(line.bytes)}`);
      continue;
    }
    if (line.number === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      yield skip('not valid JSON');
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      yield skip('expected a JSON object with "id" and "text"');
      continue;
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.text !== 'string' || o.text.trim() === '') {
      yield skip('"text" must be a non-empty string');
      continue;
    }
    const id = typeof o.id === 'string' && o.id.trim() !== '' ? o.id : typeof o.id === 'number' ? String(o.id) : undefined;
    if (!id) {
      yield skip('"id" must be a non-empty string');
      continue;
    }
    const doc: RawDocument = { id, text: o.text, path: file };
    for (const k of ['title', 'date', 'url', 'lang'] as const) if (typeof o[k] === 'string') doc[k] = o[k] as string;
    yield { kind: 'document', document: doc, where, bytes };
  }
}

/** Reads all of a stream, refusing more than the document size limit. */
async function readAll(chunks: AsyncIterable<Uint8Array>, where: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > MAX_DOCUMENT_BYTES) {
      throw new KgError('INPUT_TOO_LARGE', `input is too large (more than ${MAX_DOCUMENT_BYTES} bytes; the limit is ${MAX_DOCUMENT_BYTES})`, where);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Counts the events of one input, so an input that yields no document at all can be reported. */
async function* counted(events: AsyncIterable<InputEvent>, onEmpty: () => InputEvent | never): AsyncGenerator<InputEvent> {
  let any = false;
  for await (const event of events) {
    any = true;
    yield event;
  }
  if (!any) yield onEmpty();
}

/**
 * Reads every document named by the inputs, one at a time, in a fixed order: files, folders (every .txt/.md
 * below, one document each, and every .jsonl), JSONL files (one {"id","text",…} object a line, read line by
 * line whatever the file's size), or "-" for stdin. A document that cannot be read is yielded as skipped, with
 * the file (and line) it is in; when the only input is one text file or stdin, its problem is an error instead.
 */
export async function* readDocumentStream(inputs: string[], options: ReadOptions): AsyncGenerator<InputEvent> {
  checkInputs(inputs);
  const single = inputs.length === 1;
  const skipOrThrow = (e: unknown, where: string, bytes: number, fatal: boolean): InputEvent => {
    if (!(e instanceof KgError) || fatal) throw e;
    return { kind: 'skipped', skipped: { where: e.where ?? where, reason: e.message }, bytes };
  };
  const emptyInput = (message: string, where: string): InputEvent => skipOrThrow(new KgError('INPUT_EMPTY', message, where), where, 0, single);

  for (const input of inputs) {
    if (input === '-') {
      if (options.stdinFormat === 'jsonl') {
        yield* counted(jsonlEvents(options.stdin(), 'stdin'), () => emptyInput('no documents in this JSONL file', 'stdin'));
        continue;
      }
      let event: InputEvent;
      try {
        const bytes = await readAll(options.stdin(), 'stdin');
        event = { kind: 'document', document: { id: 'stdin', text: decodeText(bytes, 'stdin') }, where: 'stdin', bytes: bytes.length };
      } catch (e) {
        event = skipOrThrow(e, 'stdin', 0, single);
      }
      yield event;
      continue;
    }
    if (statSync(input).isDirectory()) {
      const folder = input;
      const files = async function* (): AsyncGenerator<InputEvent> {
        for (const f of walkFolder(folder)) {
          if (isJsonlPath(f)) {
            yield* counted(jsonlEvents(createReadStream(f, { highWaterMark: 1 << 20 }), f), () => emptyInput('no documents in this JSONL file', f));
            continue;
          }
          const rel = relative(folder, f).split(sep).join('/');
          const id = rel.includes('/') ? `${dirname(rel)}/${documentIdFromPath(rel)}` : documentIdFromPath(rel);
          let event: InputEvent;
          try {
            const bytes = await readFileBytes(f);
            event = { kind: 'document', document: textDocument(decodeText(bytes, f), f, id), where: f, bytes: bytes.length };
          } catch (e) {
            event = skipOrThrow(e, f, 0, false);
          }
          yield event;
        }
      };
      yield* counted(files(), () => emptyInput('no .txt, .md or .jsonl files in this folder', folder));
      continue;
    }
    if (isJsonlPath(input)) {
      yield* counted(jsonlEvents(createReadStream(input, { highWaterMark: 1 << 20 }), input), () => emptyInput('no documents in this JSONL file', input));
      continue;
    }
    let event: InputEvent;
    try {
      const bytes = await readFileBytes(input);
      event = { kind: 'document', document: textDocument(decodeText(bytes, input), input, documentIdFromPath(input)), where: input, bytes: bytes.length };
    } catch (e) {
      event = skipOrThrow(e, input, 0, single);
    }
    yield event;
  }
}

/** Lines of a text file, read as a stream (for build states that may be large). */
export async function* readLines(path: string): AsyncGenerator<string> {
  for await (const line of byteLines(createReadStream(path, { highWaterMark: 1 << 20 }), Number.MAX_SAFE_INTEGER)) {
    try {
      yield decoder.decode(line.bytes);
    } catch {
      throw new KgError('INPUT_INVALID', `invalid UTF-8 on line ${line.number}`, path);
    }
  }
}

/** Writes a file atomically: a temporary file beside it, flushed, then renamed over the target. */
/**
 * Temporary files this process has open beside its outputs: removed when it is interrupted (SIGINT, SIGTERM) or
 * exits without having renamed or deleted them, so that no run leaves a `.kg-tmp-…` file behind.
 */
const pendingTemporaries = new Set<string>();
let cleanupInstalled = false;

function removePendingTemporaries(): void {
  for (const p of pendingTemporaries) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  pendingTemporaries.clear();
}

/** Registers a temporary file for removal on interruption or exit (the handlers are installed on first use). */
function trackTemporary(path: string): void {
  pendingTemporaries.add(path);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', removePendingTemporaries);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removePendingTemporaries();
      process.exit(code);
    });
  }
}

export function writeFileAtomic(path: string, content: string | Uint8Array | Iterable<string>): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.kg-tmp-${process.pid}-${basename(path)}`);
  trackTemporary(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else if (content instanceof Uint8Array) writeSync(fd, content);
      else for (const chunk of content) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    pendingTemporaries.delete(tmp);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file may not exist */
    }
    pendingTemporaries.delete(tmp);
    throw new KgError('INPUT_INVALID', `cannot write: ${errnoWords((e as NodeJS.ErrnoException).code) || String(e)}`, path);
  }
}

/**
 * Lines kept in a temporary file under a key and read back in key order: a large sorted file (a build state)
 * written in memory that holds only the keys. A key put again replaces its line.
 */
export class LineSpool {
  private readonly fd: number;
  private offset = 0;
  private readonly index = new Map<string, { offset: number; length: number }>();

  constructor(private readonly path: string) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    trackTemporary(path);
    this.fd = openSync(path, 'w+');
  }

  put(key: string, line: string): void {
    const bytes = Buffer.from(line);
    writeSync(this.fd, bytes, 0, bytes.length, this.offset);
    this.index.set(key, { offset: this.offset, length: bytes.length });
    this.offset += bytes.length;
  }

  *sortedLines(): Generator<string> {
    for (const key of [...this.index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { offset, length } = this.index.get(key)!;
      const bytes = Buffer.alloc(length);
      readSync(this.fd, bytes, 0, length, offset);
      yield bytes.toString('utf8');
    }
  }

  /** Closes and deletes the temporary file. */
  close(): void {
    closeSync(this.fd);
    try {
      unlinkSync(this.path);
    } catch {
      /* already gone */
    }
    pendingTemporaries.delete(this.path);
  }
}

/** A temporary file beside an output, named so that .gitignore and a clean-up know it for one. */
export function temporaryPathBeside(path: string, what: string): string {
  return join(dirname(resolve(path)), `.kg-tmp-${process.pid}-${what}-${basename(path)}`);
}

/** Standard input as a stream of byte chunks. */
export function stdinChunks(): AsyncIterable<Uint8Array> {
  return process.stdin;
}

/**
 * Refuses an output that would overwrite an input: the same file, or (for a folder input) a file inside the
 * folder that a build reads as an article. Checked before anything is read or written.
 */
export function refuseOutputOverInputs(inputs: readonly string[], output: string | undefined): void {
  if (output === undefined || output === '-') return;
  const out = resolve(output);
  for (const input of inputs) {
    if (input === '-') continue;
    const inp = resolve(input);
    if (inp === out) throw new KgError('INVALID_SETTING', 'the output file is one of the inputs: choose another -o', output);
    const rel = relative(inp, out);
    const inside = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && existsSync(inp) && statSync(inp).isDirectory();
    if (inside && (TEXT_EXTENSIONS.has(extname(out).toLowerCase()) || isJsonlPath(out))) {
      throw new KgError('INVALID_SETTING', `the output is inside the input folder ${input} and would be read as an article: choose another -o`, output);
    }
  }
}
