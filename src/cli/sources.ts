// Where a command's graph comes from: a graph file, or a graph store (--store).
import { KgError } from '../errors.js';

/** A command's graph: a file, or (--store) a store; exactly one of them. */
export function oneGraphSource(graph: string | undefined, store: string | undefined): { graph: string; store?: undefined } | { store: string; graph?: undefined } {
  if (graph !== undefined && store !== undefined) throw new KgError('INVALID_SETTING', 'give a graph file or --store, not both', graph);
  if (store !== undefined) return { store };
  if (graph === undefined) throw new KgError('INVALID_SETTING', 'no graph given: name a graph file, or a store with --store URL');
  return { graph };
}
