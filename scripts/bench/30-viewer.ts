// Viewer speed in headless Chromium on a generated 10,000-node, 50,000-edge graph: first frame of the viewer
// against a bare sigma page drawing the same file (same run, alternating), and hover highlighting latency.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BenchSection } from '../bench.js';
import { generateGraph } from '../gen-graph.js';
import { serveViewer } from '../../src/cli/serve.js';

const CHROMIUM = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';
const NODES = Number(process.env.KG_BENCH_NODES ?? 10_000);
const EDGES = Number(process.env.KG_BENCH_EDGES ?? 50_000);
const RUNS = Number(process.env.KG_BENCH_RUNS ?? 5);
const HOVERS = 4;

/** What the page scripts below see (this file compiles without the DOM library: it runs in Node). */
interface PageGlobals {
  innerWidth: number;
  innerHeight: number;
  requestAnimationFrame(callback: () => void): void;
  document: { getElementById(id: string): { clientWidth: number; clientHeight: number } };
  __hovered(key: string): boolean;
  __kgViewer: {
    nodeViewportPosition(k: string): { x: number; y: number } | null;
    veilActive(): boolean;
    nodeDisplay(k: string): { depth: string } | null;
    timings(): { emphasis: number; render: number };
  };
  __bare: {
    graphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getGraph(): { getNodeAttributes(k: string): { x: number; y: number } };
    getNodeState(k: string): { isHovered: boolean };
  };
}

const TARGET_RATIO = 1.3;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function summary(xs: number[]): string {
  return `${median(xs).toFixed(0).padStart(6)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;
}

/** Milliseconds from navigation start to the `kg-first-frame` mark both pages set when their first frame is on screen. */
async function firstFrame(browser: Browser, url: string): Promise<{ ms: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kg-first-frame').length > 0, null, { timeout: 180_000, polling: 50 });
  if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
  const ms = await page.evaluate(() => performance.getEntriesByName('kg-first-frame')[0]!.startTime);
  return { ms, page };
}

/** Mouse over a node until its emphasis is drawn, then off it until it is gone: the wall time of each, per node. */
async function hoverLatency(
  page: Page,
  position: (key: string) => Promise<{ x: number; y: number } | null>,
  keys: string[],
  cpu: number[] | null,
): Promise<number[]> {
  const box = (await page.locator('#graph').boundingBox())!;
  const times: number[] = [];
  for (const key of keys) {
    const at = await position(key);
    if (at === null) continue;
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await page.waitForTimeout(100);
    const start = performance.now();
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const shown = await page
      .waitForFunction((k) => (globalThis as unknown as PageGlobals).__hovered(k), key, { polling: 'raf', timeout: 10_000 })
      .then(() => true, () => false);
    // The frame after the state change is the one that shows it.
    await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as PageGlobals).requestAnimationFrame(() => resolve(null))));
    if (shown) times.push(performance.now() - start);
    if (shown && cpu !== null) {
      const t = await page.evaluate(() => (globalThis as unknown as PageGlobals).__kgViewer.timings());
      cpu.push(t.emphasis + t.render);
    }
    if (times.length >= HOVERS) break;
  }
  return times;
}

/** Viewport position of a node when it is well inside the graph area, else null. */
function nodePosition(page: Page, kind: 'viewer' | 'bare'): (key: string) => Promise<{ x: number; y: number } | null> {
  return (key) =>
    page.evaluate(
      ([k, which]) => {
        const g = globalThis as unknown as PageGlobals;
        const p =
          which === 'viewer' ? g.__kgViewer.nodeViewportPosition(k) : g.__bare.graphToViewport(g.__bare.getGraph().getNodeAttributes(k));
        const el = g.document.getElementById('graph');
        return p !== null && p.x > 20 && p.y > 60 && p.x < el.clientWidth - 60 && p.y < el.clientHeight - 20 ? p : null;
      },
      [key, kind] as const,
    );
}

/** Installs `__hovered(key)`: true once the page shows the hover of `key` (the viewer: its neighbourhood above the veil). */
async function installHoverCheck(page: Page, kind: 'viewer' | 'bare'): Promise<void> {
  await page.evaluate((which) => {
    const g = globalThis as unknown as PageGlobals;
    g.__hovered =
      which === 'viewer'
        ? (k) => g.__kgViewer.veilActive() && g.__kgViewer.nodeDisplay(k)?.depth === 'topNodes'
        : (k) => g.__bare.getNodeState(k).isHovered;
  }, kind);
}

const section: BenchSection = {
  title: `viewer in headless Chromium (SwiftShader WebGL), ${NODES.toLocaleString('en')} nodes / ${EDGES.toLocaleString('en')} edges`,
  async run() {
    if (!existsSync(CHROMIUM)) {
      process.stdout.write(`skipped: Chromium not found at ${CHROMIUM} (set KG_CHROMIUM)\n`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'kg-bench-viewer-'));
    const file = generateGraph({ nodes: NODES, edges: EDGES, seed: 1 });
    const graphPath = join(dir, 'graph.json');
    writeFileSync(graphPath, JSON.stringify(file));
    const degree = new Map<string, number>();
    for (const edge of file.edges) {
      degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    }
    const hubs = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 60).map(([key]) => key);

    const server = await serveViewer({ graphPath });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const pages = { viewer: `${server.url}?test=1`, bare: `${server.url}bench/bare.html` } as const;
      process.stdout.write(`graph file ${(statSync(graphPath).size / 1e6).toFixed(1)} MB (gen-graph --nodes ${NODES} --edges ${EDGES} --seed 1)\n`);
      const times = { viewer: [] as number[], bare: [] as number[] };
      const hovers = { viewer: [] as number[], bare: [] as number[] };
      const hoverCpu: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Alternate which page goes first, so neither always runs on a warmer machine.
        const order = run % 2 === 0 ? (['bare', 'viewer'] as const) : (['viewer', 'bare'] as const);
        for (const kind of order) {
          const { ms, page } = await firstFrame(browser, pages[kind]);
          times[kind].push(ms);
          process.stdout.write(`  run ${run + 1} ${kind.padEnd(6)} first frame ${ms.toFixed(0)} ms\n`);
          if (run === 0) {
            await page.waitForTimeout(500);
            await installHoverCheck(page, kind);
            hovers[kind] = await hoverLatency(page, nodePosition(page, kind), hubs, kind === 'viewer' ? hoverCpu : null);
          }
          await page.context().close();
        }
      }
      const ratio = median(times.viewer) / median(times.bare);
      process.stdout.write(`first frame, bare sigma   ${summary(times.bare)}\n`);
      process.stdout.write(`first frame, viewer       ${summary(times.viewer)}\n`);
      process.stdout.write(`viewer/bare ratio         ${ratio.toFixed(2)}  (medians; target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})\n`);
      if (hovers.viewer.length > 0) process.stdout.write(`hover → neighbourhood drawn, viewer   ${summary(hovers.viewer)}\n`);
      if (hovers.bare.length > 0) process.stdout.write(`hover → node state drawn, bare sigma  ${summary(hovers.bare)}\n`);
      if (hoverCpu.length > 0) {
        process.stdout.write(`hover, viewer main-thread work (emphasis + frame)  ${summary(hoverCpu)}\n`);
        process.stdout.write('(the rest of each hover is SwiftShader drawing 50,000 edges on the CPU; on a GPU a frame takes milliseconds)\n');
      }
    } finally {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default section;
