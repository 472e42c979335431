// The two SQL backends of the graph store behind one small interface: an embedded SQLite file (better-sqlite3)
// and PostgreSQL (pg). Queries are written once with `?` placeholders and `{now}` for the database clock in
// milliseconds; the PostgreSQL driver numbers the placeholders ($1, $2, …). Values are always bound, never
// spliced into the SQL text.
import { KgError } from '../errors.js';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/** What a transaction, and the database outside one, can run. */
export interface SqlRunner {
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs statements without parameters (the schema). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A store URL with any password hidden, for messages. */
export function displayUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** `{now}`: the database's clock in milliseconds since 1970 (one clock for workers on many machines). */
function dialectSql(sql: string, dialect: SqlDatabase['dialect']): string {
  if (dialect === 'sqlite') return sql.replaceAll('{now}', "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
  let n = 0;
  return sql.replaceAll('{now}', 'CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)').replace(/\?/g, () => `$${++n}`);
}

// ---- SQLite ----

export async function openSqlite(path: string): Promise<SqlDatabase> {
  const { default: Database } = await import('better-sqlite3');
  let db: import('better-sqlite3').Database;
  try {
    db = new Database(path);
    // Several processes may write one file: WAL lets readers go on while one writes, and a writer waits for
    // another's transaction instead of failing at once.
    db.pragma('busy_timeout = 60000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    throw new KgError('INPUT_INVALID', `cannot open the SQLite store: ${(e as Error).message}`, path);
  }
  const statements = new Map<string, import('better-sqlite3').Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(dialectSql(sql, 'sqlite'))));
    return s;
  };
  const runner: SqlRunner = {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
  };
  // One connection: transactions of this process take turns (a second one waits for the first to end).
  let turn: Promise<unknown> = Promise.resolve();
  return {
    dialect: 'sqlite',
    ...runner,
    transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      const mine = turn.then(async () => {
        // IMMEDIATE takes the write lock at the start, so two processes never both read and then both write.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(runner);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      });
      turn = mine.catch(() => undefined);
      return mine;
    },
    async exec(sql) {
      db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

// ---- PostgreSQL ----

export async function openPostgres(url: string): Promise<SqlDatabase> {
  const { default: pg } = await import('pg');
  // BIGINT comes back as a string by default; the store's numbers (times in ms, counts) fit a double exactly.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  // synchronous_commit off: a commit does not wait for the server's disk. A server crash can then lose the last
  // commits, each whole (a document's rows and its status are one transaction): those documents are queued or
  // held again and extracted again, never half there.
  const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c synchronous_commit=off' });
  pool.on('error', () => undefined); // an idle connection that dies is replaced on next use
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new KgError('INPUT_INVALID', `cannot connect to PostgreSQL: ${(e as Error).message}`, displayUrl(url));
  }
  const on = (q: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }): SqlRunner => ({
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await q.query(dialectSql(sql, 'postgres'), [...params])).rows as T[];
    },
    async run(sql, params = []) {
      return (await q.query(dialectSql(sql, 'postgres'), [...params])).rowCount ?? 0;
    },
  });
  return {
    dialect: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}

export function openDatabase(url: string): Promise<SqlDatabase> {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url.replace(/^sqlite:(\/\/)?/i, ''));
}
