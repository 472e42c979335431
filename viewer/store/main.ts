// The store page: starts from the most connected entities, searches the whole archive, and grows the graph one
// neighbourhood at a time (click an entity to expand it), filtered by relation type, document and date. Every
// piece comes from the server's /api/ queries; text from documents is shown as text, never as markup.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { EdgeSummary, EntitySummary, GraphPiece, StoreTestHook } from '../../src/store/api.js';
import './style.css';

type Entity = EntitySummary;
type Edge = EdgeSummary;
type Piece = GraphPiece;

declare global {
  interface Window {
    __kgStore?: StoreTestHook;
  }
}

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
};

const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
const expanded = new Set<string>();
const requests: string[] = [];
const status = byId<HTMLParagraphElement>('status');
const details = byId<HTMLElement>('details');
const relationFilter = byId<HTMLSelectElement>('filter-relation');
const documentFilter = byId<HTMLInputElement>('filter-document');
const fromFilter = byId<HTMLInputElement>('filter-from');
const toFilter = byId<HTMLInputElement>('filter-to');

async function api<T>(name: string, params: Record<string, string | undefined>): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, v);
  const path = `../api/${name}${query.size > 0 ? `?${query}` : ''}`;
  requests.push(path);
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

function filters(): Record<string, string | undefined> {
  return { relation: relationFilter.value, document: documentFilter.value.trim(), from: fromFilter.value, to: toFilter.value };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function entityButton(e: Entity, onPick: (e: Entity) => void): HTMLLIElement {
  const li = element('li');
  const button = element('button');
  button.type = 'button';
  button.dataset.key = e.key;
  button.append(element('span', e.label), document.createTextNode(' '), element('span', `${e.type}${e.degree !== undefined ? ` · ${e.degree} relations` : ` · ${e.mentions} mentions`}`, 'meta'));
  button.addEventListener('click', () => onPick(e));
  li.append(button);
  return li;
}

/** Adds a piece to the graph: new entities placed around the one it was opened from, then a short layout. */
function merge(piece: Piece, around: string): void {
  const centre = graph.hasNode(around) ? graph.getNodeAttributes(around) : { x: 0, y: 0 };
  const fresh = piece.nodes.filter((n) => !graph.hasNode(n.key));
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
    const r = n.key === around ? 0 : 10 + fresh.length;
    graph.addNode(n.key, { label: n.label, color: n.color, size: 4 + Math.min(10, Math.log2(1 + n.mentions) * 2), x: (centre.x as number) + r * Math.cos(angle), y: (centre.y as number) + r * Math.sin(angle), entity: n });
  });
  for (const e of piece.edges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { label: e.label, size: 1 + Math.min(4, Math.log2(e.weight)), color: e.negated ? '#c0392b' : '#8a94a6', edge: e });
  }
  if (graph.order > 1) forceAtlas2.assign(graph, { iterations: 60, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
}

async function expand(key: string): Promise<void> {
  status.textContent = 'Loading…';
  const piece = await api<Piece>('neighbourhood', { key, ...filters() });
  if (!graph.hasNode(key) && piece.nodes.length === 0) {
    status.textContent = 'No such entity in the store.';
    return;
  }
  merge(piece, key);
  expanded.add(key);
  showStatus(piece.truncated);
}

function showStatus(truncated = false): void {
  status.textContent = `${graph.order} entities, ${graph.size} relations shown${truncated ? ' (the last neighbourhood had more relations than were loaded)' : ''}. Click an entity to open its neighbours.`;
}

function showEntity(e: Entity): void {
  details.replaceChildren(element('h2', e.label), element('p', `${e.type} · ${e.mentions} mentions`, 'meta'));
  if (e.aliases.length > 0) details.append(element('p', `Also: ${e.aliases.join(', ')}`));
  if (!graph.hasNode(e.key)) return;
  // Its relations shown now, each a button that opens the evidence (as clicking the edge does).
  const list = element('ul', undefined, 'results relations');
  for (const key of [...graph.edges(e.key)].sort()) {
    const edge = graph.getEdgeAttribute(key, 'edge') as Edge;
    const li = element('li');
    const button = element('button');
    button.type = 'button';
    button.dataset.key = key;
    const label = (k: string) => graph.getNodeAttribute(k, 'label') as string;
    button.append(element('span', `${label(edge.source)} ${edge.label} ${label(edge.target)}`), document.createTextNode(' '), element('span', `${edge.weight} evidence`, 'meta'));
    button.addEventListener('click', () => showEdge(edge));
    li.append(button);
    list.append(li);
  }
  if (list.childElementCount > 0) details.append(element('h3', 'Relations shown'), list);
}

function showEdge(e: Edge): void {
  const source = graph.getNodeAttribute(e.source, 'label') as string;
  const target = graph.getNodeAttribute(e.target, 'label') as string;
  details.replaceChildren(element('h2', `${source} ${e.label} ${target}`));
  const flags = [e.negated ? 'negated' : '', e.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ');
  details.append(element('p', `confidence ${e.confidence.toFixed(2)} · ${e.weight} evidence${flags ? ` · ${flags}` : ''}`, 'meta'));
  for (const ev of e.evidence) {
    const block = element('blockquote', undefined, 'evidence');
    // The trigger is marked inside the sentence when it is found there; everything is text nodes.
    const at = ev.sentence.indexOf(ev.trigger);
    if (ev.trigger !== '' && at >= 0) block.append(document.createTextNode(ev.sentence.slice(0, at)), element('mark', ev.trigger), document.createTextNode(ev.sentence.slice(at + ev.trigger.length)));
    else block.textContent = ev.sentence;
    block.append(element('footer', ev.document, 'meta'));
    details.append(block);
  }
  if (e.weight > e.evidence.length) details.append(element('p', `… and ${e.weight - e.evidence.length} more`, 'meta'));
}

async function reload(): Promise<void> {
  const keys = [...expanded];
  graph.clear();
  expanded.clear();
  for (const k of keys) await expand(k);
  if (keys.length === 0) showStatus();
}

async function main(): Promise<void> {
  const renderer = new Sigma(graph, byId('graph'), { settings: { itemSizesReference: 'screen', renderEdgeLabels: true, enableEdgeEvents: true, labelRenderedSizeThreshold: 0, enableCameraRotation: false, stagePadding: 40 } });
  renderer.on('clickNode', ({ node }) => {
    showEntity(graph.getNodeAttribute(node, 'entity') as Entity);
    void expand(node).then(() => {
      renderer.refresh();
      if (graph.hasNode(node)) showEntity(graph.getNodeAttribute(node, 'entity') as Entity);
    });
  });
  renderer.on('clickEdge', ({ edge }) => showEdge(graph.getEdgeAttribute(edge, 'edge') as Edge));

  const summary = await api<{ name?: string; documents: number; relationTypes: string[] }>('summary', {});
  byId('store-name').textContent = summary.name ?? '';
  byId('store-summary').textContent = `${summary.documents} documents`;
  for (const r of summary.relationTypes) relationFilter.append(new Option(r.replaceAll('_', ' '), r));

  const pick = (e: Entity) => {
    void expand(e.key).then(() => {
      renderer.refresh();
      showEntity(e);
    });
  };
  const top = await api<Entity[]>('top', { n: '15' });
  byId('top-list').replaceChildren(...top.map((e) => entityButton(e, pick)));

  const input = byId<HTMLInputElement>('search-input');
  const results = byId<HTMLUListElement>('search-results');
  let typed = 0;
  input.addEventListener('input', () => {
    const mine = ++typed;
    const q = input.value;
    if (q.trim() === '') {
      results.replaceChildren();
      return;
    }
    void api<Entity[]>('search', { q, n: '12' }).then((found) => {
      if (mine !== typed) return;
      results.replaceChildren(
        ...found.map((e) =>
          entityButton(e, (picked) => {
            results.replaceChildren();
            pick(picked);
          }),
        ),
      );
    });
  });
  documentFilter.addEventListener('input', () => {
    void api<{ id: string; title?: string }[]>('documents', { q: documentFilter.value, n: '20' }).then((docs) => {
      byId('document-list').replaceChildren(...docs.map((d) => new Option(d.title ?? d.id, d.id)));
    });
  });
  for (const f of [relationFilter, documentFilter, fromFilter, toFilter]) f.addEventListener('change', () => void reload().then(() => renderer.refresh()));
  byId('clear-graph').addEventListener('click', () => {
    graph.clear();
    expanded.clear();
    details.replaceChildren();
    showStatus();
  });

  window.__kgStore = {
    nodes: () => graph.nodes().sort(),
    edges: () => graph.edges().sort(),
    expanded: () => [...expanded].sort(),
    nodeViewportPosition: (key) => {
      if (!graph.hasNode(key)) return null;
      const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
      return renderer.graphToViewport({ x, y });
    },
    requests: () => [...requests],
  };

  // Start from the most connected entity.
  if (top.length > 0) await expand(top[0]!.key);
  else status.textContent = 'The store holds no relations yet.';
  renderer.refresh();
  byId('app').dataset.state = 'ready';
}

main().catch((e: Error) => {
  status.textContent = `Could not load: ${e.message}`;
  byId('app').dataset.state = 'error';
});
