// The syntax stage (src/syntax): tagging + lemmatising + parsing throughput of the shipped models on one core
// over the word forms of EWT dev (en) and NorNE dev (nb, nn), against a target of 50,000 words/s; then the
// whole process, `kg build` on EWT dev's text as a .txt file against a node process running wink-nlp's full
// pipeline over the same text, each timed from spawn to exit (and kg build --no-syntax, when the CLI has it).
// KG_BENCH_SYNTAX_MODEL=FILE measures the first part with that model for every language instead of the shipped
// ones (to try the code before the models exist); the kg build runs always use the shipped models.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from '../bench.js';
import { loadShippedSyntax, loadSyntaxFile, packageRoot } from '../../src/cli/model.js';
import { analyseWords } from '../../src/syntax/analyse.js';
import { forgetTaggings } from '../../src/syntax/tagger.js';
import { parseConllu } from '../../src/syntax/conllu.js';
import type { SyntaxModel } from '../../src/syntax/model.js';
import type { Language } from '../../src/types.js';
import { printTable, summarize, withSpread } from './lib.js';

const RUNS = Number(process.env.KG_BENCH_RUNS ?? 5);
/** Timed passes over each treebank (after one unmeasured pass: the JIT compiles the hot code). */
const PASSES = Number(process.env.KG_BENCH_SYNTAX_PASSES ?? 7);
const TARGET_WORDS_PER_SECOND = 50_000;
const TARGET_RATIO = 0.6;
const ROOT = packageRoot();
const SHARED = join(ROOT, '..', 'shared', 'data');
const KG = join(ROOT, 'bin', 'kg.js');
const OVERRIDE = process.env.KG_BENCH_SYNTAX_MODEL;

const TREEBANKS: { lang: Language; name: string; path: string }[] = [
  { lang: 'en', name: 'EWT dev', path: join(SHARED, 'ud', 'en_ewt-ud-dev.conllu') },
  { lang: 'nb', name: 'NorNE Bokmål dev', path: join(SHARED, 'norne', 'norne-nob-dev.ud.conllu') },
  { lang: 'nn', name: 'NorNE Nynorsk dev', path: join(SHARED, 'norne', 'norne-nno-dev.ud.conllu') },
];

// Run with `node --input-type=module -e` in the package folder (so the devDependencies resolve): wink-nlp's
// whole pipeline over the file, its tokens and entities read out so that no work is skipped.
const WINK_SCRIPT = `import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model);
const doc = nlp.readDoc(readFileSync(process.env.KG_BENCH_TEXT, 'utf8'));
const entities = doc.entities().out();
const pos = doc.tokens().out(nlp.its.pos);
process.stdout.write(pos.length + ' tokens, ' + entities.length + ' entities\\n');
`;

/** Wall and CPU seconds of one call. */
function timeBoth(f: () => void): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = (performance.now() - t) / 1000;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1e6 };
}

/** Wall seconds from spawn to exit of a child node process, or the first line of its error output. */
function timeProcess(args: string[], env: Record<string, string> = {}): { seconds: number } | { error: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n')[0]}` };
  return { seconds };
}

function throughput(): void {
  const rows: { name: string; model: SyntaxModel; sentences: string[][]; words: number }[] = [];
  for (const tb of TREEBANKS) {
    if (!existsSync(tb.path)) {
      process.stdout.write(`${tb.lang}: skipped, ${tb.path} not found\n`);
      continue;
    }
    let model: SyntaxModel;
    try {
      model = OVERRIDE ? loadSyntaxFile(OVERRIDE) : loadShippedSyntax(tb.lang);
    } catch (e) {
      process.stdout.write(`${tb.lang}: skipped, no syntax model (${(e as Error).message})\n`);
      continue;
    }
    const sentences = parseConllu(readFileSync(tb.path, 'utf8'), tb.path).map((s) => s.words.map((w) => w.form));
    rows.push({ name: `${tb.lang}, ${tb.name}`, model, sentences, words: sentences.reduce((n, s) => n + s.length, 0) });
  }
  if (rows.length === 0) return;
  const pass = (r: (typeof rows)[number]) => () => {
    // (Every pass tags every sentence: the taggings kept for kg build's second look are forgotten first.)
    forgetTaggings(r.model.tagger);
    for (const forms of r.sentences) analyseWords(r.model, forms);
  };
  // One unmeasured pass of each, then the timed passes interleaved (en, nb, nn, en, …).
  for (const r of rows) pass(r)();
  const wall: number[][] = rows.map(() => []);
  const cpu: number[][] = rows.map(() => []);
  for (let p = 0; p < PASSES; p++) {
    rows.forEach((r, i) => {
      const t = timeBoth(pass(r));
      wall[i]!.push(t.wall);
      cpu[i]!.push(t.cpu);
    });
  }
  process.stdout.write(
    `tagging + lemmatising + parsing, analyseWords on one core, median of ${PASSES} passes ± half the range (after 1 warm-up pass); ` +
      `models: ${OVERRIDE ? `${OVERRIDE} for every language (KG_BENCH_SYNTAX_MODEL, not the shipped ones)` : 'shipped (src/syntax/model/)'}\n`,
  );
  printTable(
    ['treebank', 'sentences', 'words', 'k words/s (wall)', 'k words/s (CPU)', `ratio to ${TARGET_WORDS_PER_SECOND / 1000}k/s (wall)`],
    rows.map((r, i) => [
      r.name,
      String(r.sentences.length),
      String(r.words),
      withSpread(wall[i]!.map((s) => r.words / s), 1, 1e-3),
      withSpread(cpu[i]!.map((s) => r.words / s), 1, 1e-3),
      (summarize(wall[i]!.map((s) => r.words / s)).median / TARGET_WORDS_PER_SECOND).toFixed(2),
    ]),
  );
}

/** EWT dev as plain text: each sentence's `# text =` comment (or its forms joined by spaces), one a line. */
function ewtText(path: string): { text: string; words: number; sentences: number } {
  const sentences = parseConllu(readFileSync(path, 'utf8'), path);
  const lines = sentences.map((s) => {
    const c = s.comments.find((l) => /^#\s*text\s*=/.test(l));
    return c ? c.replace(/^#\s*text\s*=\s*/, '') : s.words.map((w) => w.form).join(' ');
  });
  return { text: `${lines.join('\n')}\n`, words: sentences.reduce((n, s) => n + s.words.length, 0), sentences: sentences.length };
}

function wholeProcess(): void {
  const ewt = TREEBANKS[0]!.path;
  if (!existsSync(ewt)) return;
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-syntax-'));
  try {
    const { text, words, sentences } = ewtText(ewt);
    const file = join(dir, 'ewt-dev.txt');
    writeFileSync(file, text);
    const build = (out: string) => [KG, 'build', file, '--lang', 'en', '--no-layout', '--jobs', '1', '--no-state', '-o', join(dir, out)];
    const help = spawnSync(process.execPath, [KG, 'build', '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout ?? '';
    const noSyntaxFlag = help.includes('--no-syntax');
    const contenders: { name: string; args: string[]; env?: Record<string, string> }[] = [
      { name: 'kg build --lang en --no-layout --jobs 1 --no-state', args: build('kg.json') },
      { name: 'wink-nlp + eng-lite-web-model (readDoc, tokens, entities)', args: ['--input-type=module', '-e', WINK_SCRIPT], env: { KG_BENCH_TEXT: file } },
    ];
    if (noSyntaxFlag) contenders.push({ name: 'kg build … --no-syntax (for reference)', args: [...build('kg-nosyntax.json'), '--no-syntax'] });
    const times: number[][] = contenders.map(() => []);
    const errors: (string | undefined)[] = contenders.map(() => undefined);
    // One unmeasured round (file cache, compiled code cache), then the rounds interleaved: a, b, (c,) a, b, …
    for (let r = -1; r < RUNS; r++) {
      contenders.forEach((c, i) => {
        if (errors[i]) return;
        const res = timeProcess(c.args, c.env);
        if ('error' in res) errors[i] = res.error;
        else if (r >= 0) times[i]!.push(res.seconds);
      });
    }
    process.stdout.write(
      `\nwhole process on EWT dev's text (${sentences} sentences, ${words} words, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, one .txt file): ` +
        `wall time from spawn to exit, median of ${RUNS} interleaved runs ± half the range (after 1 unmeasured round)\n`,
    );
    printTable(
      ['contender', 'seconds', 'k words/s'],
      contenders.map((c, i) =>
        errors[i] ? [c.name, 'failed', '-'] : [c.name, withSpread(times[i]!, 3), withSpread(times[i]!.map((s) => words / s), 1, 1e-3)],
      ),
    );
    contenders.forEach((c, i) => errors[i] && process.stdout.write(`${c.name} failed: ${errors[i]}\n`));
    if (!noSyntaxFlag) {
      process.stdout.write('kg build without the syntax stage: skipped, `kg build` has no flag to turn it off (only createCliExtractor(…, { syntax: false }) does)\n');
    }
    const [kg, wink] = times;
    if (errors[0] || errors[1]) process.stdout.write('ratio wink/kg: not measured (a contender failed)\n');
    else {
      // Speed relative to wink-nlp: wink's seconds over kg's, pair by pair (same text on both sides), then the median.
      const ratios = kg!.map((s, i) => wink![i]! / s);
      process.stdout.write(
        `ratio wink/kg (kg's speed relative to wink-nlp; target >= ${TARGET_RATIO}): ${withSpread(ratios, 2)}, of the medians ${(summarize(wink!).median / summarize(kg!).median).toFixed(2)}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const section: BenchSection = {
  title: 'syntax',
  async run() {
    if (!existsSync(SHARED)) {
      process.stdout.write(`skipped: ${SHARED} not found (EWT and NorNE dev are read from ../shared/data/)\n`);
      return;
    }
    throughput();
    wholeProcess();
  },
};
export default section;
