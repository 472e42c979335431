// NER commands (`kg train ner`, `kg tag`) and `kg eval ner`: the statistical tagger's CLI (issue 3).
import type { Command } from 'commander';
import type { Io } from './common.js';

export function registerNerCommands(_program: Command, _io: Io): void {
  // Filled in by the tagger work: kg train ner, kg tag.
}

/** `kg eval ner GOLD [PRED]`: returns the exit code. */
export async function runNerEval(_args: string[], io: Io): Promise<number> {
  io.err('kg: eval ner is not available yet\n');
  return 2;
}
