// Node sizes, shared by the layout and the viewer (no dependencies, so the browser bundle can take it).

const MIN_SIZE = 4;
const MAX_SIZE = 30;

/** Node size from a count (mentions or degree): grows with the square root so hubs do not swamp the picture. */
export function nodeSize(count: number): number {
  return Math.min(MAX_SIZE, MIN_SIZE + 3 * Math.sqrt(Math.max(0, count)));
}
