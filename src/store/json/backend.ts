import { isLockTimeout } from "../errors.js";
import { randomUUID } from "node:crypto";
import type { DumpItem, Storage, UnitOptions } from "../port.js";
import { NoUnitOfWorkError } from "../port.js";
import type { RecipientDump, Repositories } from "../repositories.js";
import { UnitContext } from "../unit-context.js";
import type { LogWarning } from "./append-log.js";
import type { Collection } from "./collection.js";
import * as defs from "./collections.js";
import { jsonAudit } from "./repos/audit.js";
import { jsonBroadcastJobs } from "./repos/broadcasts.js";
import { jsonChannelState } from "./repos/channel-state.js";
import { keyedRecords, type JsonContext } from "./repos/context.js";
import { jsonCounters } from "./repos/counters.js";
import { jsonDeliveries } from "./repos/deliveries.js";
import { jsonDialogs } from "./repos/dialogs.js";
import { jsonLinkRequests } from "./repos/link-requests.js";
import { jsonMailboxes } from "./repos/mailboxes.js";
import { jsonReminders } from "./repos/reminders.js";
import { jsonRoles } from "./repos/roles.js";
import { jsonSelfChecks } from "./repos/self-checks.js";
import { jsonInbox } from "./repos/inbox.js";
import { jsonKbLearned } from "./repos/kb-learned.js";
import { jsonContent } from "./repos/content.js";
import { jsonSubmissions } from "./repos/submissions.js";
import { jsonUploads } from "./repos/uploads.js";
import { jsonUsers } from "./repos/users.js";
import { Store } from "./store.js";
import type { JsonUnit } from "./unit.js";

export interface JsonStorageOptions {
  dir: string;
  /** Reads DATA_DIR beside a running bot (no lock, nothing written): the CLI's reports and backup check. */
  readOnly?: boolean;
  onWarning?: (w: LogWarning) => void;
  onError?: (message: string, error: unknown, fields?: Record<string, unknown>) => void;
  checkpointEveryMs?: number;
  checkpointAtBytes?: number;
  lockTimeoutMs?: number;
  /** Read the collection files after opening, a shard a turn touches first (`npm start` answers sooner); see `loading`. */
  background?: boolean;
  /** Take over a DATA_DIR lock another host wrote (STORE_LOCK_TAKEOVER=1). */
  takeOverForeignLock?: boolean;
}

export interface JsonStorage extends Storage {
  readonly backend: "json";
  /** The file engine underneath (tests and benchmarks look at its files and figures). */
  readonly engine: Store;
}

/** Keyed collections in dump order, by the kind name a dump uses. */
const KEYED = {
  users: defs.usersCollection,
  dialogs: defs.dialogsCollection,
  submissions: defs.submissionsCollection,
  counters: defs.countersCollection,
  roles: defs.rolesCollection,
  subscriptions: defs.subscriptionsCollection,
  "link-requests": defs.linkRequestsCollection,
  broadcasts: defs.jobsCollection,
  reminders: defs.remindersCollection,
  "zalo-auth": defs.zaloAuthCollection,
  "zalo-seen": defs.channelSeenCollection,
  "zalo-choices": defs.channelChoicesCollection,
  "zalo-handoff": defs.channelHandoffCollection,
  mailboxes: defs.mailboxesCollection,
  "self-checks": defs.selfChecksCollection,
  inbox: defs.inboxCollection,
  "conversation-tails": defs.tailsCollection,
  "kb-learned": defs.kbLearnedCollection,
  content: defs.contentCollection,
  "content-history": defs.contentHistoryCollection,
} as const;
export const DUMP_KINDS = [...Object.keys(KEYED), "audit", "deliveries"] as const;

/** Records per unit of work when restoring a dump. */
const RESTORE_BATCH = 500;

/**
 * The JSON backend: the files under DATA_DIR (store.ts) behind the repositories. One process per
 * DATA_DIR; a unit of work is the engine's unit, found by the repositories through an
 * AsyncLocalStorage.
 */
export async function openJsonStorage(options: JsonStorageOptions): Promise<JsonStorage> {
  const engine = await Store.open({
    dir: options.dir,
    collections: defs.collections,
    logs: defs.logs,
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.takeOverForeignLock ? { takeOverForeignLock: true } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.checkpointEveryMs !== undefined ? { checkpointEveryMs: options.checkpointEveryMs } : {}),
    ...(options.checkpointAtBytes !== undefined ? { checkpointAtBytes: options.checkpointAtBytes } : {}),
    ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
    ...(options.background && !options.readOnly ? { background: true } : {}),
  });
  const units = new UnitContext<JsonUnit>();
  const ctx: JsonContext = {
    store: engine,
    unit(what) {
      const unit = units.current();
      if (!unit) throw new NoUnitOfWorkError(what);
      return unit;
    },
  };
  const c = <T>(def: { name: string } & Parameters<Store["collection"]>[0]) => engine.collection(def) as Collection<T>;
  const audit = engine.log(defs.auditLog);
  const deliveriesLog = engine.log(defs.deliveriesLog);
  const repos: Repositories = {
    users: jsonUsers(ctx, engine.collection(defs.usersCollection)),
    dialogs: jsonDialogs(ctx, engine.collection(defs.dialogsCollection)),
    submissions: jsonSubmissions(ctx, engine.collection(defs.submissionsCollection)),
    counters: jsonCounters(ctx, engine.collection(defs.countersCollection)),
    audit: jsonAudit(ctx, audit),
    roles: jsonRoles(ctx, engine.collection(defs.rolesCollection)),
    subscriptions: keyedRecords(ctx, engine.collection(defs.subscriptionsCollection)),
    linkRequests: jsonLinkRequests(ctx, engine.collection(defs.linkRequestsCollection)),
    broadcasts: jsonBroadcastJobs(ctx, engine.collection(defs.jobsCollection)),
    deliveries: jsonDeliveries(ctx, deliveriesLog),
    reminders: jsonReminders(ctx, engine.collection(defs.remindersCollection)),
    channels: jsonChannelState(ctx, {
      seen: engine.collection(defs.channelSeenCollection),
      choices: engine.collection(defs.channelChoicesCollection),
      handoff: engine.collection(defs.channelHandoffCollection),
    }),
    zalo: { auth: keyedRecords(ctx, engine.collection(defs.zaloAuthCollection)) },
    mailboxes: jsonMailboxes(ctx, engine.collection(defs.mailboxesCollection)),
    // Files of their own under DATA_DIR/uploads/, outside the dump (README, "Security and operations").
    uploads: jsonUploads(options.dir, { readOnly: options.readOnly === true }),
    selfChecks: jsonSelfChecks(ctx, engine.collection(defs.selfChecksCollection)),
    inbox: jsonInbox(ctx, engine.collection(defs.inboxCollection)),
    tails: keyedRecords(ctx, engine.collection(defs.tailsCollection)),
    kbLearned: jsonKbLearned(ctx, engine.collection(defs.kbLearnedCollection)),
    content: jsonContent(ctx, engine.collection(defs.contentCollection), engine.collection(defs.contentHistoryCollection)),
  };
  const instanceId = randomUUID();
  const running = new Set<string>();
  // The repositories watch their collections (indexes): only now may shards be read in the background.
  const loading = engine.startLoading();

  const unit = async <T>(work: () => Promise<T>, options?: UnitOptions): Promise<T> => {
    const current = units.current();
    if (current && !options?.own) {
      if (options?.lockKey) await engine.lock(current, "unit", options.lockKey);
      return work();
    }
    const u = engine.beginUnit();
    let result: T;
    try {
      // Units with the same key one after the other (in one process the conversation's queue
      // already orders a user's turns; this keeps the promise for every other caller).
      if (options?.lockKey) await engine.lock(u, "unit", options.lockKey);
      result = await units.run(u, work);
    } catch (error) {
      engine.abortUnit(u);
      throw error;
    }
    // The unit's effects (waking the broadcast runner…) run outside it.
    await units.outside(() => engine.commitUnit(u));
    return result;
  };

  const storage: JsonStorage = {
    backend: "json",
    engine,
    repos,
    coordination: {
      instanceId,
      liveInstances: async () => [instanceId],
      // One process: the broadcast runner's own limiter keeps the rate.
      takeSendSlot: async () => 0,
      // One process per DATA_DIR (the lock file): nobody else could hold it.
      hold: async () => async () => {},
      async exclusively(name, work) {
        if (running.has(name)) return undefined;
        running.add(name);
        try {
          return await work();
        } finally {
          running.delete(name);
        }
      },
    },
    unit,
    inUnit: () => units.current() !== undefined,
    isLockTimeout,
    lock: (name) => engine.lock(ctx.unit(`lock ${name}`), "lock", name),
    afterCommit(effect) {
      const u = units.current();
      if (u) u.afterCommit(effect);
      else effect();
    },
    async *dump(): AsyncGenerator<DumpItem> {
      await loading;
      for (const [kind, def] of Object.entries(KEYED)) {
        const collection = c<unknown>(def);
        const entries = [...collection.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [key, record] of entries) yield { kind, key, record };
      }
      for (const [i, entry] of audit.entries().entries()) yield { kind: "audit", key: String(i + 1).padStart(10, "0"), record: entry };
      for (const job of (await repos.deliveries.jobs()).sort()) yield { kind: "deliveries", key: job, record: await repos.deliveries.dump(job) };
    },
    async restore(items) {
      let count = 0;
      let batch: DumpItem[] = [];
      const flush = async () => {
        const todo = batch;
        batch = [];
        await unit(async () => {
          const u = ctx.unit("restore");
          for (const item of todo) {
            if (item.kind === "audit") await repos.audit.append(defs.auditLog.entry.parse(item.record));
            else if (item.kind === "deliveries") await repos.deliveries.restore(item.key, item.record as RecipientDump[]);
            else {
              const def = (KEYED as Record<string, { name: string } | undefined>)[item.kind];
              if (!def) throw new Error(`restore: unknown kind ${item.kind}`);
              const collection = c<unknown>(def as Parameters<Store["collection"]>[0]);
              await collection.ready(item.key);
              await engine.lock(u, collection.name, item.key);
              try {
                collection.set(item.key, item.record, u);
              } catch (error) {
                throw new Error(`restore: ${item.kind}[${item.key}] ${(error as Error).message}`);
              }
            }
          }
        });
      };
      for await (const item of items) {
        batch.push(item);
        count++;
        if (batch.length >= RESTORE_BATCH) await flush();
      }
      if (batch.length) await flush();
      return count;
    },
    async isEmpty() {
      await loading;
      for (const def of Object.values(KEYED)) if (c<unknown>(def).size > 0) return false;
      return audit.entries().length === 0 && (await deliveriesLog.files()).length === 0;
    },
    get stats() {
      return engine.stats;
    },
    loading,
    checkpoint: () => engine.checkpoint(),
    close: () => engine.close(),
  };
  return storage;
}
