// Typed errors of the core: the CLI maps their codes to one-line messages and exit codes.

export type KgErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_INVALID'
  | 'INPUT_EMPTY'
  | 'INPUT_TOO_LARGE'
  | 'INVALID_SETTING'
  | 'INVALID_GRAPH'
  | 'INVALID_KB'
  | 'INVALID_GOLD'
  | 'UNSUPPORTED';

export class KgError extends Error {
  readonly code: KgErrorCode;
  /** Where the problem is: a file path, optionally with a line (`file:12`). */
  readonly where?: string;
  constructor(code: KgErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'KgError';
    this.code = code;
    this.where = where;
  }
}

/** A setting that fails validation: names the setting, the value and what was expected. */
export class InvalidSettingError extends KgError {
  constructor(setting: string, expected: string, value: unknown) {
    super('INVALID_SETTING', `invalid \`${setting}\` setting: expected ${expected}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidSettingError';
  }
}

/** What a file-system error code means, in words a user acts on. */
const ERRNO_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists, and is in the way (a file where a folder is needed?)',
};

/** `permission denied (EACCES)` for a known file-system error code, else the code itself. */
export function errnoWords(code: string | undefined): string {
  if (!code) return 'failed';
  const words = ERRNO_WORDS[code];
  return words ? `${words} (${code})` : code;
}

/**
 * A file-system error the user can fix (permissions, space, a missing folder) as a KgError naming the file: from
 * Node's error object, or from its message when it crossed a worker thread as text (`EACCES: permission denied,
 * open '/x/y'`). A temporary file of ours (`.kg-tmp-…`) is named by its folder. Undefined for anything else.
 */
export function fileSystemError(e: unknown): KgError | undefined {
  if (!(e instanceof Error)) return undefined;
  const err = e as Error & { code?: unknown; path?: unknown };
  let code = typeof err.code === 'string' ? err.code : undefined;
  let path = typeof err.path === 'string' ? err.path : undefined;
  if (!code || !path) {
    const m = /^(E[A-Z]+): [^,]*, \w+ '([^']+)'/.exec(err.message);
    if (m) [code, path] = [m[1], m[2]];
  }
  if (!code || !path || !(code in ERRNO_WORDS)) return undefined;
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const where = path.slice(slash + 1).startsWith('.kg-tmp-') ? path.slice(0, Math.max(slash, 1)) : path;
  return new KgError('INPUT_INVALID', errnoWords(code), where);
}
