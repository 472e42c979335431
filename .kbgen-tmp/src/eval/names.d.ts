/**
 * The lookup key of a gold name. Whether the comparison is case-sensitive is decided by the gold
 * name's length: "AP" (2 characters) is only matched by "AP", "NATO" (4) also by "Nato".
 */
export declare function goldNameKey(name: string): string;
/** The keys a graph label or alias is looked up under: one per kind of gold name it may equal. */
export declare function candidateKeys(surface: string): [exact: string, folded: string];
