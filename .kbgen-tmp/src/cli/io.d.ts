/** One input document before normalisation. */
export interface RawDocument {
    id: string;
    text: string;
    path?: string;
    title?: string;
    date?: string;
    url?: string;
    lang?: string;
}
/** A document that could not be read: reported as a warning and counted. */
export interface SkippedInput {
    where: string;
    reason: string;
}
export declare const MAX_DOCUMENT_BYTES: number;
/** Decodes bytes as UTF-8 text or throws a KgError naming the file and the problem. */
export declare function decodeText(bytes: Uint8Array, where: string): string;
export declare function readBytes(path: string): Uint8Array;
export declare function readTextFile(path: string): string;
/** "corpus/nato-irak-2020.nb.txt" → "nato-irak-2020": the file name without its extensions. */
export declare function documentIdFromPath(path: string): string;
/**
 * Reads every document named by the inputs: files, folders (every .txt/.md below, one document each),
 * JSONL files (one {"id","text",…} object a line), or "-" for stdin. Bad documents inside a folder or a
 * JSONL file are skipped and reported; a bad single input is an error.
 */
export declare function readDocuments(inputs: string[], stdin: () => Uint8Array): {
    documents: RawDocument[];
    skipped: SkippedInput[];
};
/** Writes a file atomically: a temporary file beside it, flushed, then renamed over the target. */
export declare function writeFileAtomic(path: string, content: string): void;
export declare function readStdin(): Uint8Array;
