import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The file under `--data` (`dataDir`) that holds everything the server keeps.
 *
 * @example
 * copyFileSync(join(dataDir, DATABASE_FILE), 'snapshot.sqlite'); // with the server closed
 */
export const DATABASE_FILE = 'typestep-serve.sqlite';

/** Bumped when the tables change shape; an older file is refused, not misread. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  description TEXT,
  revision_id TEXT NOT NULL,
  logging TEXT NOT NULL,
  tracing TEXT NOT NULL,
  created_at REAL NOT NULL,
  updated_at REAL
);
CREATE TABLE IF NOT EXISTS versions (
  arn TEXT PRIMARY KEY,
  machine_arn TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  revision_id TEXT NOT NULL,
  description TEXT,
  created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_by_machine ON versions (machine_arn, version);
CREATE TABLE IF NOT EXISTS aliases (
  arn TEXT PRIMARY KEY,
  machine_arn TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  routing TEXT NOT NULL,
  created_at REAL NOT NULL,
  updated_at REAL
);
CREATE TABLE IF NOT EXISTS executions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  arn TEXT NOT NULL UNIQUE,
  machine_arn TEXT NOT NULL,
  version_arn TEXT,
  alias_arn TEXT,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  test_case TEXT,
  status TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT,
  error TEXT,
  cause TEXT,
  started_at REAL NOT NULL,
  stopped_at REAL,
  redrive_count INTEGER NOT NULL DEFAULT 0,
  redriven_at REAL
);
CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (machine_arn, seq);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
CREATE TABLE IF NOT EXISTS events (
  execution_arn TEXT NOT NULL,
  id INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (execution_arn, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_answers (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS task_heartbeats (
  token TEXT PRIMARY KEY,
  at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS map_run_children (
  execution_arn TEXT PRIMARY KEY,
  map_run_arn TEXT NOT NULL,
  parent_arn TEXT NOT NULL,
  name TEXT NOT NULL,
  state_machine_arn TEXT NOT NULL,
  item_index INTEGER NOT NULL,
  status TEXT NOT NULL,
  started_at REAL NOT NULL,
  stopped_at REAL
);
CREATE INDEX IF NOT EXISTS map_run_children_by_run ON map_run_children (map_run_arn, item_index);
CREATE TABLE IF NOT EXISTS map_run_limits (
  map_run_arn TEXT PRIMARY KEY,
  limits TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS activities (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tags (
  resource_arn TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_arn, key)
);
`;

/**
 * Opens (creating) the server's SQLite database: `<dataDir>/typestep-serve.sqlite`,
 * or an in-memory one without `dataDir` — the same tables and code either way.
 *
 * Durability: WAL with `synchronous = NORMAL`. A transaction is in the WAL
 * file (the operating system's page cache) when its commit returns, so a
 * process killed with SIGKILL loses nothing it committed; only a power loss
 * or OS crash can drop the last commits, which FULL would prevent at the
 * price of an fsync per commit. The server answers a request only after its
 * commit, so "acknowledged" means "committed".
 */
export function openDatabase(dataDir: string | undefined): Database.Database {
  let db: Database.Database;
  if (dataDir === undefined) db = new Database(':memory:');
  else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0 && version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`the database in ${dataDir} was written by another version of typestep serve (schema ${version}, this one reads ${SCHEMA_VERSION})`);
  }
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}
