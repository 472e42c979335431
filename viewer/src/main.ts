// Viewer entry point: loads the graph, starts sigma, and wires viewer state to the renderer, the panels and the search box.
import Sigma from 'sigma';
import type { DocumentMeta, GraphFile } from '../../src/types.js';
import { byId } from './dom.js';
import { buildGraph, fetchGraphFile, resolveGraphUrl, type EdgeAttrs, type GraphAttrs, type KnowledgeGraph, type NodeAttrs } from './load.js';
import { createDetailsPanel, mountSearchBox, renderLegend } from './panels.js';
import { createEdgeReducer, createNodeReducer, deriveEmphasis, NO_EMPHASIS, PRIMITIVES, STYLES } from './reducers.js';
import { buildSearchIndex } from './search.js';
import { createStore, sameSelection, type Selection } from './state.js';
import { plural } from './text.js';
import './style.css';

type Renderer = Sigma<NodeAttrs, EdgeAttrs, GraphAttrs>;

/** Read-only probe for the browser tests (`?test=1`): where things are on screen, nothing that can change them. */
export interface ViewerTestHook {
  nodeViewportPosition(key: string): { x: number; y: number } | null;
  edgeViewportMidpoint(key: string): { x: number; y: number } | null;
  /** The colour in the graph data next to the colour sigma draws (after the reducers). */
  nodeColors(key: string): { data: string; displayed: string | null } | null;
  cameraIdle(): boolean;
}

declare global {
  interface Window {
    __kgViewer?: ViewerTestHook;
  }
}

async function main(): Promise<void> {
  const app = byId('app');
  const status = byId('status');
  try {
    const file = await fetchGraphFile(resolveGraphUrl(window.location.href));
    const graph = buildGraph(file);
    startViewer(app, file, graph);
    status.textContent = graph.order === 0 ? 'This graph has no entities.' : '';
    status.hidden = graph.order !== 0;
    app.dataset.state = 'ready';
  } catch (error) {
    status.textContent = `Could not open the graph: ${error instanceof Error ? error.message : String(error)}`;
    status.classList.add('status-error');
    status.setAttribute('role', 'alert');
    app.dataset.state = 'error';
  }
}

function startViewer(app: HTMLElement, file: GraphFile, graph: KnowledgeGraph): void {
  const name = file.attributes.name;
  byId('graph-name').textContent = name;
  if (name !== '') document.title = `${name} · Knowledge graph`;
  byId('graph-stats').textContent = `${plural(graph.order, 'entity', 'entities')} · ${plural(graph.size, 'relation', 'relations')}`;

  const store = createStore();
  let emphasis = NO_EMPHASIS;
  const container = byId('graph');
  const renderer: Renderer = new Sigma(graph, container, {
    primitives: PRIMITIVES,
    styles: STYLES,
    nodeReducer: createNodeReducer(() => emphasis),
    edgeReducer: createEdgeReducer(() => emphasis),
    settings: {
      itemSizesReference: 'screen',
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      enableCameraRotation: false,
      stagePadding: 48,
      labelDensity: 0.8,
      labelRenderedSizeThreshold: 4,
      minCameraRatio: 0.05,
      maxCameraRatio: 6,
      zoomDuration: 200,
    },
  });

  const documents = new Map<string, DocumentMeta>(file.attributes.documents.map((doc) => [doc.id, doc]));
  const select = (selection: Selection | null, options: { focus?: boolean } = {}): void => {
    store.update({ selection });
    if (options.focus === true && selection?.kind === 'node') focusNode(renderer, graph, selection.key);
  };
  const panel = createDetailsPanel(byId('panel'), app, { graph, documents, select });

  store.subscribe((state, previous) => {
    emphasis = deriveEmphasis(graph, state);
    renderer.scheduleRefresh();
    if (!sameSelection(state.selection, previous.selection)) panel.show(state.selection);
  });

  renderer.on('enterNode', ({ node }) => store.update({ hoveredNode: node }));
  renderer.on('leaveNode', () => store.update({ hoveredNode: null }));
  renderer.on('enterEdge', ({ edge }) => store.update({ hoveredEdge: edge }));
  renderer.on('leaveEdge', () => store.update({ hoveredEdge: null }));
  renderer.on('clickNode', ({ node }) => select({ kind: 'node', key: node }));
  renderer.on('clickEdge', ({ edge }) => select({ kind: 'edge', key: edge }));
  renderer.on('clickStage', () => select(null));

  // The panel takes room from the graph rather than covering it: follow the container's size.
  new ResizeObserver(() => renderer.scheduleRefresh()).observe(container);

  const camera = renderer.getCamera();
  byId('zoom-in').addEventListener('click', () => void camera.zoomIn({ duration: 200 }));
  byId('zoom-out').addEventListener('click', () => void camera.zoomOut({ duration: 200 }));
  byId('zoom-reset').addEventListener('click', () => void camera.reset({ duration: 300 }));

  const input = byId<HTMLInputElement>('search-input');
  mountSearchBox(input, byId<HTMLUListElement>('search-results'), buildSearchIndex(graph), (key) =>
    select({ kind: 'node', key }, { focus: true }),
  );
  input.disabled = false;

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && store.get().selection !== null) select(null);
  });

  renderLegend(byId('legend'), graph);

  if (new URLSearchParams(window.location.search).get('test') === '1') {
    window.__kgViewer = Object.freeze(createTestHook(renderer, graph));
  }
}

/** Moves the camera so that a node and its neighbours fill the view, never zooming in further than needed. */
function focusNode(renderer: Renderer, graph: KnowledgeGraph, key: string): void {
  if (!graph.hasNode(key)) return;
  const points = [key, ...graph.neighbors(key)].map((node) => renderer.graphToFramedGraph(graph.getNodeAttributes(node)));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The whole graph spans about 1 in framed coordinates at ratio 1: a neighbourhood of width w needs ratio ~w.
  const ratio = Math.min(1, Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 1.25));
  void renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400, easing: 'quadraticInOut' });
}

function createTestHook(renderer: Renderer, graph: KnowledgeGraph): ViewerTestHook {
  const toViewport = (x: number, y: number): { x: number; y: number } => renderer.graphToViewport({ x, y });
  return {
    nodeViewportPosition(key) {
      if (!graph.hasNode(key)) return null;
      const { x, y } = graph.getNodeAttributes(key);
      return toViewport(x, y);
    },
    edgeViewportMidpoint(key) {
      if (!graph.hasEdge(key)) return null;
      const [source, target] = graph.extremities(key).map((node) => graph.getNodeAttributes(node));
      return toViewport((source!.x + target!.x) / 2, (source!.y + target!.y) / 2);
    },
    nodeColors(key) {
      if (!graph.hasNode(key)) return null;
      return { data: graph.getNodeAttribute(key, 'color'), displayed: renderer.getNodeDisplayData(key)?.color ?? null };
    },
    cameraIdle: () => !renderer.getCamera().isAnimating(),
  };
}

void main();
