// The only file-system code of the CLI: reading documents (files, folders, JSONL, stdin) with strict
// checks on encoding and size, and writing output atomically (temporary file, then rename).

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { KgError } from '../errors.js';

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

function languageFromPath(path: string): string | undefined {
  const m = /\.(nb|nn|en)\.(?:txt|md)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : undefined;
}

function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** A Markdown document's first heading is its title. */
function titleOf(text: string, path: string): string | undefined {
  if (!path.toLowerCase().endsWith('.md')) return undefined;
  const m = /^#\s+(.+)$/m.exec(text);
  return m ? m[1]!.trim() : undefined;
}

/**
 * Reads every document named by the inputs: files, folders (every .txt/.md below, one document each),
 * JSONL files (one {"id","text",…} object a line), or "-" for stdin. Bad documents inside a folder or a
 * JSONL file are skipped and reported; a bad single input is an error.
 */
export function readDocuments(inputs: string[], stdin: () => Uint8Array): { documents: RawDocument[]; skipped: SkippedInput[] } {
  const documents: RawDocument[] = [];
  const skipped: SkippedInput[] = [];
  for (const input of inputs) {
    if (input === '-') {
      const text = decodeText(stdin(), 'stdin');
      documents.push({ id: 'stdin', text });
      continue;
    }
    if (!existsSync(input)) throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', input);
    const st = statSync(input);
    if (st.isDirectory()) {
      const files = listTextFiles(input);
      if (files.length === 0) throw new KgError('INPUT_EMPTY', 'no .txt or .md files in this folder', input);
      for (const f of files) {
        try {
          const text = readTextFile(f);
          const rel = relative(input, f).split(sep).join('/');
          const id = rel.includes('/') ? `${dirname(rel)}/${documentIdFromPath(rel)}` : documentIdFromPath(rel);
          const lang = languageFromPath(f);
          const title = titleOf(text, f);
          documents.push({ id, text, path: f, ...(lang ? { lang } : {}), ...(title ? { title } : {}) });
        } catch (e) {
          if (!(e instanceof KgError)) throw e;
          skipped.push({ where: f, reason: e.message });
        }
      }
      continue;
    }
    if (input.toLowerCase().endsWith('.jsonl')) {
      const text = readTextFile(input);
      readJsonl(text, input, documents, skipped);
      continue;
    }
    const text = readTextFile(input);
    const lang = languageFromPath(input);
    const title = titleOf(text, input);
    documents.push({ id: documentIdFromPath(input), text, path: input, ...(lang ? { lang } : {}), ...(title ? { title } : {}) });
  }
  const seen = new Map<string, string>();
  for (const d of documents) {
    const prev = seen.get(d.id);
    if (prev !== undefined) {
      throw new KgError('INPUT_INVALID', `duplicate document id "${d.id}" (also from ${prev})`, d.path ?? 'input');
    }
    seen.set(d.id, d.path ?? d.id);
  }
  return { documents, skipped };
}

function readJsonl(text: string, file: string, documents: RawDocument[], skipped: SkippedInput[]): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      skipped.push({ where, reason: 'not valid JSON' });
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      skipped.push({ where, reason: 'expected a JSON object with "id" and "text"' });
      return;
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.text !== 'string' || o.text.trim() === '') {
      skipped.push({ where, reason: '"text" must be a non-empty string' });
      return;
    }
    const id = typeof o.id === 'string' && o.id.trim() !== '' ? o.id : typeof o.id === 'number' ? String(o.id) : undefined;
    if (!id) {
      skipped.push({ where, reason: '"id" must be a non-empty string' });
      return;
    }
    const doc: RawDocument = { id, text: o.text, path: file };
    for (const k of ['title', 'date', 'url', 'lang'] as const) if (typeof o[k] === 'string') doc[k] = o[k] as string;
    documents.push(doc);
  });
  if (documents.length === 0 && skipped.length === 0) throw new KgError('INPUT_EMPTY', 'no documents in this JSONL file', file);
}

/** Writes a file atomically: a temporary file beside it, flushed, then renamed over the target. */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.kg-tmp-${process.pid}-${basename(path)}`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file may not exist */
    }
    throw new KgError('INPUT_INVALID', `cannot write: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, path);
  }
}

export function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch {
    return new Uint8Array();
  }
}
