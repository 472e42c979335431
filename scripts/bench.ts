// `npm run bench`: runs every benchmark section in scripts/bench/ (compiled to dist/scripts/bench/) in name
// order; each prints its own table of figures and ratios. Timings are measured here, never in tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchSection {
  title: string;
  run(): Promise<void>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: BenchSection };
  const section = mod.default;
  if (!section || (only.length > 0 && !only.some((o) => f.includes(o)))) continue;
  process.stdout.write(`\n== ${section.title} ==\n`);
  await section.run();
}
