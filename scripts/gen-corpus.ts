// Seeded generator of news-length test corpora assembled from NorNE sentences, read at run time from
// ../shared/data/norne/ (the NorNE text may not be republished, so it never enters the repository):
// `node dist/scripts/gen-corpus.js --documents 10000 --seed 1 -o /tmp/corpus.jsonl`.
import { mulberry32 } from '../src/random.js';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NORNE_DIR = process.env.KG_NORNE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'norne');

/** Sentences of the UD dev file, as written ("# text = …" lines). */
export function norneDevSentences(dir = NORNE_DIR): string[] | undefined {
  const file = join(dir, 'norne-nob-dev.ud.conllu');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('# text = '))
    .map((l) => l.slice(9));
}

/** Joins tokens of an NDT file into text: no space before closing punctuation or after opening. */
function detokenize(tokens: string[]): string {
  let out = '';
  let open = false;
  for (const t of tokens) {
    const noSpace = out === '' || open || /^[.,:;!?)\]»%]$/.test(t);
    out += (noSpace ? '' : ' ') + t;
    open = /^[([«]$/.test(t);
  }
  return out;
}

/** Sentences of the NDT train file, reassembled from its tokens, in file order. */
export function norneTrainSentences(dir = NORNE_DIR): string[] | undefined {
  const file = join(dir, 'norne-nob-train.ndt.conll');
  if (!existsSync(file)) return undefined;
  const sentences: string[] = [];
  let tokens: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) {
      if (tokens.length > 0) sentences.push(detokenize(tokens));
      tokens = [];
    } else tokens.push(line.split('\t')[1] ?? '');
  }
  if (tokens.length > 0) sentences.push(detokenize(tokens));
  return sentences;
}

/** The project's mulberry32: the same output from the same seed on every machine. */
const rng = mulberry32;

export interface CorpusOptions {
  documents: number;
  seed: number;
  /** Sentences per document: about 35 makes a news article of 500 words. */
  sentences?: number;
  /** Document ids are `<prefix>-<number>` (default "doc"). */
  prefix?: string;
  dir?: string;
}

export interface GeneratedDocument {
  id: string;
  text: string;
  lang: 'nb';
  date: string;
}

/**
 * Documents of consecutive NorNE sentences (so names recur within a document, as in news) from a seeded random
 * start, with paragraph breaks. Call only when `norneTrainSentences` finds NorNE.
 */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedDocument> {
  const sentences = norneTrainSentences(options.dir) ?? [];
  const random = rng(options.seed);
  const per = options.sentences ?? 35;
  const width = String(options.documents).length;
  for (let i = 0; i < options.documents; i++) {
    const start = Math.floor(random() * sentences.length);
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    for (let k = 0; k < per; k++) {
      paragraph.push(sentences[(start + k) % sentences.length]!);
      if (paragraph.length >= 2 + Math.floor(random() * 4)) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    const day = 1 + Math.floor(random() * 365);
    const date = new Date(Date.UTC(2020, 0, day)).toISOString().slice(0, 10);
    yield { id: `${options.prefix ?? 'doc'}-${String(i).padStart(width, '0')}`, text: paragraphs.join('\n\n'), lang: 'nb', date };
  }
}

/** Writes a generated corpus as JSONL; returns the number of documents and bytes, or undefined without NorNE. */
export function writeCorpus(path: string, options: CorpusOptions): { documents: number; bytes: number } | undefined {
  if (!existsSync(join(options.dir ?? NORNE_DIR, 'norne-nob-train.ndt.conll'))) return undefined;
  const fd = openSync(path, 'w');
  let documents = 0;
  let bytes = 0;
  try {
    let chunk = '';
    for (const doc of generateCorpus(options)) {
      chunk += `${JSON.stringify(doc)}\n`;
      documents++;
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { documents, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  const out = resolve(flag('-o', 'corpus.jsonl'));
  const written = writeCorpus(out, {
    documents: Number(flag('--documents', '1000')),
    seed: Number(flag('--seed', '1')),
    sentences: Number(flag('--sentences', '35')),
    prefix: flag('--prefix', 'doc'),
  });
  if (!written) {
    process.stderr.write(`gen-corpus: NorNE not found at ${NORNE_DIR}\n`);
    process.exit(2);
  }
  process.stderr.write(`gen-corpus: wrote ${out}: ${written.documents} documents, ${(written.bytes / 1e6).toFixed(1)} MB\n`);
}
