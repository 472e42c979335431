// The built viewer in Debian's Chromium (playwright-core): search, panels and evidence, filters, URL sharing, layout,
// PNG export, opening JSON and GEXF files, hostile graph text, and the self-contained HTML export from file://.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildHtmlExport } from '../../src/cli/html-export.js';
import { serveViewer, VIEWER_CSP, type ViewerServer } from '../../src/cli/serve.js';
import type { GraphFile } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'graphs', 'nato-irak-2020.json');
const SAMPLE_GEXF = join(ROOT, 'graphs', 'nato-irak-2020.gexf');
/** The sample articles beside the project (../shared/samples): an ordinary multi-article graph, built by kg as a user would. */
const ARTICLES = join(ROOT, '..', 'shared', 'samples');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'viewer');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';

const TRAINS = 'nato->trains->iraq';
/** Per test: WebGL in SwiftShader on a busy 2-core machine is slow. */
const TIMEOUT = 150_000;
const IMG_XSS = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_XSS = '<script>window.__pwned=1</script>';

interface ViewerTestHook {
  nodeViewportPosition(key: string): { x: number; y: number } | null;
  edgeViewportMidpoint(key: string): { x: number; y: number } | null;
  nodeDisplay(key: string): { dataColor: string; color: string; depth: string; hidden: boolean } | null;
  edgeDisplay(key: string): { depth: string; hidden: boolean; path: string; parallelIndex: number; parallelCount: number } | null;
  veilActive(): boolean;
  displayedEdgeLabels(): string[];
  labelBoxes(): Array<{ key: string; x0: number; x1: number; y0: number; y1: number; nodeX: number; nodeY: number; radius: number }>;
  edgeTip(): string | null;
  cameraIdle(): boolean;
  layout(): { running: boolean; elapsed: number; reason: string | null };
}
declare global {
  interface Window {
    __kgViewer?: ViewerTestHook;
    __pwned?: unknown;
  }
}

// Never skipped: without Chromium these tests fail in beforeAll with a message saying how to get it.
describe('viewer in Chromium', () => {
  let browser: Browser;
  let sample: ViewerServer;
  let hostile: ViewerServer;
  let tmp: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set KG_CHROMIUM.`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'kg-e2e-'));
    // No viewerDir: the server finds viewer/dist from its own location, as `kg view` does.
    sample = await serveViewer({ graphPath: SAMPLE });
    hostile = await serveViewer({ graphPath: join(FIXTURES, 'hostile-graph.json') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([sample?.close(), hostile?.close()]);
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  });

  interface Opened {
    page: Page;
    context: BrowserContext;
    /** Errors, CSP reports, failed and foreign requests seen so far. */
    problems: string[];
  }

  /** Opens a page in a fresh context and records everything that would be a problem. */
  async function open(url: string, options: { offline?: boolean } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const origin = new URL(url).origin;
    if (options.offline === true) {
      // file:// pages: any request that is not for the file itself is refused and reported.
      await context.route('**/*', (route) => {
        const target = route.request().url();
        if (target.startsWith('file:') || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
        problems.push(`network request: ${target}`);
        return route.abort();
      });
    }
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('request', (request) => {
      const target = request.url();
      if (/^(data|blob|file):/.test(target)) return;
      if (new URL(target).origin !== origin) problems.push(`foreign request: ${target}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url);
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]');
    return { page, context, problems };
  }

  async function settle(p: Page): Promise<void> {
    await p.waitForFunction(() => window.__kgViewer?.cameraIdle() ?? true);
    // Two frames: sigma draws on the animation frame after a state change.
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  async function shot(p: Page, name: string): Promise<void> {
    await settle(p);
    await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  }

  async function search(p: Page, text: string): Promise<void> {
    await p.fill('#search-input', text);
    await p.waitForSelector('#search-results:not([hidden])');
  }

  const display = (p: Page, key: string) => p.evaluate((k) => window.__kgViewer!.nodeDisplay(k), key);
  const edge = (p: Page, key: string) => p.evaluate((k) => window.__kgViewer!.edgeDisplay(k), key);

  it('explores the sample graph: search, panel with evidence, emphasis, filters, sharing, layout, PNG', async () => {
    const { page: p, context, problems } = await open(`${sample.url}?test=1`);
    const response = await p.request.get(sample.url);
    expect(response.headers()['content-security-policy']).toBe(VIEWER_CSP);
    expect(await p.getAttribute('#app', 'data-state')).toBe('ready');
    expect(await p.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await p.textContent('#graph-name')).toBe('nato-irak-2020');
    expect(await p.textContent('#graph-stats')).toMatch(/^\d+ entities · \d+ relations$/);
    // The entity and relation type legends are the filters, with counts.
    expect(await p.locator('[data-filter="types"] input[data-type="country"]').isChecked()).toBe(true);
    expect(Number(await p.textContent('[data-filter="types"] [data-type="country"] .legend-count'))).toBeGreaterThan(0);
    expect(await p.locator('[data-filter="relations"] input[data-relation="trains"]').isChecked()).toBe(true);
    await shot(p, '01-overview');

    // `/` focuses the search; "Irak" suggests Iraq through its alias.
    await p.locator('#graph').click({ position: { x: 5, y: 300 } });
    await p.keyboard.press('/');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await search(p, 'Irak');
    const first = p.locator('#search-results [role="option"]').first();
    expect(await first.getAttribute('data-node')).toBe('iraq');
    expect(await first.locator('.option-label').textContent()).toBe('Iraq');
    expect(await first.locator('.option-alias').textContent()).toBe('Irak');
    await shot(p, '02-search');

    // Choosing it selects it, moves the camera and opens the panel with relations and evidence.
    await p.keyboard.press('Enter');
    await p.waitForSelector('#panel:not([hidden])');
    expect(await p.textContent('#panel .panel-title')).toBe('Iraq');
    expect(await p.textContent('#panel .panel-kicker')).toContain('country');
    const wikidata = p.locator('#panel a.external');
    expect(await wikidata.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q796');
    expect(await wikidata.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await p.locator('#panel .chip').allTextContents()).toContain('irakiske');
    const evidence = p.locator(`#panel [data-edge="${TRAINS}"] .sentence`, { hasText: 'treningsoppdrag' }).first();
    expect(await evidence.locator('mark').textContent()).toBe('treningsoppdrag');
    expect(await p.locator(`#panel [data-edge="${TRAINS}"] .doc-id`).first().textContent()).toBe('nato-irak-2020');
    expect(await p.locator('#panel [data-direction="in"] [data-relation="trains"]').count()).toBe(1);
    // The panel takes room from the graph instead of covering it.
    const graphBox = (await p.locator('#graph').boundingBox())!;
    const panelBox = (await p.locator('#panel').boundingBox())!;
    expect(graphBox.x + graphBox.width).toBeLessThanOrEqual(panelBox.x + 1);

    // Emphasis through sigma's item states: Iraq and its neighbours above the veil, the rest below it.
    expect(await p.evaluate(() => window.__kgViewer!.veilActive())).toBe(true);
    expect(await display(p, 'iraq')).toMatchObject({ depth: 'topNodes', hidden: false });
    expect(await display(p, 'nato')).toMatchObject({ depth: 'topNodes' });
    expect(await display(p, 'russia')).toMatchObject({ depth: 'nodes', color: '#2ca02c', dataColor: '#2ca02c' });
    expect(await p.evaluate(() => window.__kgViewer!.displayedEdgeLabels())).toContain(TRAINS);
    // Parallel relations between NATO and Iraq (both directions) are curved apart.
    const parallel = await edge(p, TRAINS);
    expect(parallel!.parallelCount).toBeGreaterThan(1);
    expect(parallel!.path).toBe('curved');
    await shot(p, '03-entity-panel');

    // The URL holds the view: a copied link reopens the same selection.
    await p.click('#copy-link');
    await p.waitForFunction(() => window.location.hash.includes('node=iraq'));
    const link = p.url();
    expect(link).toContain('q=Iraq');
    const again = await open(link);
    await again.page.waitForSelector('#panel:not([hidden])');
    expect(await again.page.textContent('#panel .panel-title')).toBe('Iraq');
    expect(await again.page.inputValue('#search-input')).toBe('Iraq');
    expect(again.problems).toEqual([]);
    await again.context.close();

    // Turning off a relation type hides its edges (and its rows in the panel), without moving anything.
    const before = await p.evaluate(() => window.__kgViewer!.nodeViewportPosition('iraq'));
    await p.click('[data-filter="relations"] input[data-relation="trains"]');
    await p.waitForFunction((k) => window.__kgViewer!.edgeDisplay(k)?.hidden === true, TRAINS);
    expect(await p.locator(`#panel [data-edge="${TRAINS}"]`).count()).toBe(0);
    expect(await p.textContent('#panel .note')).toContain('hidden by the filters');
    expect(await p.textContent('[data-filter="relations"] [data-relation="trains"] .legend-count')).toBe('0/1');
    expect(await p.evaluate(() => window.__kgViewer!.nodeViewportPosition('iraq'))).toEqual(before);
    await p.check('#hide-isolated');
    await p.waitForFunction(() => window.__kgViewer!.nodeDisplay('ssc-8')?.hidden === true);
    await shot(p, '04-filtered');
    await p.waitForFunction(() => window.location.hash.includes('hide-relation=trains'));
    const filtered = await open(p.url());
    expect(await filtered.page.locator('[data-filter="relations"] input[data-relation="trains"]').isChecked()).toBe(false);
    await filtered.page.waitForFunction((k) => window.__kgViewer?.edgeDisplay(k)?.hidden === true, TRAINS);
    expect(filtered.problems).toEqual([]);
    await filtered.context.close();
    await p.click('#reset-filters');
    await p.waitForFunction((k) => window.__kgViewer!.edgeDisplay(k)?.hidden === false, TRAINS);

    // A relation's own panel: both ends and every evidence sentence.
    await p.click(`#panel [data-edge="${TRAINS}"] .rel-open`);
    await p.waitForSelector('#panel .edge-ends');
    expect(await p.textContent('#panel .panel-title')).toBe('trains');
    expect(await p.locator('#panel .edge-ends .node-link').allTextContents()).toEqual(['NATO', 'Iraq']);
    expect(await p.locator('#panel .evidence mark').allTextContents()).toContain('treningsoppdrag');
    await shot(p, '05-relation-panel');

    // Esc clears the selection; hovering a node then puts its neighbourhood forward.
    await p.keyboard.press('Escape');
    await p.waitForSelector('#panel', { state: 'hidden' });
    await p.click('#zoom-reset');
    await settle(p);
    expect(await p.evaluate(() => window.__kgViewer!.veilActive())).toBe(false);
    const russia = (await p.evaluate(() => window.__kgViewer!.nodeViewportPosition('russia')))!;
    const box = (await p.locator('#graph').boundingBox())!;
    await p.mouse.move(box.x + russia.x, box.y + russia.y);
    await p.waitForFunction(() => window.__kgViewer!.veilActive() && window.__kgViewer!.nodeDisplay('russia')?.depth === 'topNodes');
    expect(await display(p, 'iraq')).toMatchObject({ depth: 'nodes', dataColor: '#2ca02c' });
    await shot(p, '06-hover');
    await p.mouse.move(box.x + 3, box.y + box.height - 3);
    await p.waitForFunction(() => !window.__kgViewer!.veilActive());

    // Layout runs in a worker and can be stopped; the file's positions change only then.
    await p.click('#layout-toggle');
    await p.waitForFunction(() => window.__kgViewer!.layout().running);
    await p.waitForTimeout(600);
    await p.click('#layout-toggle');
    await p.waitForFunction(() => window.__kgViewer!.layout().reason === 'stopped');
    expect(await p.textContent('#layout-status')).toBe('Layout stopped');

    // PNG of the current view at 2×.
    await p.selectOption('#png-scale', '2');
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#export-png')]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const canvasWidth = (await p.locator('#graph').boundingBox())!.width;
    expect(png.readUInt32BE(16)).toBe(Math.round(canvasWidth * 2));
    expect(download.suggestedFilename()).toBe('nato-irak-2020@2x.png');

    expect(problems).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('opens a GEXF file from the picker and a JSON file dropped on the page', async () => {
    const { page: p, context, problems } = await open(`${sample.url}?test=1`);
    await p.setInputFiles('#file-input', SAMPLE_GEXF);
    await p.waitForSelector('#toast:not([hidden])');
    expect(await p.textContent('#toast')).toBe('Opened nato-irak-2020.gexf');
    await search(p, 'irakiske');
    await p.keyboard.press('Enter');
    await p.waitForSelector('#panel:not([hidden])');
    expect(await p.locator(`#panel [data-edge="${TRAINS}"] mark`).first().textContent()).toBe('treningsoppdrag');
    expect(await p.getAttribute('#panel a.external', 'href')).toBe('https://www.wikidata.org/wiki/Q796');

    // A graph without positions, dropped on the page: laid out before its first frame.
    const file = JSON.parse(readFileSync(join(FIXTURES, 'sample-graph.json'), 'utf8')) as GraphFile;
    for (const node of file.nodes) Object.assign(node.attributes, { x: 0, y: 0 });
    await p.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'unpositioned.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(file));
    await p.waitForFunction(() => document.getElementById('toast')?.textContent === 'Opened unpositioned.json');
    expect(await p.isHidden('#panel')).toBe(true);
    expect(await p.textContent('#graph-stats')).toBe('7 entities · 5 relations');
    await settle(p);
    const keys = file.nodes.map((n) => n.key);
    const points = await p.evaluate((ks) => ks.map((k) => window.__kgViewer!.nodeViewportPosition(k)), keys);
    expect(new Set(points.map((pt) => `${Math.round(pt!.x)},${Math.round(pt!.y)}`)).size).toBe(keys.length);

    // A file that is neither JSON nor GEXF leaves the current graph in place.
    await p.setInputFiles('#file-input', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await p.waitForFunction(() => document.getElementById('toast')?.textContent?.startsWith('Could not open notes.txt'));
    expect(await p.textContent('#graph-stats')).toBe('7 entities · 5 relations');
    expect(problems).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('shows hostile markup in labels, aliases, documents and evidence as plain text, and runs none of it', async () => {
    const { page: p, context, problems } = await open(`${hostile.url}?test=1`);
    expect(await p.getAttribute('#app', 'data-state')).toBe('ready');
    expect(await p.textContent('#graph-name')).toBe(`hostile ${SCRIPT_XSS}`);

    await search(p, 'evil');
    expect(await p.locator('#search-results .option-label').first().textContent()).toBe(`Evil ${IMG_XSS}`);
    await p.keyboard.press('Enter');
    await p.waitForSelector('#panel:not([hidden])');
    expect(await p.textContent('#panel .panel-title')).toBe(`Evil ${IMG_XSS}`);
    expect(await p.locator('#panel .chip').allTextContents()).toEqual([SCRIPT_XSS, 'evilorg']);
    // `javascript:…` is not a Wikidata id: no link at all.
    expect(await p.locator('#panel a').count()).toBe(0);
    const sentence = p.locator('#panel .sentence').first();
    expect(await sentence.textContent()).toBe(`Before ${IMG_XSS} the ${SCRIPT_XSS} trigger after.`);
    expect(await sentence.locator('mark').textContent()).toBe(SCRIPT_XSS);
    expect(await p.locator('#panel .doc-id').first().textContent()).toBe(`doc-${IMG_XSS}`);
    await shot(p, '07-hostile');

    // Edge keys of a graph kg did not write come from its content, as `kg` derives them.
    await p.click('#panel [data-relation="attacks"] .rel-open');
    await p.waitForSelector('#panel .edge-ends');
    expect(await p.textContent('#panel .panel-title')).toBe(`attacks ${IMG_XSS}`);

    // Nothing from the file became an element, and nothing ran.
    expect(await p.locator('body img, #panel script, #search-results script, #sidebar script').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(1);
    expect(await p.evaluate(() => window.__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('opens the self-contained HTML export from file:// with the network blocked', async () => {
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8')) as GraphFile;
    const path = join(tmp, 'graph.html');
    writeFileSync(path, buildHtmlExport(file));
    const { page: p, context, problems } = await open(`${pathToFileURL(path).href}?test=1`, { offline: true });
    expect(await p.getAttribute('#app', 'data-state')).toBe('ready');
    expect(await p.textContent('#graph-stats')).toBe(`${file.nodes.length} entities · ${file.edges.length} relations`);
    await search(p, 'Irak');
    await p.keyboard.press('Enter');
    await p.waitForSelector('#panel:not([hidden])');
    expect(await p.locator('#panel .sentence', { hasText: 'treningsoppdrag' }).count()).toBeGreaterThan(0);
    // The layout worker comes from a blob: URL, which the export's CSP allows.
    await p.click('#layout-toggle');
    await p.waitForFunction(() => window.__kgViewer!.layout().running);
    await p.click('#layout-toggle');
    await shot(p, '08-html-export-file');
    expect(problems).toEqual([]);
    await context.close();
  }, TIMEOUT);

  it('refuses a graph parameter that points to another site, and follows a relative one', async () => {
    const refused = await open(`${sample.url}?graph=https://example.com/graph.json`);
    expect(await refused.page.getAttribute('#app', 'data-state')).toBe('error');
    expect(await refused.page.textContent('#status')).toContain('relative path on this site');
    expect(refused.problems).toEqual([]);
    await refused.context.close();

    const relative = await open(`${sample.url}?graph=graph.json`);
    expect(await relative.page.getAttribute('#app', 'data-state')).toBe('ready');
    expect(relative.problems).toEqual([]);
    await relative.context.close();
  }, TIMEOUT);
  it('says so when the filters leave nothing on screen', async () => {
    const types = ['person', 'organization', 'country', 'location', 'event', 'agreement', 'weapon', 'other'];
    const { page, context, problems } = await open(`${sample.url}?test=1#${types.map((t) => `hide-type=${t}`).join('&')}`);
    expect(await page.isVisible('#status')).toBe(true);
    expect(await page.textContent('#status')).toBe('Nothing matches the filters: switch some back on in the left column.');
    await page.click('[data-filter="types"] input[data-type="country"]');
    await page.waitForSelector('#status', { state: 'hidden' });
    expect(problems).toEqual([]);
    await context.close();
  }, TIMEOUT);
  /** Pairs of label boxes that overlap by more than a pixel each way. */
  function overlaps(boxes: Array<{ key: string; x0: number; x1: number; y0: number; y1: number }>): string[] {
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) found.push(`${a.key} / ${b.key}`);
      }
    }
    return found;
  }

  it('draws the default picture of a multi-article graph with every label readable: none over another, none cut at the edge, also with the panel open', async () => {
    const graphPath = join(tmp, 'articles.json');
    const built = spawnSync(process.execPath, [join(ROOT, 'bin', 'kg.js'), 'build', ARTICLES, '-o', graphPath, '--no-state'], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const file = JSON.parse(readFileSync(graphPath, 'utf8')) as GraphFile;
    expect(file.attributes.documents.length).toBeGreaterThanOrEqual(7);
    const server = await serveViewer({ graphPath });
    try {
      const { page, context, problems } = await open(`${server.url}?test=1`);
      await settle(page);
      const area = (await page.locator('#graph').boundingBox())!;
      const boxes = await page.evaluate(() => window.__kgViewer!.labelBoxes());
      // Every entity's label is drawn, none over another, all inside the graph area.
      expect(overlaps(boxes)).toEqual([]);
      expect(boxes.map((b) => b.key).sort()).toEqual(file.nodes.map((n) => n.key).sort());
      // Nor over another entity's disc.
      const overNodes = boxes.flatMap((b) =>
        boxes
          .filter((n) => n.key !== b.key)
          .filter((n) => Math.hypot(Math.max(b.x0, Math.min(n.nodeX, b.x1)) - n.nodeX, Math.max(b.y0, Math.min(n.nodeY, b.y1)) - n.nodeY) < n.radius - 1)
          .map((n) => `${b.key} over ${n.key}`),
      );
      expect(overNodes).toEqual([]);
      const outside = (list: typeof boxes, width: number) => list.filter((b) => b.x0 < 0 || b.y0 < 0 || b.x1 > width || b.y1 > area.height).map((b) => b.key);
      expect(outside(boxes, area.width)).toEqual([]);
      await shot(page, '20-articles-default');
      // Opening the panel narrows the graph area: the picture is framed again, labels still inside and apart.
      const first = boxes[0]!;
      await page.mouse.click(area.x + first.nodeX, area.y + first.nodeY);
      await page.waitForSelector('#panel:not([hidden])');
      await settle(page);
      const narrowed = (await page.locator('#graph').boundingBox())!;
      expect(narrowed.width).toBeLessThan(area.width);
      const after = await page.evaluate(() => window.__kgViewer!.labelBoxes());
      expect(outside(after, narrowed.width)).toEqual([]);
      await shot(page, '21-articles-panel');
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, TIMEOUT);

  it('shows a graph from another tool as it is: a self-loop, an undirected edge without arrow, its own attributes in the panel, and the label of a short edge on hover', async () => {
    const at = (x: number, y: number) => ({ x, y, size: 8, color: '#1f77b4', type: 'organization', aliases: [], mentions: 1 });
    const other = {
      options: { type: 'mixed', multi: true, allowSelfLoops: true },
      attributes: { name: 'other-tool', documents: [{ id: 'd1', language: 'en', title: 'Talks <b>resume</b>' }] },
      nodes: [
        { key: 'a', attributes: { label: 'Alpha', ...at(0, 0), tooltip: 'Oslo Gardermoen' } },
        { key: 'b', attributes: { label: 'Beta', ...at(3, 0) } },
        { key: 'c', attributes: { label: 'Gamma', ...at(0, 100) } },
        { key: 'd', attributes: { label: 'Delta', ...at(100, 100) } },
        { key: 'e', attributes: { label: 'Epsilon', ...at(50, 50), documents: ['d1'] } },
      ],
      edges: [
        { key: 'ab', source: 'a', target: 'b', attributes: { relation: 'negotiates_with', label: 'negotiates with' } },
        { key: 'cd', source: 'c', target: 'd', undirected: true, attributes: { relation: 'cooperates_with', label: 'cooperates with' } },
        { key: 'dd', source: 'd', target: 'd', attributes: { relation: 'meets', label: 'meets' } },
      ],
    };
    const graphPath = join(tmp, 'other-tool.json');
    writeFileSync(graphPath, JSON.stringify(other));
    const server = await serveViewer({ graphPath });
    try {
      const { page, context, problems } = await open(`${server.url}?test=1`);
      await settle(page);
      // a and b sit 3 units apart: far too close for "negotiates with" on the canvas.
      expect(await page.evaluate(() => window.__kgViewer!.edgeTip())).toBeNull();
      // Selected (here through the URL, as a shared link does), the short edge says what it is over the graph.
      // Keys are derived from content, as kg reads any graph it did not write.
      const linked = await open(`${server.url}?test=1#edge=${encodeURIComponent('a->negotiates_with->b')}`);
      await settle(linked.page);
      expect(await linked.page.evaluate(() => window.__kgViewer!.edgeTip())).toBe('negotiates with');
      await linked.page.keyboard.press('Escape');
      await settle(linked.page);
      expect(await linked.page.evaluate(() => window.__kgViewer!.edgeTip())).toBeNull();
      // Hovered, too.
      const mid = (await page.evaluate(() => window.__kgViewer!.edgeViewportMidpoint('a->negotiates_with->b')))!;
      const graphBox = (await page.locator('#graph').boundingBox())!;
      await page.mouse.move(graphBox.x + mid.x, graphBox.y + mid.y);
      await page.waitForFunction(() => window.__kgViewer!.edgeTip() === 'negotiates with');
      expect(linked.problems).toEqual([]);
      await linked.context.close();
      // The undirected edge has no arrow head; the self-loop is drawn and listed.
      expect(await page.evaluate(() => window.__kgViewer!.edgeDisplay('c--cooperates_with--d')?.hidden)).toBe(false);
      expect(await page.evaluate(() => window.__kgViewer!.edgeDisplay('d->meets->d')?.hidden)).toBe(false);
      await search(page, 'Delta');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#panel:not([hidden])');
      expect(await page.textContent('#panel [data-direction="both"]')).toContain('Gamma');
      expect(await page.textContent('#panel [data-direction="out"]')).toContain('Delta');
      await search(page, 'Alpha');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#panel .panel-title')?.textContent === 'Alpha');
      expect(await page.textContent('#panel .other-attributes')).toContain('Oslo Gardermoen');
      // An entity without relations says which documents name it (the title as text).
      await search(page, 'Epsilon');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#panel .panel-title')?.textContent === 'Epsilon');
      expect(await page.textContent('#panel .named-in')).toBe('Named in Talks <b>resume</b>.');
      await shot(page, '22-other-tool');
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, TIMEOUT);

  it('fits a phone: nothing wider than the screen, and the panel comes up over the graph', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${sample.url}?test=1`);
    await page.waitForSelector('#app[data-state="ready"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(await page.getAttribute('#app', 'data-sidebar')).toBe('closed');
    for (const id of ['#open-file', '#copy-link', '#export-png', '#search-input', '#toggle-sidebar']) {
      const box = (await page.locator(id).boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(390);
    }
    await page.fill('#search-input', 'NATO');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel:not([hidden])');
    const panel = (await page.locator('#panel').boundingBox())!;
    expect([panel.x, panel.width]).toEqual([0, 390]);
    expect(panel.y + panel.height).toBeLessThanOrEqual(800);
    expect(await page.textContent('#panel .panel-title')).toBe('NATO');
    await context.close();
  }, TIMEOUT);
});
