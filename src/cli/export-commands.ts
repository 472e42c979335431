// `kg export`: converts a graph file to other formats (formats and readers live in src/export/).
import { Option, type Command } from 'commander';
import { toGexf } from '../export/gexf.js';
import { readGraph, type Io } from './common.js';
import { writeFileAtomic } from './io.js';

export const EXPORT_FORMATS = ['json', 'gexf'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function registerExportCommands(program: Command, io: Io): void {
  program
    .command('export')
    .description('convert a graph file to another format')
    .argument('<graph>', 'graph JSON file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'file to write (default: stdout)')
    .addHelpText('after', '\nExamples:\n  kg export graphs/nato-irak-2020.json --format gexf -o graphs/nato-irak-2020.gexf')
    .action((graphPath: string, opts: { format: ExportFormat; output?: string }) => {
      const file = readGraph(graphPath);
      const text = opts.format === 'gexf' ? toGexf(file) : `${JSON.stringify(file, null, 2)}\n`;
      if (opts.output && opts.output !== '-') {
        writeFileAtomic(opts.output, text);
        io.err(`kg: wrote ${opts.output} (${opts.format})\n`);
      } else io.out(text);
    });
}
