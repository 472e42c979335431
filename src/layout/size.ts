// Node sizes, shared by the layout and the viewer (no dependencies, so the browser bundle can take it).

const MIN_SIZE = 4;
const MAX_SIZE = 30;

/** Node size from a count (mentions or degree): grows with the square root so hubs do not swamp the picture. */
export function nodeSize(count: number): number {
  return Math.min(MAX_SIZE, MIN_SIZE + 3 * Math.sqrt(Math.max(0, count)));
}

/** Labels drawn on the graph keep at most this many characters (the panel and search show the whole name). */
export const LABEL_MAX_CHARS = 24;

/** The label the viewer draws on the graph: a name longer than LABEL_MAX_CHARS ends in an ellipsis there. */
export function displayLabel(label: string): string {
  const chars = [...label];
  return chars.length <= LABEL_MAX_CHARS ? label : `${chars.slice(0, LABEL_MAX_CHARS - 1).join('').trimEnd()}…`;
}
