// Shared CLI plumbing: the output streams, numeric option parsers, the exit-code error, graph reading.
import { InvalidArgumentError } from 'commander';
import { parseGraphFile } from '../graph/serialize.js';
import { readGraphText } from '../export/formats.js';
import { warningLines, type ReadWarnings } from '../export/assemble.js';
import { readTextFile } from './io.js';
import type { GraphFile } from '../types.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** A commander argument parser for a number in [min, max] that names the option in its error. */
export function parseNumber(name: string, min: number, max: number, integer = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}

/** Thrown by an action to end the run with a given exit code after it printed its own message. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A graph file in any readable format (JSON, GEXF, GraphML: detected from the content, then the extension). */
export function readGraph(path: string, err?: (text: string) => void): GraphFile {
  const warnings: ReadWarnings = new Map();
  const file = readGraphText(readTextFile(path), path, undefined, warnings);
  // Each kind of adaptation is one counted line (stderr): what was read otherwise than written.
  if (err) for (const line of warningLines(warnings)) err(`kg: ${path}: warning: ${line}\n`);
  return file;
}

/** A graph JSON file (the build's own format, with its state beside it). */
export function readGraphJson(path: string): GraphFile {
  return parseGraphFile(readTextFile(path), path);
}
