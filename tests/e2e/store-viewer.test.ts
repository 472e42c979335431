// The store page of `kg view --store` in Debian's Chromium: it starts from the most connected entity, grows the
// graph by clicks and search, filters by relation, shows evidence as text (hostile markup stays inert), and asks
// only for pieces: never for a whole graph.
/// <reference lib="dom" />
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../src/cli/serve.js';
import { GraphStore } from '../../src/store/index.js';
import { StoreQueries } from '../../src/store/query.js';
import { kg, tempDir } from '../cli/helpers.js';
import { storeCorpus } from '../store/corpus.js';
import type { StoreTestHook } from '../../src/store/api.js';

const CHROMIUM = process.env.KG_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 150_000;

declare global {
  interface Window {
    __kgStore?: StoreTestHook;
    __pwned?: unknown;
  }
}

describe('store page in Chromium', () => {
  let browser: Browser;
  let server: ViewerServer;
  let store: GraphStore;
  let queries: StoreQueries;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set KG_CHROMIUM.`);
    const dir = tempDir();
    const corpus = join(dir, 'corpus.jsonl');
    const hostile = {
      id: 'hostile',
      lang: 'nb',
      date: '2026-04-01',
      text: 'Danmark kritiserer Polen for angrepet <img src=x onerror="window.__pwned=1">. Danmark støtter Polen <script>window.__pwned=1</script>.',
    };
    writeFileSync(corpus, [...storeCorpus(30, 5), hostile].map((d) => JSON.stringify(d)).join('\n') + '\n');
    const url = join(dir, 'store.sqlite');
    const built = kg(['build', corpus, '--store', url, '--name', 'e2e archive', '--jobs', '2']);
    expect(built.code, built.stderr).toBe(0);
    store = await GraphStore.open(url, { create: false });
    queries = new StoreQueries(store);
    server = await serveViewer({ store: queries });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('#app[data-state="ready"]', { timeout: 60_000 });
    expect(errors).toEqual([]);
    return page;
  }

  it(
    'starts from the most connected entity and grows by clicks, search and filters',
    async () => {
      const page = await open();
      const top = await queries.top(15);
      const first = await queries.neighbourhood(top[0]!.key);
      expect(await page.evaluate(() => window.__kgStore!.expanded())).toEqual([top[0]!.key]);
      expect(await page.evaluate(() => window.__kgStore!.nodes())).toEqual(first.nodes.map((n) => n.key));
      expect(await page.textContent('#store-name')).toBe('e2e archive');
      expect(await page.textContent('#store-summary')).toBe('31 documents');
      expect(await page.locator('#top-list button').count()).toBe(top.length);

      // Clicking an entity on the canvas opens its neighbourhood too.
      const other = first.nodes.find((n) => n.key !== top[0]!.key)!;
      const at = await page.evaluate((k) => window.__kgStore!.nodeViewportPosition(k), other.key);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.click(box.x + at!.x, box.y + at!.y);
      await page.waitForFunction((k) => window.__kgStore!.expanded().includes(k), other.key, { timeout: 30_000 });
      expect(await page.textContent('#details h2')).toBe(other.label);
      const second = await queries.neighbourhood(other.key);
      const expected = new Set([...first.nodes, ...second.nodes].map((n) => n.key));
      expect(await page.evaluate(() => window.__kgStore!.nodes())).toEqual([...expected].sort());

      // Search finds an entity anywhere in the archive and adds its neighbourhood.
      await page.fill('#search-input', 'polen');
      await page.locator('#search-results button[data-key="poland"]').click();
      await page.waitForFunction(() => window.__kgStore!.expanded().includes('poland'), undefined, { timeout: 30_000 });

      // A relation filter loads the open neighbourhoods again with that relation only.
      await page.selectOption('#filter-relation', 'supports');
      await page.waitForFunction(() => window.__kgStore!.requests().some((r) => r.includes('relation=supports')), undefined, { timeout: 30_000 });
      await page.waitForFunction(() => window.__kgStore!.expanded().length === 3, undefined, { timeout: 30_000 });
      const edges = await page.evaluate(() => window.__kgStore!.edges());
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.every((e) => e.includes('->supports->'))).toBe(true);

      // Only pieces were asked for.
      const requests = await page.evaluate(() => window.__kgStore!.requests());
      expect(requests.every((r) => /^\.\.\/api\/(summary|top|neighbourhood|search|documents)(\?|$)/.test(r))).toBe(true);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'shows evidence with markup from the documents as text',
    async () => {
      const page = await open();
      await page.fill('#search-input', 'danmark');
      await page.locator('#search-results button[data-key="denmark"]').click();
      await page.waitForFunction(() => window.__kgStore!.expanded().includes('denmark'), undefined, { timeout: 30_000 });
      const key = 'denmark->criticizes->poland';
      expect(await page.evaluate(() => window.__kgStore!.edges())).toContain(key);
      // The entity's panel lists its relations; one opens the evidence.
      await page.locator(`#details .relations button[data-key="${key}"]`).click();
      await page.waitForSelector('#details blockquote', { timeout: 30_000 });
      const quotes = await page.locator('#details blockquote').allTextContents();
      expect(quotes.some((q) => q.includes('<img src=x onerror="window.__pwned=1">'))).toBe(true);
      expect(await page.locator('#details img, #details script').count()).toBe(0);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      await page.close();
    },
    TIMEOUT,
  );
});
