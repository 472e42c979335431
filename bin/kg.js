#!/usr/bin/env node
// Entry point of the `kg` command: runs the compiled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('kg: the CLI is not built: run `npm run build` (or `npm install`) in the package folder first\n');
  process.exit(2);
}
// A reader that stops early (`kg eval … | head`) closes the pipe: that ends the output, it is no error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv);
