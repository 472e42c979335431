// The view state a link carries (selection, filters, search, camera), written to and read from the URL fragment. Pure.
import { NO_FILTERS, type Filters, type Selection } from './state.js';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface UrlViewState {
  selection: Selection | null;
  search: string;
  camera: CameraView | null;
  filters: Filters;
}

export const EMPTY_URL_STATE: UrlViewState = { selection: null, search: '', camera: null, filters: NO_FILTERS };

const MAX_WEIGHT = 1_000_000;

function fixed(value: number): string {
  return String(Math.round(value * 1e5) / 1e5);
}

/** The fragment (without `#`) for a view state; only what differs from the defaults is written. */
export function encodeViewState(state: UrlViewState): string {
  const params = new URLSearchParams();
  if (state.selection !== null) params.set(state.selection.kind, state.selection.key);
  if (state.search !== '') params.set('q', state.search);
  for (const type of [...state.filters.hiddenTypes].sort()) params.append('hide-type', type);
  for (const relation of [...state.filters.hiddenRelations].sort()) params.append('hide-relation', relation);
  for (const doc of [...state.filters.hiddenDocuments].sort()) params.append('hide-document', doc);
  if (state.filters.minWeight > 1) params.set('min-weight', String(state.filters.minWeight));
  if (state.filters.hideIsolated) params.set('isolated', 'hide');
  if (state.camera !== null) params.set('camera', [state.camera.x, state.camera.y, state.camera.ratio].map(fixed).join(','));
  return params.toString();
}

/** The view state in a fragment (with or without `#`); anything malformed is ignored, never an error. */
export function decodeViewState(fragment: string): UrlViewState {
  const params = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const node = params.get('node');
  const edge = params.get('edge');
  const selection: Selection | null =
    node !== null && node !== '' ? { kind: 'node', key: node } : edge !== null && edge !== '' ? { kind: 'edge', key: edge } : null;

  let camera: CameraView | null = null;
  const parts = (params.get('camera') ?? '').split(',').map(Number);
  if (parts.length === 3 && parts.every(Number.isFinite) && parts[2]! > 0) camera = { x: parts[0]!, y: parts[1]!, ratio: parts[2]! };

  const weight = Number(params.get('min-weight'));
  const minWeight = Number.isInteger(weight) && weight >= 1 && weight <= MAX_WEIGHT ? weight : 1;
  return {
    selection,
    search: params.get('q') ?? '',
    camera,
    filters: {
      hiddenTypes: new Set(params.getAll('hide-type').filter((t) => t !== '')),
      hiddenRelations: new Set(params.getAll('hide-relation').filter((r) => r !== '')),
      hiddenDocuments: new Set(params.getAll('hide-document').filter((d) => d !== '')),
      minWeight,
      hideIsolated: params.get('isolated') === 'hide',
    },
  };
}
