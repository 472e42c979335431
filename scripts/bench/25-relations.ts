// The tree relations (src/relations/tree.ts) against the whole extraction they are part of: EWT dev's text as
// one English document, parsed once; then the relation stage alone and the whole `extract` (tokens, names,
// syntax, resolution, relations) are timed in this process, and their ratio printed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection } from '../bench.js';
import { createCliExtractor } from '../../src/cli/extractor.js';
import { packageRoot } from '../../src/cli/model.js';
import { makeDocument } from '../../src/pipeline.js';
import { extractTreeRelations } from '../../src/relations/tree.js';
import { shippedFrames } from '../../src/relations/frames.js';
import { getLanguageResources } from '../../src/lang/index.js';
import type { Mention } from '../../src/types.js';
import { printTable, timeRuns, withSpread } from './lib.js';

const EWT_DEV = join(packageRoot(), '..', 'shared', 'data', 'ud', 'en_ewt-ud-dev.conllu');

const section: BenchSection = {
  title: 'relations',
  async run() {
    if (!existsSync(EWT_DEV)) {
      process.stdout.write(`skipped: ${EWT_DEV} not found\n`);
      return;
    }
    const text = readFileSync(EWT_DEV, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('# text = '))
      .map((l) => l.slice(9))
      .join('\n');
    const extractor = createCliExtractor([]);
    const doc = makeDocument({ id: 'ewt-dev', text, language: 'en' });
    const result = extractor.extract(doc);
    const sentences = extractor.sentences(doc);
    const mentions: Mention[] = result.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e.key })));
    const frames = shippedFrames('en');
    const lang = getLanguageResources('en');
    const relations = await timeRuns(7, () => extractTreeRelations(doc, sentences, { mentions, entities: result.entities, roles: [] }, frames, lang, { extractor: 'tree' }));
    const whole = await timeRuns(3, () => extractor.extract(doc));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    process.stdout.write(`EWT dev's text (${sentences.length} sentences) as one English document, one thread, median ± half the range\n`);
    printTable(
      ['stage', 'ms', 'share of the whole extraction'],
      [
        ['tree relations (frames, roles, assertion)', withSpread(relations, 0, 1000), (median(relations) / median(whole)).toFixed(3)],
        ['whole extract (tokens, names, syntax, resolution, relations)', withSpread(whole, 0, 1000), '1.000'],
      ],
    );
  },
};

export default section;
