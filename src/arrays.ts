// Array helpers that work at any length: spreading a large array into push() or Math.max() puts every item
// on the call stack and overflows it (a 28 MB document did, with a few hundred thousand mentions).

/** Appends every item of `items` to `to`. */
export function pushAll<T>(to: T[], items: Iterable<T>): void {
  for (const x of items) to.push(x);
}

/** The smallest and largest of `values` ([Infinity, -Infinity] when empty). */
export function minMax(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
