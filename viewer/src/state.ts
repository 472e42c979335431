// Viewer state (hover, selection) in one small store: the only place interaction is recorded; the graph data is never edited.

export type Selection = { readonly kind: 'node'; readonly key: string } | { readonly kind: 'edge'; readonly key: string };

export interface ViewerState {
  readonly hoveredNode: string | null;
  readonly hoveredEdge: string | null;
  readonly selection: Selection | null;
}

export const INITIAL_STATE: ViewerState = { hoveredNode: null, hoveredEdge: null, selection: null };

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

function sameState(a: ViewerState, b: ViewerState): boolean {
  return a.hoveredNode === b.hoveredNode && a.hoveredEdge === b.hoveredEdge && sameSelection(a.selection, b.selection);
}
