// The built viewer in real Chromium, served by serveViewer: search, details panel, evidence, hover, and hostile graph text.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../src/cli/serve.js';
import type { GraphFile } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'viewer');
const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = Boolean(process.env.CI);

const SENTENCE =
  'Iraks regjering ønsker at Natos treningsoppdrag i landet fortsetter, sier alliansens generalsekretær Jens Stoltenberg.';
const IMG_XSS = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_XSS = '<script>window.__pwned=1</script>';

interface ViewerTestHook {
  nodeViewportPosition(key: string): { x: number; y: number } | null;
  edgeViewportMidpoint(key: string): { x: number; y: number } | null;
  nodeColors(key: string): { data: string; displayed: string | null } | null;
  cameraIdle(): boolean;
}
declare global {
  interface Window {
    __kgViewer?: ViewerTestHook;
    __pwned?: unknown;
  }
}

// Locally a missing Chromium skips these tests; on CI it must fail, loudly, in beforeAll.
describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('viewer in Chromium', () => {
  let browser: Browser;
  let sample: ViewerServer;
  let hostile: ViewerServer;
  let unpositioned: ViewerServer;
  let tmp: string;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set KG_CHROMIUM. ` +
          'Browser tests are not skipped when CI is set.',
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'kg-e2e-'));
    // The same graph without a layout: the viewer has to place the nodes itself.
    const file = JSON.parse(readFileSync(join(FIXTURES, 'sample-graph.json'), 'utf8')) as GraphFile;
    for (const node of file.nodes) Object.assign(node.attributes, { x: 0, y: 0 });
    writeFileSync(join(tmp, 'unpositioned.json'), JSON.stringify(file));

    // No viewerDir: the server finds viewer/dist from its own location, as `kg view` does.
    sample = await serveViewer({ graphPath: join(FIXTURES, 'sample-graph.json') });
    hostile = await serveViewer({ graphPath: join(FIXTURES, 'hostile-graph.json') });
    unpositioned = await serveViewer({ graphPath: join(tmp, 'unpositioned.json') });
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
    await Promise.all([sample?.close(), hostile?.close(), unpositioned?.close()]);
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    await page?.context().close();
  });

  /** Opens the viewer and records everything that would be a problem: errors, CSP reports, failed or foreign requests. */
  async function open(server: ViewerServer, query = '?test=1'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    problems = [];
    const origin = new URL(server.url).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && new URL(url).origin !== origin) problems.push(`foreign request: ${url}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(server.url + query);
    await page.waitForSelector('#app[data-state="ready"], #app[data-state="error"]');
    return page;
  }

  async function settle(p: Page): Promise<void> {
    await p.waitForFunction(() => window.__kgViewer?.cameraIdle() ?? true);
    // Two frames: sigma renders on the next animation frame after a state change.
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

  async function clickGraph(p: Page, at: { x: number; y: number } | null): Promise<void> {
    expect(at).not.toBeNull();
    const box = await p.locator('#graph').boundingBox();
    await p.mouse.click(box!.x + at!.x, box!.y + at!.y);
  }

  it('loads the graph with a sigma canvas, the CSP and no errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    const response = await page.goto(sample.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await context.close();

    const p = await open(sample);
    expect(await p.getAttribute('#app', 'data-state')).toBe('ready');
    expect(await p.locator('#graph canvas').count()).toBeGreaterThan(0);
    expect(await p.textContent('#graph-stats')).toBe('7 entities · 5 relations');
    expect(await p.textContent('#graph-name')).toBe('nato-irak-2020');
    const legend = await p.locator('.legend-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
    expect(legend).toEqual(['person', 'organization', 'country', 'agreement']);
    expect(await p.isHidden('#panel')).toBe(true);
    await shot(p, '01-initial');
    expect(problems).toEqual([]);
  });

  it.each([
    { query: 'Irak', alias: 'Irak' },
    { query: 'irakiske', alias: 'irakiske' },
    { query: 'IRÁK', alias: 'Irak' },
  ])('suggests Iraq for "$query"', async ({ query, alias }) => {
    const p = await open(sample);
    await search(p, query);
    const first = p.locator('#search-results [role="option"]').first();
    expect(await first.getAttribute('data-node')).toBe('iraq');
    expect(await first.locator('.option-label').textContent()).toBe('Iraq');
    expect(await first.locator('.option-alias').textContent()).toBe(alias);
    if (query === 'Irak') await shot(p, '02-search-suggestions');
    expect(problems).toEqual([]);
  });

  it('opens the panel for a searched entity with its relations, evidence and marked trigger', async () => {
    const p = await open(sample);
    await search(p, 'Irak');
    await p.click('#search-results [data-node="iraq"]');
    await p.waitForSelector('#panel:not([hidden])');

    expect(await p.textContent('#panel .panel-title')).toBe('Iraq');
    expect(await p.getAttribute('#app', 'data-panel')).toBe('open');
    expect(await p.locator('#panel .chip').allTextContents()).toEqual(['Irak', 'Iraks', 'irakiske']);
    const wikidata = p.locator('#panel a.external');
    expect(await wikidata.getAttribute('href')).toBe('https://www.wikidata.org/wiki/Q796');
    expect(await wikidata.getAttribute('rel')).toBe('noopener noreferrer');

    // Grouped by direction, then relation type.
    expect(await p.locator('#panel [data-direction="out"] [data-relation]').evaluateAll((g) => g.map((e) => e.getAttribute('data-relation')))).toEqual(['invites']);
    expect(await p.locator('#panel [data-direction="in"] [data-relation]').evaluateAll((g) => g.map((e) => e.getAttribute('data-relation')))).toEqual(['trains']);

    const sentence = p.locator('#panel [data-edge="nato->trains->iraq"] .sentence', { hasText: 'treningsoppdrag' });
    expect(await sentence.textContent()).toBe(SENTENCE);
    expect(await sentence.locator('mark').textContent()).toBe('treningsoppdrag');
    expect(await p.locator('#panel [data-edge="nato->trains->iraq"] .doc-id').first().textContent()).toBe('nato-irak-2020');

    // The panel takes room from the graph instead of covering it.
    const graphBox = await p.locator('#graph').boundingBox();
    const panelBox = await p.locator('#panel').boundingBox();
    expect(graphBox!.x + graphBox!.width).toBeLessThanOrEqual(panelBox!.x + 1);
    await shot(p, '03-entity-panel');
    expect(problems).toEqual([]);
  });

  it('shows the evidence of a relation chosen in the panel', async () => {
    const p = await open(sample);
    await search(p, 'irakiske');
    await p.keyboard.press('Enter');
    await p.waitForSelector('#panel:not([hidden])');
    await p.click('#panel [data-edge="nato->trains->iraq"] .rel-open');
    await p.waitForSelector('#panel .edge-ends');

    expect(await p.textContent('#panel .panel-title')).toBe('trains');
    expect(await p.locator('#panel .edge-ends .node-link').allTextContents()).toEqual(['NATO', 'Iraq']);
    expect(await p.locator('#panel .evidence mark').allTextContents()).toEqual(['treningsoppdrag', 'opplæring']);
    await shot(p, '04-relation-panel');

    await p.click('#panel .edge-ends [data-node="nato"]');
    await p.waitForFunction(() => document.querySelector('#panel .panel-title')?.textContent === 'NATO');
    expect(await p.getAttribute('#panel a.external', 'href')).toBe('https://www.wikidata.org/wiki/Q7184');
    await p.keyboard.press('Escape');
    await p.waitForSelector('#panel', { state: 'hidden' });
    expect(problems).toEqual([]);
  });

  it('selects nodes and edges clicked on the canvas', async () => {
    const p = await open(sample);
    await settle(p);
    await clickGraph(p, await p.evaluate(() => window.__kgViewer!.nodeViewportPosition('jens-stoltenberg')));
    await p.waitForFunction(() => document.querySelector('#panel .panel-title')?.textContent === 'Jens Stoltenberg');
    expect(await p.locator('#panel a.external').count()).toBe(0);

    // Two clicks within sigma's doubleClickTimeout (300 ms) make a double click, which zooms instead.
    await p.waitForTimeout(400);
    await settle(p);
    // An edge away from the legend and zoom buttons that overlay the lower corners of the graph.
    await clickGraph(p, await p.evaluate(() => window.__kgViewer!.edgeViewportMidpoint('united-states->negotiates_with->taliban')));
    await p.waitForFunction(() => document.querySelector('#panel .panel-title')?.textContent === 'negotiates with');
    expect(await p.locator('#panel .evidence mark').allTextContents()).toEqual(['samtaler']);
    await shot(p, '05-canvas-edge-click');
    expect(problems).toEqual([]);
  });

  it('highlights a hovered node and its neighbours through the renderer, not the graph data', async () => {
    const p = await open(sample);
    await settle(p);
    const before = await p.evaluate(() => window.__kgViewer!.nodeColors('russia'));
    expect(before).toEqual({ data: '#2ca02c', displayed: '#2ca02c' });

    const nato = await p.evaluate(() => window.__kgViewer!.nodeViewportPosition('nato'));
    const box = await p.locator('#graph').boundingBox();
    await p.mouse.move(box!.x + nato!.x, box!.y + nato!.y);
    await p.waitForFunction(() => window.__kgViewer!.nodeColors('russia')?.displayed !== '#2ca02c');
    // Russia is not a neighbour of NATO: dimmed on screen, unchanged in the data. Iraq is a neighbour: as is.
    expect(await p.evaluate(() => window.__kgViewer!.nodeColors('russia'))).toMatchObject({ data: '#2ca02c' });
    expect(await p.evaluate(() => window.__kgViewer!.nodeColors('iraq'))).toEqual({ data: '#2ca02c', displayed: '#2ca02c' });
    await shot(p, '06-hover');

    await p.mouse.move(box!.x + 5, box!.y + 5);
    await p.waitForFunction(() => window.__kgViewer!.nodeColors('russia')?.displayed === '#2ca02c');
    expect(problems).toEqual([]);
  });

  it('lays out a graph whose positions are all zero', async () => {
    const p = await open(unpositioned);
    await settle(p);
    const keys = ['nato', 'iraq', 'russia', 'inf-treaty', 'united-states', 'taliban', 'jens-stoltenberg'];
    const points = await p.evaluate((ks) => ks.map((k) => window.__kgViewer!.nodeViewportPosition(k)), keys);
    const distinct = new Set(points.map((pt) => `${Math.round(pt!.x)},${Math.round(pt!.y)}`));
    expect(distinct.size).toBe(keys.length);
    await shot(p, '07-computed-layout');
    expect(problems).toEqual([]);
  });

  it('shows hostile markup in labels, aliases and evidence as plain text', async () => {
    const p = await open(hostile);
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

    const evidence = p.locator('#panel .sentence').first();
    expect(await evidence.textContent()).toBe(`Before ${IMG_XSS} the ${SCRIPT_XSS} trigger after.`);
    expect(await evidence.locator('mark').textContent()).toBe(SCRIPT_XSS);
    expect(await p.locator('#panel .doc-id').first().textContent()).toBe(`doc-${IMG_XSS}`);
    expect(await p.locator('#panel .node-link').first().textContent()).toBe(`Script ${SCRIPT_XSS}`);
    await shot(p, '08-hostile-entity');

    await p.click('#panel [data-edge="evil-edge"] .rel-open');
    await p.waitForSelector('#panel .edge-ends');
    expect(await p.textContent('#panel .panel-title')).toBe(`attacks ${IMG_XSS}`);
    await shot(p, '09-hostile-relation');

    // Nothing from the file became an element, and nothing ran.
    expect(await p.locator('body img, #panel script, #search-results script, header script').count()).toBe(0);
    expect(await p.locator('script').count()).toBe(1);
    expect(await p.evaluate(() => window.__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('refuses a graph parameter that points to another site', async () => {
    const p = await open(sample, '?graph=https://example.com/graph.json');
    expect(await p.getAttribute('#app', 'data-state')).toBe('error');
    expect(await p.textContent('#status')).toContain('relative path on this site');
    expect(problems).toEqual([]);
  });

  it('loads a graph named by a relative graph parameter', async () => {
    const p = await open(sample, '?graph=graph.json&test=1');
    expect(await p.getAttribute('#app', 'data-state')).toBe('ready');
    expect(await p.textContent('#graph-stats')).toBe('7 entities · 5 relations');
    expect(problems).toEqual([]);
  });
});
