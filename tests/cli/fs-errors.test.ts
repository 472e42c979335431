// File-system errors a user can fix (permissions, space, missing folders) are one `kg: <file>: <what>` line with
// exit 2, whether they come from this thread or crossed a worker thread as text. (As root, CI cannot provoke
// EACCES with chmod, so the mapping is tested on the errors Node makes.)
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errnoWords, fileSystemError, KgError } from '../../src/errors.js';
import { kg, ROOT, tempDir } from './helpers.js';

const nodeError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: some words, ${syscall} '${path}'`), { code, syscall, path });

describe('fileSystemError', () => {
  it('names the file and says what is wrong, in words and with the code', () => {
    const e = fileSystemError(nodeError('EACCES', 'mkdir', '/srv/out/csv'))!;
    expect(e).toBeInstanceOf(KgError);
    expect([e.where, e.message]).toEqual(['/srv/out/csv', 'permission denied (EACCES)']);
    expect(fileSystemError(nodeError('ENOSPC', 'write', '/srv/g.json'))!.message).toBe('no space left on the device (ENOSPC)');
  });
  it('names the folder for a temporary file of ours, and reads an error that crossed a worker as text', () => {
    expect(fileSystemError(nodeError('EACCES', 'open', '/srv/out/.kg-tmp-123-state-g.json'))!.where).toBe('/srv/out');
    const text = new Error("EROFS: read-only file system, open '/mnt/ro/g.json'");
    expect([fileSystemError(text)!.where, fileSystemError(text)!.message]).toEqual(['/mnt/ro/g.json', 'read-only file system (EROFS)']);
  });
  it('leaves other errors alone', () => {
    expect(fileSystemError(new Error('Maximum call stack size exceeded'))).toBeUndefined();
    expect(fileSystemError(nodeError('ECONNRESET', 'read', '/x'))).toBeUndefined();
    expect(fileSystemError('EACCES')).toBeUndefined();
    expect(errnoWords('EXDEV')).toBe('EXDEV');
  });
});

describe('through the CLI', () => {
  it('an output under a file where a folder is needed: one line naming it, exit 2, nothing written', () => {
    const dir = tempDir();
    const file = join(dir, 'article.txt');
    writeFileSync(file, 'Norge støtter Ukraina.\n');
    const build = kg(['build', file, '-o', join(file, 'g.json'), '--no-layout']);
    expect([build.code, build.stderr]).toEqual([2, `kg: ${file}: already exists, and is in the way (a file where a folder is needed?) (EEXIST)\n`]);
    const csv = kg(['export', join(ROOT, 'graphs', 'nato-irak-2020.json'), '-f', 'csv', '-o', join(file, 'csv')]);
    expect([csv.code, csv.stderr]).toEqual([2, `kg: ${join(file, 'csv')}: a part of the path is not a folder (ENOTDIR)\n`]);
    expect(existsSync(join(dir, 'g.json'))).toBe(false);
  });
});
