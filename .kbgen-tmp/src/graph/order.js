// Locale-independent ordering shared by the graph, layout and exporters, so sorted output is the same on every machine.
/** Compares by UTF-16 code units: `localeCompare` depends on the ICU data and locale of the machine. */
export function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
