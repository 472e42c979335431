// Viewer entry point: finds the graph (inlined, `?graph=`, `./graph.json`, or a dropped file), starts sigma, and wires
// viewer state to sigma's item states, the panels, the filters, the layout worker, the URL and the exports.
import Sigma from 'sigma';
import { ENTITY_TYPES, TYPE_COLORS, type GraphFile } from '../../src/types.js';
import { byId } from './dom.js';
import { downloadBlob, renderViewToPng } from './export-image.js';
import { computeVisibility, filtersActive } from './filters.js';
import { createLayoutController, type LayoutStatus } from './layout.js';
import {
  buildGraph,
  fetchGraphFile,
  parseGraphText,
  readInlineGraph,
  resolveGraphUrl,
  type EdgeAttrs,
  type GraphAttrs,
  type KnowledgeGraph,
  type NodeAttrs,
} from './load.js';
import { createDetailsPanel, mountSearchBox } from './panels.js';
import { buildSearchIndex, type SearchIndex } from './search.js';
import { createSidebar } from './sidebar.js';
import { createStore, INITIAL_STATE, sameFilters, sameSelection, type Selection, type ViewerState } from './state.js';
import { deriveEmphasis, diffSets, NO_EMPHASIS, type Emphasis } from './emphasis.js';
import { BACKGROUND, createStyles, INITIAL_ITEM_STATE, PRIMITIVES, primitivesFor, type ItemViewState } from './styles.js';
import { plural } from './text.js';
import { decodeViewState, encodeViewState, EMPTY_URL_STATE, type UrlViewState } from './url-state.js';
import { createVeil } from './veil.js';
import './style.css';

type Renderer = Sigma<NodeAttrs, EdgeAttrs, GraphAttrs, ItemViewState, ItemViewState, {}, typeof PRIMITIVES>;

/** Read-only probe for the browser tests (`?test=1`): what is on screen and where, nothing that can change it. */
export interface ViewerTestHook {
  nodeViewportPosition(key: string): { x: number; y: number } | null;
  edgeViewportMidpoint(key: string): { x: number; y: number } | null;
  /** The colour in the graph data next to what sigma draws. */
  nodeDisplay(key: string): { dataColor: string; color: string; depth: string; hidden: boolean } | null;
  edgeDisplay(key: string): { depth: string; hidden: boolean; path: string; parallelIndex: number; parallelCount: number } | null;
  veilActive(): boolean;
  displayedEdgeLabels(): string[];
  /** The boxes of the node labels sigma draws this frame, in viewport pixels, with the node's centre and radius. */
  labelBoxes(): LabelBox[];
  /** The text of the short-edge label shown over the graph, or null. */
  edgeTip(): string | null;
  cameraIdle(): boolean;
  layout(): LayoutStatus;
  /** Main-thread milliseconds of the last emphasis change (viewer state → sigma item states) and of the last frame. */
  timings(): { emphasis: number; render: number };
}

export interface LabelBox {
  key: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  nodeX: number;
  nodeY: number;
  radius: number;
}

declare global {
  interface Window {
    __kgViewer?: ViewerTestHook;
  }
}

/** Above this many relations, edges are not hover- or clickable on the canvas (see enableEdgeEvents below). */
const EDGE_EVENTS_MAX_EDGES = 20_000;

/** Up to this many entities every label is shown. */
const SMALL_GRAPH_NODES = 200;

const TEST_MODE = new URLSearchParams(window.location.search).get('test') === '1';

interface Mounted {
  destroy(): void;
}

function main(): void {
  const app = byId('app');
  const status = byId('status');
  let current: Mounted | null = null;

  const showError = (message: string): void => {
    status.textContent = message;
    status.hidden = false;
    status.classList.add('status-error');
    status.setAttribute('role', 'alert');
    app.dataset.state = 'error';
  };

  const show = (file: GraphFile, fromUrl: boolean): void => {
    current?.destroy();
    current = null;
    status.classList.remove('status-error');
    status.setAttribute('role', 'status');
    status.textContent = file.nodes.length === 0 ? 'This graph has no entities.' : '';
    status.hidden = file.nodes.length !== 0;
    // Mounting applies the filters, which may say that nothing matches them.
    current = mountGraph(app, file, fromUrl ? decodeViewState(window.location.hash) : EMPTY_URL_STATE);
    app.dataset.state = 'ready';
  };

  const openFile = async (file: File): Promise<void> => {
    try {
      const warnings = new Map<string, number>();
      const graph = parseGraphText(await file.text(), file.name, warnings);
      // The old view state belongs to the old graph.
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
      show(graph, false);
      // What was adapted to read it, as `kg` says it on stderr (the count of each kind).
      const adapted = [...warnings].map(([what, n]) => `${n} ${what}`);
      toast(adapted.length === 0 ? `Opened ${file.name}` : `Opened ${file.name}: ${adapted.join('; ')}`);
    } catch (error) {
      toast(`Could not open ${file.name}: ${message(error)}`, true);
    }
  };
  setUpFileOpening(openFile);

  try {
    const inline = readInlineGraph(document);
    if (inline !== null) {
      show(inline, true);
      return;
    }
  } catch (error) {
    showError(`Could not open the graph: ${message(error)}`);
    return;
  }
  let url: URL;
  try {
    url = resolveGraphUrl(window.location.href);
  } catch (error) {
    showError(`Could not open the graph: ${message(error)}`);
    return;
  }
  fetchGraphFile(url).then(
    (file) => show(file, true),
    (error: unknown) => showError(`Could not open the graph: ${message(error)}`),
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(text: string, isError = false): void {
  const element = byId('toast');
  element.textContent = text;
  element.classList.toggle('toast-error', isError);
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (element.hidden = true), isError ? 6000 : 2500);
}

/** The file picker and drag-and-drop: set up once, whatever graph is shown. */
function setUpFileOpening(openFile: (file: File) => Promise<void>): void {
  const input = byId<HTMLInputElement>('file-input');
  byId('open-file').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void openFile(file);
    input.value = '';
  });
  const overlay = byId('drop-overlay');
  let depth = 0;
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
  window.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void openFile(file);
  });
}

function mountGraph(app: HTMLElement, file: GraphFile, initial: UrlViewState): Mounted {
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  const { graph, placement } = buildGraph(file);
  const name = file.attributes.name;
  byId('graph-name').textContent = name;
  document.title = name !== '' ? `${name} · Knowledge graph` : 'Knowledge graph';

  const selection = validSelection(graph, initial.selection);
  const store = createStore({ ...INITIAL_STATE, selection, filters: initial.filters, search: initial.search });

  const veil = createVeil(BACKGROUND, 0.8);
  const small = graph.order <= SMALL_GRAPH_NODES;
  const container = byId('graph');
  const renderer: Renderer = new Sigma(graph, container, {
    primitives: primitivesFor(graph),
    styles: createStyles(graph),
    customNodeState: INITIAL_ITEM_STATE,
    customEdgeState: INITIAL_ITEM_STATE,
    settings: {
      itemSizesReference: 'screen',
      renderEdgeLabels: true,
      // Edge picking draws every edge a second time each frame: on very large graphs relations are picked from the panel.
      enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
      enableCameraRotation: false,
      stagePadding: 40,
      // The default picture frames the labels too (small graphs: large ones show few labels at that zoom), and
      // keeps doing so when the panels narrow the graph area.
      autoRescaleContent: small ? 'labels' : 'nodes',
      // Small graphs show every label; large ones let sigma's label grid pick by size as the camera zooms.
      labelDensity: small ? 1e6 : 0.7,
      labelRenderedSizeThreshold: small ? 0 : 6,
      // Zooming in enlarges nodes a little (at most 1.5×) instead of in proportion, so neighbourhoods stay legible.
      zoomToSizeRatioFunction: (ratio) => Math.max(Math.sqrt(ratio), 2 / 3),
      minCameraRatio: 0.02,
      maxCameraRatio: 8,
      zoomDuration: 200,
    },
  });
  renderer.addCustomLayerProgram('veil', 'veil', (gl) => veil.factory(gl));
  const camera = renderer.getCamera();
  if (initial.camera !== null) camera.setState(initial.camera);
  markFirstFrame(renderer.getWebGLContext());

  // ---- view: filters and emphasis become sigma item states ----
  let hiddenNodes: ReadonlySet<string> = new Set();
  let hiddenEdges: ReadonlySet<string> = new Set();
  let emphasis: Emphasis = NO_EMPHASIS;

  const statsLine = byId('graph-stats');
  const sidebar = createSidebar(byId('filters'), {
    graph,
    documents: file.attributes.documents,
    setFilters: (update) => store.update({ filters: update(store.get().filters) }),
  });

  const applyFilters = (state: ViewerState): void => {
    const next = computeVisibility(graph, state.filters);
    const nodes = diffSets(hiddenNodes, next.hiddenNodes);
    const edges = diffSets(hiddenEdges, next.hiddenEdges);
    if (nodes.on.length > 0) renderer.setNodesState(nodes.on, { isHidden: true });
    if (nodes.off.length > 0) renderer.setNodesState(nodes.off, { isHidden: false });
    if (edges.on.length > 0) renderer.setEdgesState(edges.on, { isHidden: true });
    if (edges.off.length > 0) renderer.setEdgesState(edges.off, { isHidden: false });
    hiddenNodes = next.hiddenNodes;
    hiddenEdges = next.hiddenEdges;
    sidebar.update(state.filters, next);
    statsLine.textContent = filtersActive(state.filters)
      ? `${next.visibleNodes} of ${plural(graph.order, 'entity', 'entities')} · ${next.visibleEdges} of ${plural(graph.size, 'relation', 'relations')}`
      : `${plural(graph.order, 'entity', 'entities')} · ${plural(graph.size, 'relation', 'relations')}`;
    // Filters that leave nothing on screen say so, instead of a blank canvas.
    const status = byId('status');
    if (graph.order > 0) {
      const empty = next.visibleNodes === 0;
      status.textContent = empty ? 'Nothing matches the filters: switch some back on in the left column.' : '';
      status.hidden = !empty;
    }
  };

  // ---- the label of a hovered or selected relation whose edge is too short for sigma to print it ----
  const tip = document.createElement('div');
  tip.className = 'edge-tip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  container.append(tip);
  const placeTip = (): void => {
    const state = store.get();
    const edge = state.hoveredEdge ?? (state.selection?.kind === 'edge' ? state.selection.key : null);
    const shown = edge !== null && graph.hasEdge(edge) && !hiddenEdges.has(edge) ? shortEdgeTip(renderer, graph, edge) : null;
    if (shown === null) {
      tip.hidden = true;
      return;
    }
    tip.textContent = shown.text;
    tip.style.left = `${Math.round(shown.x)}px`;
    tip.style.top = `${Math.round(shown.y)}px`;
    tip.hidden = false;
  };

  const timings = { emphasis: 0, render: 0 };
  let renderStart = 0;
  renderer.on('beforeRender', () => (renderStart = performance.now()));
  renderer.on('afterRender', () => {
    timings.render = performance.now() - renderStart;
    placeTip();
  });

  const applyEmphasis = (state: ViewerState): void => {
    const started = performance.now();
    const next = deriveEmphasis(graph, state, hiddenNodes, hiddenEdges);
    const nodes = diffSets(emphasis.nodes, next.nodes);
    const edges = diffSets(emphasis.edges, next.edges);
    if (nodes.off.length > 0) renderer.setNodesState(nodes.off, { focus: false });
    if (nodes.on.length > 0) renderer.setNodesState(nodes.on, { focus: true });
    if (edges.off.length > 0) renderer.setEdgesState(edges.off, { focus: false });
    if (edges.on.length > 0) renderer.setEdgesState(edges.on, { focus: true });
    if (emphasis.highlightNode !== next.highlightNode) {
      if (emphasis.highlightNode !== null && graph.hasNode(emphasis.highlightNode)) renderer.setNodeState(emphasis.highlightNode, { isHighlighted: false });
      if (next.highlightNode !== null) renderer.setNodeState(next.highlightNode, { isHighlighted: true });
    }
    if (emphasis.highlightEdge !== next.highlightEdge) {
      if (emphasis.highlightEdge !== null && graph.hasEdge(emphasis.highlightEdge)) renderer.setEdgeState(emphasis.highlightEdge, { isHighlighted: false });
      if (next.highlightEdge !== null) renderer.setEdgeState(next.highlightEdge, { isHighlighted: true });
    }
    const changed = next !== emphasis || veil.isActive() !== next.active;
    emphasis = next;
    veil.setActive(next.active);
    if (changed) renderer.scheduleRender();
    timings.emphasis = performance.now() - started;
  };

  // ---- panel, search ----
  const documents = new Map(file.attributes.documents.map((doc) => [doc.id, doc]));
  const select = (next: Selection | null, options: { focus?: boolean } = {}): void => {
    store.update({ selection: next });
    if (options.focus === true && next?.kind === 'node') focusNode(renderer, graph, next.key);
  };
  const panel = createDetailsPanel(byId('panel'), app, { graph, documents, select, isEdgeHidden: (edge) => hiddenEdges.has(edge) });

  const input = byId<HTMLInputElement>('search-input');
  input.value = initial.search;
  let searchIndex: SearchIndex | null = null;
  // Built on first use: folding every label and alias of a large graph need not delay its first frame.
  const lazyIndex: SearchIndex = { search: (query, limit) => (searchIndex ??= buildSearchIndex(graph)).search(query, limit) };
  const pickResult = (key: string): void => {
    store.update({ search: input.value });
    select({ kind: 'node', key }, { focus: true });
  };
  mountSearchBox(input, byId<HTMLUListElement>('search-results'), lazyIndex, pickResult, signal);
  input.addEventListener('input', () => store.update({ search: input.value }), { signal });
  input.disabled = false;

  // ---- URL: the view state a copied link reopens ----
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = (): void => {
    clearTimeout(urlTimer);
    const state = store.get();
    const { x, y, ratio } = camera.getState();
    const fragment = encodeViewState({ selection: state.selection, search: state.search, filters: state.filters, camera: { x, y, ratio } });
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${fragment}`);
  };
  const scheduleUrl = (delay = 250): void => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, delay);
  };
  camera.on('updated', () => scheduleUrl(400));

  store.subscribe((state, previous) => {
    const filtersChanged = !sameFilters(state.filters, previous.filters);
    const selectionChanged = !sameSelection(state.selection, previous.selection);
    if (filtersChanged) applyFilters(state);
    if (filtersChanged || selectionChanged || state.hoveredNode !== previous.hoveredNode) applyEmphasis(state);
    if (filtersChanged || selectionChanged) panel.show(state.selection);
    if (filtersChanged || selectionChanged || state.search !== previous.search) scheduleUrl();
  });

  renderer.on('enterNode', ({ node }) => store.update({ hoveredNode: node }));
  renderer.on('leaveNode', () => store.update({ hoveredNode: null }));
  renderer.on('enterEdge', ({ edge }) => {
    store.update({ hoveredEdge: edge });
    placeTip();
  });
  renderer.on('leaveEdge', () => {
    store.update({ hoveredEdge: null });
    placeTip();
  });
  renderer.on('clickNode', ({ node }) => select({ kind: 'node', key: node }));
  renderer.on('clickEdge', ({ edge }) => select({ kind: 'edge', key: edge }));
  renderer.on('clickStage', () => select(null));

  // The panel and the sidebar take room from the graph rather than covering it: follow the container's size
  // (sigma reads it at each render; the observer's first call only reports the size sigma started with).
  // After "fit" the camera is where the viewer put it: a change of size (a panel opening) fits again, so that no
  // label is cut at the new edge. At the home view sigma's own framing does that; once the reader has moved the
  // camera, their view is kept.
  let refitOnResize = false;
  let fitting = false;
  const refit = (): void => {
    fitting = true;
    fitView(renderer, graph, hiddenNodes, () => (fitting = false));
  };
  // Sigma's framing of the labels stops after a few rounds of its fixed point and does not follow labels a selection
  // enlarges: at the home view the camera steps back just enough for every label to stay inside.
  let homeView = true;
  let adjusting = false;
  camera.on('updated', () => {
    if (!fitting) refitOnResize = false;
    if (!fitting && !adjusting) homeView = false;
  });
  const keepLabelsInside = (): void => {
    const { width, height } = renderer.getDimensions();
    const ratio = labelRoomRatio(labelBoxesOf(renderer, graph), width, height);
    if (ratio <= 1) return;
    adjusting = true;
    camera.setState({ ratio: camera.getState().ratio * ratio });
    adjusting = false;
  };
  // (Checked after every frame: a selection enlarges the labels it emphasises after the resize has been framed.)
  if (small) renderer.on('afterRender', () => {
    if (homeView && !fitting && !adjusting) keepLabelsInside();
  });
  let observed = false;
  const resizeObserver = new ResizeObserver(() => {
    if (observed) {
      if (refitOnResize) refit();
      else renderer.scheduleRender();
    }
    observed = true;
  });
  resizeObserver.observe(container);

  on('zoom-in', 'click', () => void camera.zoomIn({ duration: 200 }));
  on('zoom-out', 'click', () => void camera.zoomOut({ duration: 200 }));
  on('zoom-reset', 'click', () => {
    refit();
    refitOnResize = true;
  });

  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
        input.select();
      } else if (event.key === 'Escape' && store.get().selection !== null) {
        select(null);
      }
    },
    { signal },
  );

  // ---- layout ----
  const layoutButton = byId<HTMLButtonElement>('layout-toggle');
  const layoutStatus = byId('layout-status');
  const layout = createLayoutController(graph, (s) => {
    layoutButton.textContent = s.running ? 'Stop layout' : 'Run layout';
    layoutButton.setAttribute('aria-pressed', String(s.running));
    layoutStatus.textContent = s.running
      ? `Layout running · ${Math.round(s.elapsed / 1000)} s`
      : s.reason === 'converged'
        ? `Layout settled after ${(s.elapsed / 1000).toFixed(1)} s`
        : s.reason === 'time-limit'
          ? `Layout stopped at the ${Math.round(s.elapsed / 1000)} s limit`
          : s.reason === 'stopped'
            ? 'Layout stopped'
            : '';
  });
  layoutButton.disabled = graph.order === 0;
  layoutButton.textContent = 'Run layout';
  layoutStatus.textContent = '';
  on('layout-toggle', 'click', () => (layout.status().running ? layout.stop() : layout.start()));
  if (placement === 'random') layout.start();

  // ---- sharing and export ----
  const copyButton = byId<HTMLButtonElement>('copy-link');
  copyButton.disabled = false;
  on('copy-link', 'click', () => {
    writeUrl();
    const href = window.location.href;
    navigator.clipboard?.writeText(href).then(
      () => toast('Link to this view copied'),
      () => toast('Copy the address from the address bar: it holds this view'),
    ) ?? toast('Copy the address from the address bar: it holds this view');
  });
  const pngButton = byId<HTMLButtonElement>('export-png');
  pngButton.disabled = graph.order === 0;
  on('export-png', 'click', () => {
    const scale = Number(byId<HTMLSelectElement>('png-scale').value) || 1;
    pngButton.disabled = true;
    // The picture names its graph and the colours of the entity types it shows.
    const shown = new Set<string>();
    graph.forEachNode((node, attrs) => {
      if (!hiddenNodes.has(node)) shown.add(attrs.type);
    });
    const legend = ENTITY_TYPES.filter((t) => shown.has(t)).map((t) => ({ label: t, color: TYPE_COLORS[t] }));
    renderViewToPng(renderer, scale, BACKGROUND, { title: name, legend })
      .then((blob) => downloadBlob(blob, `${(name || 'graph').replace(/[^\p{L}\p{N}._-]+/gu, '-')}@${scale}x.png`))
      .catch((error: unknown) => toast(`Could not export the image: ${message(error)}`, true))
      .finally(() => (pngButton.disabled = false));
  });

  const sidebarButton = byId('toggle-sidebar');
  // On a phone the sidebar would cover the graph: it starts closed there.
  if (window.matchMedia('(max-width: 600px)').matches) {
    app.dataset.sidebar = 'closed';
    sidebarButton.setAttribute('aria-expanded', 'false');
  }
  on('toggle-sidebar', 'click', () => {
    const open = app.dataset.sidebar !== 'open';
    app.dataset.sidebar = open ? 'open' : 'closed';
    sidebarButton.setAttribute('aria-expanded', String(open));
  });

  // ---- initial state: filters, selection, camera from the URL ----
  applyFilters(store.get());
  applyEmphasis(store.get());
  panel.show(store.get().selection);
  if (selection?.kind === 'node' && initial.camera === null) focusNode(renderer, graph, selection.key);

  if (TEST_MODE) window.__kgViewer = Object.freeze(createTestHook(renderer, graph, veil.isActive, () => layout.status(), () => ({ ...timings })));

  function on(id: string, event: string, handler: () => void): void {
    byId(id).addEventListener(event, handler, { signal });
  }

  return {
    destroy() {
      lifetime.abort();
      clearTimeout(urlTimer);
      layout.kill();
      resizeObserver.disconnect();
      renderer.kill();
      container.replaceChildren();
      panel.show(null);
      input.value = '';
    },
  };
}

/**
 * Sigma draws its first frame synchronously in its constructor; reading one pixel back waits until the GPU
 * has really drawn it. The mark is what `npm run bench` compares with the bare sigma page (which does the same).
 */
function markFirstFrame(gl: WebGL2RenderingContext): void {
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  performance.mark('kg-first-frame');
}

function validSelection(graph: KnowledgeGraph, selection: Selection | null): Selection | null {
  if (selection === null) return null;
  if (selection.kind === 'node') return graph.hasNode(selection.key) ? selection : null;
  return graph.hasEdge(selection.key) ? selection : null;
}

/** Moves the camera so that every visible node fits the graph area as it is now (the panels may have narrowed it). */
function fitView(renderer: Renderer, graph: KnowledgeGraph, hidden: ReadonlySet<string>, done: () => void = () => {}): void {
  const home = { cameraState: { x: 0.5, y: 0.5, angle: 0, ratio: 1 } };
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((node, attrs) => {
    if (hidden.has(node)) return;
    const p = renderer.graphToViewport(attrs, home);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  });
  const camera = renderer.getCamera();
  if (!Number.isFinite(minX)) {
    void camera.reset({ duration: 300 }).then(done);
    return;
  }
  const { width, height } = renderer.getDimensions();
  // Room for the labels, which sit to the right of their nodes.
  const [left, right, vertical] = [40, 140, 40];
  const ratio = Math.max(1, (maxX - minX + left + right) / width, (maxY - minY + 2 * vertical) / height);
  const center = renderer.viewportToFramedGraph({ x: (minX - left + maxX + right) / 2, y: (minY + maxY) / 2 }, home);
  void camera.animate({ x: center.x, y: center.y, ratio, angle: 0 }, { duration: 300 }).then(done);
}

/** Pixels per character of an edge label at its 11 px size, with room for the arrow head. */
const EDGE_LABEL_CHAR_PX = 6.5;
const EDGE_LABEL_ROOM_PX = 16;

/**
 * Where and what to print for a relation whose edge on screen is shorter than its label (sigma leaves such labels
 * out): its midpoint (above the node for a self-loop) and the label; null when sigma prints the label itself.
 */
function shortEdgeTip(renderer: Renderer, graph: KnowledgeGraph, edge: string): { text: string; x: number; y: number } | null {
  const [source, target] = graph.extremities(edge);
  const text = graph.getEdgeAttribute(edge, 'label') || graph.getEdgeAttribute(edge, 'relation');
  const s = renderer.graphToViewport(graph.getNodeAttributes(source));
  const t = renderer.graphToViewport(graph.getNodeAttributes(target));
  const size = (node: string) => renderer.getNodeDisplayData(node)?.size ?? 0;
  if (source === target) return { text, x: s.x, y: s.y - size(source) * 3 };
  const body = Math.hypot(t.x - s.x, t.y - s.y) - size(source) - size(target);
  if (body >= text.length * EDGE_LABEL_CHAR_PX + EDGE_LABEL_ROOM_PX) return null;
  return { text, x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
}

/** Moves the camera so that a node and its neighbours fill the view, never zooming in further than needed. */
function focusNode(renderer: Renderer, graph: KnowledgeGraph, key: string): void {
  if (!graph.hasNode(key)) return;
  const points = [key, ...graph.neighbors(key)].map((node) => renderer.graphToFramedGraph(graph.getNodeAttributes(node)));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // The whole graph spans about 1 in framed coordinates at ratio 1: a neighbourhood of width w needs ratio ~w.
  const ratio = Math.min(1, Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 1.4));
  void renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400, easing: 'quadraticInOut' });
}

/** Sigma's own label boxes (the ones its framing uses) of the labels drawn, placed at their nodes on screen. */
function labelBoxesOf(renderer: Renderer, graph: KnowledgeGraph): LabelBox[] {
  const labels = (renderer as unknown as { labelRenderer: { nodeLabelBox(data: unknown, radius: number): { minX: number; maxX: number; minY: number; maxY: number } | null } }).labelRenderer;
  return [...renderer.getNodeDisplayedLabels()].sort().flatMap((key) => {
    const data = renderer.getNodeDisplayData(key);
    if (data === undefined) return [];
    const radius = renderer.scaleSize(data.size);
    const box = labels.nodeLabelBox(data, radius);
    if (box === null) return [];
    const at = renderer.graphToViewport(graph.getNodeAttributes(key));
    return [{ key, x0: at.x + box.minX, x1: at.x + box.maxX, y0: at.y + box.minY, y1: at.y + box.maxY, nodeX: at.x, nodeY: at.y, radius }];
  });
}

/**
 * How much the camera must zoom out (a ratio above 1) for every label box to lie inside the area: node positions
 * shrink towards the centre, labels keep their size in pixels. 1 when all fit already.
 */
export function labelRoomRatio(boxes: readonly LabelBox[], width: number, height: number, margin = 2): number {
  const [cx, cy] = [width / 2, height / 2];
  let ratio = 1;
  const need = (offset: number, outward: number, half: number) => {
    // The node at `offset` from the centre, its box reaching `outward` pixels further: offset / r + outward ≤ half.
    const room = half - margin - outward;
    if (offset > 0 && room > 0 && offset / room > ratio) ratio = offset / room;
  };
  for (const b of boxes) {
    need(b.nodeX - cx, b.x1 - b.nodeX, cx);
    need(cx - b.nodeX, b.nodeX - b.x0, cx);
    need(b.nodeY - cy, b.y1 - b.nodeY, cy);
    need(cy - b.nodeY, b.nodeY - b.y0, cy);
  }
  return ratio;
}

function createTestHook(
  renderer: Renderer,
  graph: KnowledgeGraph,
  veilActive: () => boolean,
  layout: () => LayoutStatus,
  timings: () => { emphasis: number; render: number },
): ViewerTestHook {
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
    nodeDisplay(key) {
      const data = graph.hasNode(key) ? renderer.getNodeDisplayData(key) : undefined;
      if (data === undefined) return null;
      return { dataColor: graph.getNodeAttribute(key, 'color'), color: data.color, depth: data.depth, hidden: data.visibility === 'hidden' };
    },
    edgeDisplay(key) {
      const data = graph.hasEdge(key) ? renderer.getEdgeDisplayData(key) : undefined;
      if (data === undefined) return null;
      const state = renderer.getEdgeState(key);
      return {
        depth: data.depth,
        hidden: data.visibility === 'hidden',
        path: state.parallelCount > 1 ? (data.parallelPath ?? '') : (data.path ?? ''),
        parallelIndex: state.parallelIndex,
        parallelCount: state.parallelCount,
      };
    },
    veilActive,
    displayedEdgeLabels: () => [...renderer.getEdgeDisplayedLabels()].sort(),
    labelBoxes() {
      return labelBoxesOf(renderer, graph);
    },
    edgeTip() {
      const tip = document.querySelector<HTMLElement>('.edge-tip');
      return tip === null || tip.hidden ? null : tip.textContent;
    },
    cameraIdle: () => !renderer.getCamera().isAnimating(),
    layout,
    timings,
  };
}

main();
