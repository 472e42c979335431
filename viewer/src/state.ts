// Viewer state (hover, selection, filters, search) in one small store: the only place interaction is recorded; the graph data is never edited.

export type Selection = { readonly kind: 'node'; readonly key: string } | { readonly kind: 'edge'; readonly key: string };

/** What the filters hide. Sets list what is switched off, so types a graph adds later show by default. */
export interface Filters {
  readonly hiddenTypes: ReadonlySet<string>;
  readonly hiddenRelations: ReadonlySet<string>;
  readonly hiddenDocuments: ReadonlySet<string>;
  /** Relations with fewer evidence items than this are hidden. */
  readonly minWeight: number;
  readonly hideIsolated: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  hiddenDocuments: new Set(),
  minWeight: 1,
  hideIsolated: false,
};

export interface ViewerState {
  readonly hoveredNode: string | null;
  readonly hoveredEdge: string | null;
  readonly selection: Selection | null;
  readonly filters: Filters;
  /** The text in the search box. */
  readonly search: string;
}

export const INITIAL_STATE: ViewerState = { hoveredNode: null, hoveredEdge: null, selection: null, filters: NO_FILTERS, search: '' };

export type Listener = (state: ViewerState, previous: ViewerState) => void;

export interface Store {
  get(): ViewerState;
  /** Merges a patch; listeners run only when something actually changed. */
  update(patch: Partial<ViewerState>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: ViewerState = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(patch) {
      const next: ViewerState = { ...state, ...patch };
      if (sameState(state, next)) return;
      const previous = state;
      state = next;
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.key === b.key);
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a === b ||
    (a.minWeight === b.minWeight &&
      a.hideIsolated === b.hideIsolated &&
      sameSet(a.hiddenTypes, b.hiddenTypes) &&
      sameSet(a.hiddenRelations, b.hiddenRelations) &&
      sameSet(a.hiddenDocuments, b.hiddenDocuments))
  );
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** A copy of a set with one item switched on or off. */
export function toggled(set: ReadonlySet<string>, item: string, present: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (present) next.add(item);
  else next.delete(item);
  return next;
}

function sameState(a: ViewerState, b: ViewerState): boolean {
  return (
    a.hoveredNode === b.hoveredNode &&
    a.hoveredEdge === b.hoveredEdge &&
    a.search === b.search &&
    sameSelection(a.selection, b.selection) &&
    sameFilters(a.filters, b.filters)
  );
}
