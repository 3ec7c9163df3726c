import type Database from 'better-sqlite3';
import type { HistoryEvent, MapRunChild } from '@typestep/runtime';
import { openDatabase } from './open-database.js';

/** A state machine as stored (its latest revision). Times are epoch milliseconds. */
export interface MachineRow {
  arn: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: string;
  role_arn: string;
  description: string | null;
  revision_id: string;
  logging: string;
  tracing: string;
  created_at: number;
  updated_at: number | null;
}

export interface VersionRow {
  arn: string;
  machine_arn: string;
  version: number;
  definition: string;
  role_arn: string;
  revision_id: string;
  description: string | null;
  created_at: number;
}

export interface AliasRow {
  arn: string;
  machine_arn: string;
  name: string;
  description: string | null;
  /** JSON text of `[{ stateMachineVersionArn, weight }]`. */
  routing: string;
  created_at: number;
  updated_at: number | null;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface ExecutionRow {
  seq: number;
  arn: string;
  machine_arn: string;
  version_arn: string | null;
  alias_arn: string | null;
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: string;
  role_arn: string;
  test_case: string | null;
  status: ExecutionStatus;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  started_at: number;
  stopped_at: number | null;
  redrive_count: number;
  redriven_at: number | null;
}

export interface ActivityRow {
  arn: string;
  name: string;
  created_at: number;
}

/** A SendTaskSuccess/Failure the server acknowledged, kept to deliver again after a restart. */
/** A Map Run's limits as UpdateMapRun left them (`map_run_limits`). */
export interface MapRunLimits {
  maxConcurrency: number;
  toleratedFailureCount: number;
  toleratedFailurePercentage: number;
}

/** A Distributed Map child execution (`map_run_children`). */
export interface MapRunChildRow {
  execution_arn: string;
  map_run_arn: string;
  parent_arn: string;
  name: string;
  state_machine_arn: string;
  item_index: number;
  status: MapRunChild['status'];
  started_at: number;
  stopped_at: number | null;
}

export interface TaskAnswerRow {
  token: string;
  kind: 'success' | 'failure';
  /** JSON: the output, or `{ error, cause }`. */
  body: string;
}

/** How an execution ended, written with its last events. */
export interface ExecutionEnd {
  status: ExecutionStatus;
  output?: string;
  error?: string;
  cause?: string;
  stoppedAt: number;
}

/**
 * Everything `typestep serve` keeps, in one SQLite database. Every method is
 * synchronous and commits before it returns, except `appendEvents`, which
 * queues: history events are written in batches (one transaction per turn
 * of the event loop), and `flush()` — called before every request is read
 * and before anything is acknowledged — writes the queue first, so readers
 * never see a partial picture and nothing acknowledged waits in memory.
 *
 * @example
 * const store = Store.open('./data');
 * store.insertActivity({ arn, name: 'review', created_at: Date.now() });
 */
export class Store {
  private readonly pending: Array<() => void> = [];
  private flushScheduled = false;
  private readonly statements;

  private constructor(readonly db: Database.Database) {
    const s = (sql: string) => db.prepare(sql);
    this.statements = {
      insertMachine: s(`INSERT INTO state_machines VALUES (@arn, @name, @type, @definition, @role_arn, @description, @revision_id, @logging, @tracing, @created_at, @updated_at)`),
      updateMachine: s(`UPDATE state_machines SET definition = @definition, role_arn = @role_arn, revision_id = @revision_id, logging = @logging, tracing = @tracing, updated_at = @updated_at WHERE arn = @arn`),
      machine: s(`SELECT * FROM state_machines WHERE arn = ?`),
      machines: s(`SELECT * FROM state_machines ORDER BY name LIMIT ? OFFSET ?`),
      deleteMachine: s(`DELETE FROM state_machines WHERE arn = ?`),
      insertVersion: s(`INSERT INTO versions VALUES (@arn, @machine_arn, @version, @definition, @role_arn, @revision_id, @description, @created_at)`),
      version: s(`SELECT * FROM versions WHERE arn = ?`),
      versions: s(`SELECT * FROM versions WHERE machine_arn = ? ORDER BY version DESC LIMIT ? OFFSET ?`),
      lastVersion: s(`SELECT * FROM versions WHERE machine_arn = ? ORDER BY version DESC LIMIT 1`),
      maxVersion: s(`SELECT MAX(version) AS n FROM versions WHERE machine_arn = ?`),
      deleteVersion: s(`DELETE FROM versions WHERE arn = ?`),
      deleteVersionsOf: s(`DELETE FROM versions WHERE machine_arn = ?`),
      insertAlias: s(`INSERT INTO aliases VALUES (@arn, @machine_arn, @name, @description, @routing, @created_at, @updated_at)`),
      updateAlias: s(`UPDATE aliases SET description = @description, routing = @routing, updated_at = @updated_at WHERE arn = @arn`),
      alias: s(`SELECT * FROM aliases WHERE arn = ?`),
      aliases: s(`SELECT * FROM aliases WHERE machine_arn = ? ORDER BY name LIMIT ? OFFSET ?`),
      allAliasesOf: s(`SELECT * FROM aliases WHERE machine_arn = ?`),
      deleteAlias: s(`DELETE FROM aliases WHERE arn = ?`),
      deleteAliasesOf: s(`DELETE FROM aliases WHERE machine_arn = ?`),
      insertExecution: s(
        `INSERT INTO executions (arn, machine_arn, version_arn, alias_arn, name, type, definition, role_arn, test_case, status, input, started_at)
         VALUES (@arn, @machine_arn, @version_arn, @alias_arn, @name, @type, @definition, @role_arn, @test_case, 'RUNNING', @input, @started_at)`,
      ),
      execution: s(`SELECT * FROM executions WHERE arn = ?`),
      endExecution: s(`UPDATE executions SET status = @status, output = @output, error = @error, cause = @cause, stopped_at = @stoppedAt WHERE arn = @arn`),
      redriveExecution: s(`UPDATE executions SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stopped_at = NULL, redrive_count = redrive_count + 1, redriven_at = ? WHERE arn = ?`),
      running: s(`SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY seq`),
      insertEvent: s(`INSERT OR IGNORE INTO events VALUES (?, ?, ?)`),
      events: s(`SELECT body FROM events WHERE execution_arn = ? ORDER BY id`),
      eventCount: s(`SELECT COUNT(*) AS n FROM events WHERE execution_arn = ?`),
      insertAnswer: s(`INSERT OR REPLACE INTO task_answers VALUES (?, ?, ?)`),
      answers: s(`SELECT * FROM task_answers`),
      deleteAnswer: s(`DELETE FROM task_answers WHERE token = ?`),
      putMapRunChild: s(`INSERT OR REPLACE INTO map_run_children VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mapRunChildren: s(`SELECT * FROM map_run_children WHERE map_run_arn = ? AND (? IS NULL OR status = ?) ORDER BY item_index LIMIT ? OFFSET ?`),
      mapRunChildCounts: s(`SELECT status, COUNT(*) AS n FROM map_run_children WHERE map_run_arn = ? GROUP BY status`),
      abortMapRunChildren: s(`UPDATE map_run_children SET status = 'ABORTED', stopped_at = ? WHERE parent_arn = ? AND status = 'RUNNING'`),
      putMapRunLimits: s(`INSERT OR REPLACE INTO map_run_limits VALUES (?, ?)`),
      mapRunLimits: s(`SELECT limits FROM map_run_limits WHERE map_run_arn = ?`),
      putHeartbeat: s(`INSERT OR REPLACE INTO task_heartbeats VALUES (?, ?)`),
      heartbeats: s(`SELECT * FROM task_heartbeats`),
      deleteHeartbeat: s(`DELETE FROM task_heartbeats WHERE token = ?`),
      insertActivity: s(`INSERT INTO activities VALUES (@arn, @name, @created_at)`),
      activity: s(`SELECT * FROM activities WHERE arn = ?`),
      activities: s(`SELECT * FROM activities ORDER BY name LIMIT ? OFFSET ?`),
      deleteActivity: s(`DELETE FROM activities WHERE arn = ?`),
      putTag: s(`INSERT OR REPLACE INTO tags VALUES (?, ?, ?)`),
      deleteTag: s(`DELETE FROM tags WHERE resource_arn = ? AND key = ?`),
      tags: s(`SELECT key, value FROM tags WHERE resource_arn = ? ORDER BY key`),
      deleteTags: s(`DELETE FROM tags WHERE resource_arn = ?`),
      setting: s(`SELECT value FROM settings WHERE key = ?`),
      putSetting: s(`INSERT OR IGNORE INTO settings VALUES (?, ?)`),
    };
  }

  /** Opens the database under `dataDir` (in memory without one). */
  static open(dataDir: string | undefined): Store {
    return new Store(openDatabase(dataDir));
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  /** Runs `work` in one transaction (after the queued writes). */
  transaction<T>(work: () => T): T {
    this.flush();
    return this.db.transaction(work)();
  }

  /** Writes every queued event and execution end now, in one transaction. */
  flush(): void {
    if (this.pending.length === 0) return;
    const writes = this.pending.splice(0);
    this.db.transaction(() => {
      for (const write of writes) write();
    })();
  }

  private queue(write: () => void): void {
    this.pending.push(write);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.db.open) this.flush();
    });
  }

  insertMachine(row: MachineRow): void {
    this.statements.insertMachine.run(row);
  }
  updateMachine(row: Pick<MachineRow, 'arn' | 'definition' | 'role_arn' | 'revision_id' | 'logging' | 'tracing' | 'updated_at'>): void {
    this.statements.updateMachine.run(row);
  }
  machine(arn: string): MachineRow | undefined {
    return this.statements.machine.get(arn) as MachineRow | undefined;
  }
  machines(limit: number, offset: number): MachineRow[] {
    return this.statements.machines.all(limit, offset) as MachineRow[];
  }
  /** Deletes a machine with its versions, aliases and tags. */
  deleteMachine(arn: string): void {
    this.transaction(() => {
      for (const alias of this.statements.allAliasesOf.all(arn) as AliasRow[]) this.statements.deleteTags.run(alias.arn);
      this.statements.deleteMachine.run(arn);
      this.statements.deleteVersionsOf.run(arn);
      this.statements.deleteAliasesOf.run(arn);
      this.statements.deleteTags.run(arn);
    });
  }

  insertVersion(row: VersionRow): void {
    this.statements.insertVersion.run(row);
  }
  version(arn: string): VersionRow | undefined {
    return this.statements.version.get(arn) as VersionRow | undefined;
  }
  versions(machineArn: string, limit: number, offset: number): VersionRow[] {
    return this.statements.versions.all(machineArn, limit, offset) as VersionRow[];
  }
  lastVersion(machineArn: string): VersionRow | undefined {
    return this.statements.lastVersion.get(machineArn) as VersionRow | undefined;
  }
  /** The highest version number a machine has had (0 before its first). */
  maxVersion(machineArn: string): number {
    return (this.statements.maxVersion.get(machineArn) as { n: number | null }).n ?? 0;
  }
  deleteVersion(arn: string): void {
    this.statements.deleteVersion.run(arn);
  }

  insertAlias(row: AliasRow): void {
    this.statements.insertAlias.run(row);
  }
  updateAlias(row: Pick<AliasRow, 'arn' | 'description' | 'routing' | 'updated_at'>): void {
    this.statements.updateAlias.run(row);
  }
  alias(arn: string): AliasRow | undefined {
    return this.statements.alias.get(arn) as AliasRow | undefined;
  }
  aliases(machineArn: string, limit = -1, offset = 0): AliasRow[] {
    return this.statements.aliases.all(machineArn, limit, offset) as AliasRow[];
  }
  deleteAlias(arn: string): void {
    this.transaction(() => {
      this.statements.deleteAlias.run(arn);
      this.statements.deleteTags.run(arn);
    });
  }

  /** Records a new execution with its first event (ExecutionStarted), committed before this returns. */
  insertExecution(row: Omit<ExecutionRow, 'seq' | 'status' | 'output' | 'error' | 'cause' | 'stopped_at' | 'redrive_count' | 'redriven_at'>, started: HistoryEvent): void {
    this.transaction(() => {
      this.statements.insertExecution.run(row);
      this.statements.insertEvent.run(row.arn, started.id, encodeEvent(started));
    });
  }
  execution(arn: string): ExecutionRow | undefined {
    return this.statements.execution.get(arn) as ExecutionRow | undefined;
  }
  /**
   * Executions, newest first, filtered by machine (or version/alias) and status.
   * `column` names which ARN `arn` is compared with.
   */
  executions(filter: { column?: 'machine_arn' | 'version_arn' | 'alias_arn'; arn?: string; status?: string; redriven?: boolean }, limit: number, offset: number): ExecutionRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.column && filter.arn !== undefined) {
      where.push(`${filter.column} = ?`);
      params.push(filter.arn);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.redriven !== undefined) where.push(filter.redriven ? 'redrive_count > 0' : 'redrive_count = 0');
    const sql = `SELECT * FROM executions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...params, limit, offset) as ExecutionRow[];
  }
  runningExecutions(): ExecutionRow[] {
    return this.statements.running.all() as ExecutionRow[];
  }
  /** Queues the end of an execution behind its queued events. */
  endExecution(arn: string, end: ExecutionEnd): void {
    this.queue(() => this.statements.endExecution.run({ arn, output: null, error: null, cause: null, ...end }));
  }
  /** Marks a closed execution RUNNING again for a redrive (committed at once). */
  redriveExecution(arn: string, at: number): void {
    this.transaction(() => this.statements.redriveExecution.run(at, arn));
  }

  /** Queues history events of an execution; ids already stored are kept as they are. */
  appendEvents(executionArn: string, events: readonly HistoryEvent[]): void {
    if (events.length === 0) return;
    this.queue(() => {
      for (const event of events) this.statements.insertEvent.run(executionArn, event.id, encodeEvent(event));
    });
  }
  /** Every stored event of an execution, in order, with `timestamp` as a Date again. */
  events(executionArn: string): HistoryEvent[] {
    this.flush();
    return (this.statements.events.all(executionArn) as Array<{ body: string }>).map((row) => decodeEvent(row.body));
  }
  eventCount(executionArn: string): number {
    return (this.statements.eventCount.get(executionArn) as { n: number }).n;
  }

  /** Keeps an acknowledged SendTaskSuccess/Failure (committed before this returns). */
  insertTaskAnswer(row: TaskAnswerRow): void {
    this.transaction(() => this.statements.insertAnswer.run(row.token, row.kind, row.body));
  }
  taskAnswers(): TaskAnswerRow[] {
    return this.statements.answers.all() as TaskAnswerRow[];
  }
  deleteTaskAnswer(token: string): void {
    this.statements.deleteAnswer.run(token);
  }

  /** Queues a Distributed Map child execution as the runtime reports it (its start, then its end), written with the events. */
  putMapRunChild(parentArn: string, child: MapRunChild): void {
    this.queue(() => this.statements.putMapRunChild.run(child.executionArn, child.mapRunArn, parentArn, child.name, child.stateMachineArn, child.index, child.status, child.startDate, child.stopDate ?? null));
  }
  /** A Map Run's child executions, by item index. */
  mapRunChildren(mapRunArn: string, status: string | undefined, limit: number, offset: number): MapRunChildRow[] {
    this.flush();
    return this.statements.mapRunChildren.all(mapRunArn, status ?? null, status ?? null, limit, offset) as MapRunChildRow[];
  }
  /** How many of a Map Run's kept children are in each status. */
  mapRunChildCounts(mapRunArn: string): Partial<Record<MapRunChild['status'], number>> {
    this.flush();
    const rows = this.statements.mapRunChildCounts.all(mapRunArn) as Array<{ status: MapRunChild['status']; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }
  /** Queues, after the parent's end: its Map Run children still RUNNING were stopped with it. */
  abortMapRunChildren(parentArn: string, at: number): void {
    this.queue(() => this.statements.abortMapRunChildren.run(at, parentArn));
  }

  /** Keeps the limits an UpdateMapRun set (committed before it answers). */
  putMapRunLimits(mapRunArn: string, limits: MapRunLimits): void {
    this.transaction(() => this.statements.putMapRunLimits.run(mapRunArn, JSON.stringify(limits)));
  }
  /** The limits the last UpdateMapRun of a Map Run set, if any. */
  mapRunLimits(mapRunArn: string): MapRunLimits | undefined {
    const row = this.statements.mapRunLimits.get(mapRunArn) as { limits: string } | undefined;
    return row && (JSON.parse(row.limits) as MapRunLimits);
  }

  /** Keeps when a task last got SendTaskHeartbeat (committed before this returns): its deadline after a restart counts from it. */
  putTaskHeartbeat(token: string, at: number): void {
    this.transaction(() => this.statements.putHeartbeat.run(token, at));
  }
  /** Every kept heartbeat, by task token. */
  taskHeartbeats(): Record<string, number> {
    const rows = this.statements.heartbeats.all() as Array<{ token: string; at: number }>;
    return Object.fromEntries(rows.map((row) => [row.token, row.at]));
  }
  deleteTaskHeartbeat(token: string): void {
    this.statements.deleteHeartbeat.run(token);
  }

  insertActivity(row: ActivityRow): void {
    this.statements.insertActivity.run(row);
  }
  activity(arn: string): ActivityRow | undefined {
    return this.statements.activity.get(arn) as ActivityRow | undefined;
  }
  activities(limit: number, offset: number): ActivityRow[] {
    return this.statements.activities.all(limit, offset) as ActivityRow[];
  }
  deleteActivity(arn: string): void {
    this.transaction(() => {
      this.statements.deleteActivity.run(arn);
      this.statements.deleteTags.run(arn);
    });
  }

  /** A setting of this store, created with `initial()` (and committed) the first time it is asked for. */
  setting(key: string, initial: () => string): string {
    const found = this.statements.setting.get(key) as { value: string } | undefined;
    if (found) return found.value;
    this.transaction(() => this.statements.putSetting.run(key, initial()));
    return (this.statements.setting.get(key) as { value: string }).value;
  }

  tags(resourceArn: string): Array<{ key: string; value: string }> {
    return this.statements.tags.all(resourceArn) as Array<{ key: string; value: string }>;
  }
  putTags(resourceArn: string, tags: ReadonlyArray<{ key: string; value: string }>): void {
    this.transaction(() => {
      for (const tag of tags) this.statements.putTag.run(resourceArn, tag.key, tag.value);
    });
  }
  deleteTags(resourceArn: string, keys: readonly string[]): void {
    this.transaction(() => {
      for (const key of keys) this.statements.deleteTag.run(resourceArn, key);
    });
  }
}

/** An event as JSON text; the timestamp as epoch milliseconds. */
function encodeEvent(event: HistoryEvent): string {
  return JSON.stringify({ ...event, timestamp: event.timestamp.getTime() });
}

function decodeEvent(text: string): HistoryEvent {
  const event = JSON.parse(text) as HistoryEvent & { timestamp: number };
  return { ...event, timestamp: new Date(event.timestamp) };
}
