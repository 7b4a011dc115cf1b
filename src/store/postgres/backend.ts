import { isLockTimeout } from "../errors.js";
import type { Logger } from "../../core/log.js";
import type { Storage, StoreStats } from "../port.js";
import type { Repositories } from "../repositories.js";
import { checkReachable, connectAlone, createPool, oneLine, safeUrl } from "./connection.js";
import { PgContext } from "./context.js";
import { pgCoordination } from "./coordination.js";
import { checkKinds, clearTables, dumpAll, isEmpty, restoreAll } from "./dump.js";
import { checkMigrated, migrate, MIGRATIONS_DIR } from "./migrate.js";
import { pgAudit } from "./repos/audit.js";
import { pgBroadcastJobs } from "./repos/broadcasts.js";
import { pgChannelState } from "./repos/channel-state.js";
import { pgCounters } from "./repos/counters.js";
import { pgDeliveries } from "./repos/deliveries.js";
import { pgDialogs } from "./repos/dialogs.js";
import { pgLinkRequests } from "./repos/link-requests.js";
import { pgMailboxes } from "./repos/mailboxes.js";
import { pgReminders } from "./repos/reminders.js";
import { pgRoles } from "./repos/roles.js";
import { pgSelfChecks } from "./repos/self-checks.js";
import { pgInbox } from "./repos/inbox.js";
import { pgKbLearned } from "./repos/kb-learned.js";
import { pgContent } from "./repos/content.js";
import { pgSubmissions } from "./repos/submissions.js";
import { pgUploads } from "./repos/uploads.js";
import { pgUsers } from "./repos/users.js";
import { keyedRecords, Table, type DumpSource, type TableDefinition } from "./table.js";
import * as tables from "./tables.js";
import { pgUnits } from "./units.js";

export interface PostgresStorageOptions {
  /** postgres://user:password@host:port/database (the password is never shown). */
  url: string;
  /** Connections in the pool (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Reads beside a running bot (the CLI): transactions READ ONLY, no migration, no instance row. */
  readOnly?: boolean;
  log: Logger;
  /** How long a statement waits for a lock before it fails (default 10 s, like the JSON backend). */
  lockTimeoutMs?: number;
  /**
   * false: a commit returns once the server has it, before its WAL reaches the disk
   * (`synchronous_commit = off` for the bot's sessions) — a crash of the bot loses nothing, a crash
   * of the database server may lose the last fraction of a second, as with the JSON store. Default true.
   */
  synchronousCommit?: boolean;
  /** Tests: another folder of migrations. */
  migrationsDir?: string;
}

export interface PostgresStorage extends Storage {
  readonly backend: "postgres";
}

/**
 * The PostgreSQL backend: one table per aggregate (migrations/), a unit of work per transaction,
 * coordination between instances in the database. Opening checks the connection and migrates
 * (under an advisory lock); a problem stops the start with one StoreError line naming the
 * database without its password.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<PostgresStorage> {
  const { url, log } = options;
  const where = safeUrl(url);
  const readOnly = options.readOnly ?? false;
  const pool = createPool({
    url,
    poolSize: options.poolSize,
    readOnly,
    synchronousCommit: options.synchronousCommit ?? true,
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
  });
  // An idle connection that breaks must not take the process down; the next query reconnects.
  pool.on("error", (error) => log.warn("postgres connection lost", { database: where, error: oneLine(error, url) }));
  const stats: StoreStats = { commits: 0, checkpoints: 0, fileWrites: 0, bytesWritten: 0, backgroundFailures: 0 };
  const coordination = pgCoordination(pool, log, () => stats.backgroundFailures++, async () => {
    const client = await connectAlone(url);
    // An idle connection that breaks must not take the process down either (its locks are gone then).
    client.on("error", (error) => log.warn("postgres: the instance's own connection was lost", { database: where, error: oneLine(error, url) }));
    return client;
  });
  try {
    await checkReachable(pool, url);
    const client = await pool.connect();
    try {
      if (readOnly) await checkMigrated(client, url, options.migrationsDir ?? MIGRATIONS_DIR);
      else {
        const applied = await migrate(client, url, options.migrationsDir ?? MIGRATIONS_DIR);
        if (applied > 0) log.info("postgres schema migrated", { database: where, migrations: applied });
      }
    } finally {
      client.release();
    }
    if (!readOnly) await coordination.start();
  } catch (error) {
    // The open failed and says why; closing the pool is tidying up after it.
    await pool.end().catch(() => undefined);
    throw error;
  }

  // Filled below, once the tables exist: the kinds a unit may fetch ahead with its BEGIN.
  const ahead = new Map<string, Table<unknown>>();
  const units = pgUnits(pool, {
    readOnly,
    stats,
    prefetch: (kind, keyLiteral) => {
      const t = ahead.get(kind);
      return t ? { table: t.table, sql: t.prefetchSql(keyLiteral) } : null;
    },
  });
  const ctx = new PgContext(pool, units.context, where);
  const table = <T>(definition: TableDefinition<T>) => new Table<T>(ctx, definition);

  const users = table(tables.usersTable);
  const dialogs = table(tables.dialogsTable);
  const submissions = table(tables.submissionsTable);
  const roles = table(tables.rolesTable);
  const subscriptions = table(tables.subscriptionsTable);
  const linkRequests = table(tables.linkRequestsTable);
  const jobs = table(tables.jobsTable);
  const reminders = table(tables.remindersTable);
  const zaloAuth = table(tables.zaloAuthTable);
  const channelSeen = table(tables.channelSeenTable);
  const channelChoices = table(tables.channelChoicesTable);
  const channelHandoff = table(tables.channelHandoffTable);
  const mailboxes = table(tables.mailboxesTable);
  const selfChecks = table(tables.selfChecksTable);
  const inbox = table(tables.inboxTable);
  const tails = table(tables.tailsTable);
  const kbLearned = table(tables.kbLearnedTable);
  const content = table(tables.contentTable);
  const contentHistory = table(tables.contentHistoryTable);
  for (const t of [users, dialogs, roles, subscriptions] as Table<unknown>[]) ahead.set(t.kind, t);
  const counters = pgCounters(ctx);
  const audit = pgAudit(ctx);
  const deliveries = pgDeliveries(ctx);

  const repos: Repositories = {
    users: pgUsers(users),
    dialogs: pgDialogs(ctx, dialogs),
    submissions: pgSubmissions(ctx, submissions),
    counters,
    audit,
    roles: pgRoles(roles),
    subscriptions: keyedRecords(subscriptions),
    linkRequests: pgLinkRequests(ctx, linkRequests),
    broadcasts: pgBroadcastJobs(ctx, jobs),
    deliveries,
    reminders: pgReminders(ctx, reminders),
    channels: pgChannelState(ctx, { choices: channelChoices, handoff: channelHandoff, seen: channelSeen }),
    zalo: { auth: keyedRecords(zaloAuth) },
    mailboxes: pgMailboxes(ctx, mailboxes),
    // Outside the dump (README, "Security and operations").
    uploads: pgUploads(ctx, { readOnly }),
    selfChecks: pgSelfChecks(ctx, selfChecks),
    inbox: pgInbox(ctx, inbox),
    tails: keyedRecords(tails),
    kbLearned: pgKbLearned(ctx, kbLearned),
    content: pgContent(ctx, content, contentHistory),
  };

  const sourceList: DumpSource[] = [users, dialogs, submissions, counters, roles, subscriptions, linkRequests, jobs, reminders, zaloAuth, channelSeen, channelChoices, channelHandoff, mailboxes, selfChecks, inbox, tails, kbLearned, content, contentHistory, audit];
  const sources = new Map(sourceList.map((s) => [s.kind, s]));
  checkKinds(sources);

  let closing: Promise<void> | null = null;
  const storage: PostgresStorage = {
    backend: "postgres",
    repos,
    loading: Promise.resolve(),
    coordination,
    unit: units.unit,
    inUnit: units.inUnit,
    isLockTimeout,
    lock: units.lock,
    afterCommit: units.afterCommit,
    dump: () => dumpAll({ sources, deliveries }),
    restore: (items) => restoreAll({ sources, deliveries }, items, (work) => units.unit(work)),
    isEmpty: () => isEmpty(ctx, sources),
    async clear() {
      // Never under a running bot: its units would write into tables being emptied.
      const others = (await coordination.liveInstances()).filter((id) => id !== coordination.instanceId);
      if (others.length) return { ok: false, reason: "in-use", instances: others.length };
      await clearTables(pool);
      return { ok: true };
    },
    stats,
    // Every commit is durable when COMMIT returns: nothing to bring up to date.
    checkpoint: async () => undefined,
    close() {
      closing ??= (async () => {
        units.close();
        await coordination.stop();
        await pool.end();
      })();
      return closing;
    },
  };
  return storage;
}
