import { Command } from 'commander';
import { type LanguageChoice } from '../pipeline.js';
import { type KbFile } from '../kb/index.js';
import { type SizeBy } from '../layout/index.js';
export declare const EXPORT_FORMATS: readonly ["json", "gexf"];
interface Io {
    out: (s: string) => void;
    err: (s: string) => void;
}
/** Builds a graph file from inputs: the core of `kg build` and `kg eval`, without writing anything. */
export declare function buildGraphFile(inputs: {
    id: string;
    text: string;
    path?: string;
    title?: string;
    date?: string;
    url?: string;
    lang?: string;
}[], options: {
    name: string;
    lang: LanguageChoice;
    kb: KbFile[];
    seed: number;
    layout: boolean;
    minConfidence: number;
    dropUnasserted: boolean;
    iterations?: number;
    sizeBy?: SizeBy;
}): string;
export declare function createProgram(io?: Io): Command;
/** Runs the CLI with argv (process.argv shape) and returns the exit code. */
export declare function run(argv: string[], io?: Io): Promise<number>;
export {};
