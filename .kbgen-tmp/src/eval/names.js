// Name comparison for scoring against gold files (eval README rule 1): trim + NFC, case-insensitive except short names.
/** Names of at most this many characters (Unicode code points, after trim + NFC) must match exactly. */
const EXACT_CASE_MAX_LENGTH = 3;
function normalize(name) {
    return name.normalize('NFC').trim();
}
function fold(name) {
    return name.toLowerCase().normalize('NFC');
}
/**
 * The lookup key of a gold name. Whether the comparison is case-sensitive is decided by the gold
 * name's length: "AP" (2 characters) is only matched by "AP", "NATO" (4) also by "Nato".
 */
export function goldNameKey(name) {
    const n = normalize(name);
    return Array.from(n).length <= EXACT_CASE_MAX_LENGTH ? `=${n}` : `~${fold(n)}`;
}
/** The keys a graph label or alias is looked up under: one per kind of gold name it may equal. */
export function candidateKeys(surface) {
    const n = normalize(surface);
    return [`=${n}`, `~${fold(n)}`];
}
