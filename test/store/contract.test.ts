import { createHash } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { backupDataDir } from "../../src/store/json/backup.js";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DialogState, JsonValue } from "../../src/core/feature.js";
import { memoryLogger } from "../../src/core/log.js";
import type { Programme } from "../../src/domain/programmes.js";
import type { StatusId } from "../../src/domain/statuses.js";
import type { SectorGroup, Submission } from "../../src/domain/submission.js";
import { formatTrackingCode } from "../../src/domain/tracking-code.js";
import { dossierComplete, dossierProgress, type DossierRules } from "../../src/domain/dossier-checklist.js";
import { shardOf } from "../../src/store/json/collection.js";
import type { AuditEntry } from "../../src/domain/records/audit-entry.js";
import { zeroCounts, type Job } from "../../src/domain/records/broadcast-job.js";
import type { UserRecord } from "../../src/domain/records/user.js";
import type { SelfCheckResult } from "../../src/domain/records/self-check.js";
import type { InboxItem } from "../../src/domain/records/inbox-item.js";
import type { KbLearned, LearnedStep } from "../../src/domain/records/kb-learned.js";
import { StoreError } from "../../src/store/errors.js";
import { openJsonStorage } from "../../src/store/json/backend.js";
import { NoUnitOfWorkError, type DumpItem, type Storage } from "../../src/store/port.js";
import { openPostgresStorage } from "../../src/store/postgres/backend.js";
import { readMigrations } from "../../src/store/postgres/migrate.js";
import type { FiguresQuery, ListedRecipient } from "../../src/store/repositories.js";
import { testDatabaseUrl } from "../helpers/postgres.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * The storage contract (src/store/repositories.ts, src/store/port.ts): the same assertions against
 * the JSON backend and PostgreSQL. Each test gets a fresh store: a temporary DATA_DIR, or a fresh
 * database copied from the migrated template of this run's throwaway cluster.
 */

const tempDir = useTempDirs();

type BackendName = "json" | "postgres";
const open: Record<BackendName, () => Promise<Storage>> = {
  json: async () => openJsonStorage({ dir: await tempDir() }),
  postgres: async () => openPostgresStorage({ url: await testDatabaseUrl(), poolSize: 6, log: memoryLogger() }),
};
const BACKENDS: BackendName[] = ["json", "postgres"];

// ---------------------------------------------------------------------------------------------
// Records

const BASE = Date.UTC(2026, 10, 22, 3, 0, 0);
/** An instant `minutes` after 2026-11-22 03:00 UTC, as the bot writes it. */
const T = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Calls `f` in an async function: a synchronous throw becomes a rejection, whichever the backend does. */
const attempt = (f: () => unknown) => (async () => f())();

const user = (key: string, extra: Partial<UserRecord> = {}): UserRecord => {
  const [channel, id] = key.split(":") as [UserRecord["channel"], string];
  return { channel, id, locale: null, firstSeen: T(0), lastSeen: T(0), unreachableSince: null, ...extra };
};
const learnedStep = (minutes: number, action: LearnedStep["action"], by = "telegram:777"): LearnedStep => ({ at: T(minutes), by, role: "official", action, itemId: null, note: null });
const learnedPhrasing = (minutes: number, entryId: string, text: string): KbLearned => ({ kind: "phrasing", entryId, text, locale: "vi", status: "live", history: [learnedStep(minutes, "added")] });
const learnedEntry = (minutes: number, entryId: string, status: "pending" | "approved" | "rejected"): KbLearned => ({
  kind: "entry",
  entryId,
  topic: "chung-info",
  questions: { vi: [`câu hỏi của ${entryId}`] },
  answer: { vi: ["Quý doanh nghiệp vui lòng hỏi {unit}."] },
  source: "seed 000",
  reviewed: "2026-11-20",
  status,
  history: status === "pending" ? [learnedStep(minutes, "proposed")] : [learnedStep(minutes, "proposed"), learnedStep(minutes + 1, status === "approved" ? "approved" : "rejected", "telegram:888")],
});
const selfCheck = (at: string, scores: Record<string, number>, sector: string | null, sizeClass: SelfCheckResult["sizeClass"], attachedTo: string[] = []): SelfCheckResult => ({
  at,
  regime: "2026",
  answers: Object.fromEntries(Object.keys(scores).map((c, i) => [`s${i}`, 2])),
  scores,
  sector,
  sizeClass,
  attachedTo,
});
const inboxItem = (id: string, userKey: string, createdAt: string, extra: Partial<InboxItem> = {}): InboxItem => {
  const [channel, userId] = userKey.split(":") as [string, string];
  return { id, userKey, channel, userId, locale: "vi", status: "open", questions: [{ at: createdAt, text: "Hỏi <b>gì</b>?", reason: "refused", offered: [] }], createdAt, closedAt: null, answers: [], undelivered: null, tail: [], ...extra };
};
const dialog = (flow: string, updatedAt: string, data: JsonValue = { step: 1 }): DialogState => ({ flow, data, startedAt: T(0), updatedAt });

interface SubmissionSpec {
  programme?: Programme;
  year?: number;
  seq: number;
  status?: StatusId;
  taxCode: string;
  name: string;
  owner: string;
  locale?: "vi" | "en";
  createdAt: string;
  lastChangeAt?: string;
  commune?: string | null;
  communeKey?: string | null;
  sector?: SectorGroup | null;
  size?: "micro" | "small" | "medium" | "large" | null;
  linked?: string[];
  pendingAt?: string | null;
  checklist?: Submission["checklist"];
  documents?: Submission["documents"];
}

function submission(spec: SubmissionSpec): Submission {
  const programme = spec.programme ?? "gtclqg";
  const year = spec.year ?? 2026;
  const d = draft({ programme, taxCode: spec.taxCode, userKey: spec.owner, awardYear: year, name: spec.name });
  const status = spec.status ?? "registered";
  const history: Submission["statusHistory"] = [{ at: spec.createdAt, from: null, to: "registered", by: { kind: "enterprise", userKey: spec.owner }, note: null }];
  if (status !== "registered") history.push({ at: spec.lastChangeAt ?? spec.createdAt, from: "registered", to: status, by: { kind: "official", userKey: "telegram:900" }, note: null });
  const keyOf = (k: string) => k.split(":") as ["telegram", string];
  return {
    ...d,
    owner: { ...d.owner, locale: spec.locale ?? "vi" },
    organisation: {
      ...d.organisation,
      address: { ...d.organisation.address, commune: spec.commune === undefined ? "Phường Trấn Biên" : spec.commune, communeKey: spec.communeKey === undefined ? "phuong tran bien" : spec.communeKey },
      sectorGroup: spec.sector === undefined ? d.organisation.sectorGroup : spec.sector,
      sizeClass: spec.size === undefined ? "small" : spec.size,
    },
    code: formatTrackingCode(programme, year, spec.seq),
    status,
    statusHistory: history,
    createdAt: spec.createdAt,
    updatedAt: spec.lastChangeAt ?? spec.createdAt,
    contactRemovedAt: null,
    pendingContact: spec.pendingAt ? { contact: { name: "Trần Văn Bình", position: "Giám đốc", phone: "+84987654321", email: "binh@example.vn" }, at: spec.pendingAt, by: "zalo:77" } : null,
    linked: (spec.linked ?? []).map((k) => ({ userKey: k, channel: keyOf(k)[0], userId: keyOf(k)[1], at: spec.createdAt })),
    checklist: spec.checklist ?? {},
    ...(spec.documents ? { documents: spec.documents } : {}),
  };
}

/** Submissions the queries are asked about (see each test for what they should find). */
const S = {
  A: submission({ seq: 1, taxCode: "0314409058", name: "Công ty TNHH Minh An", owner: "telegram:1", createdAt: T(10), sector: "production", size: "small" }),
  B: submission({
    seq: 2,
    taxCode: "0314409058-001",
    name: "Chi nhánh Công ty TNHH Minh An tại Biên Hòa",
    owner: "telegram:2",
    createdAt: T(20),
    status: "dossier-received",
    lastChangeAt: T(25),
    commune: "phường trấn biên",
    sector: "services",
    size: "medium",
    linked: ["telegram:1"],
  }),
  C: submission({ seq: 3, taxCode: "0101234567", name: "Công ty Cổ phần Phước Thịnh", owner: "zalo:3", createdAt: T(30), status: "withdrawn", lastChangeAt: T(31), commune: null, communeKey: null, sector: null, size: null }),
  D: submission({ year: 2025, seq: 7, taxCode: "0101234567", name: "Công ty Cổ phần Phước Thịnh", owner: "zalo:3", createdAt: T(-1000), status: "desk-review", lastChangeAt: T(-900), commune: "Phường Long Bình", communeKey: "phuong long binh" }),
  E: submission({ programme: "nscl", seq: 1, taxCode: "0300000001", name: "Hợp tác xã Nông nghiệp Tân Phú", owner: "web:abc", locale: "en", createdAt: T(40), commune: "Xã Tân Phú", communeKey: "xa tan phu", size: "micro" }),
  F: submission({
    seq: 10,
    taxCode: "0312345678",
    name: "Công ty TNHH Cơ khí Đồng Nai 100%_Việt",
    owner: "telegram:1",
    locale: "en",
    createdAt: T(50),
    status: "needs-supplement",
    lastChangeAt: T(55),
    commune: "Phường Tam Hiệp",
    communeKey: "phuong tam hiep",
    sector: "production",
    size: "large",
    pendingAt: T(57),
  }),
  G: submission({ seq: 4, taxCode: "0319999999", name: "Doanh nghiệp tư nhân Hoa Sen", owner: "telegram:5", createdAt: T(60), sector: "production", size: "small", pendingAt: T(56) }),
};
const codes = (list: readonly Submission[]) => list.map((s) => s.code);

const OPEN_GTCLQG: StatusId[] = ["registered", "dossier-received", "needs-supplement", "desk-review", "onsite-review", "shortlisted", "national-council"];

const job = (id: string, extra: Partial<Job> = {}): Job => ({
  id,
  kind: "reminder",
  createdAt: T(0),
  createdBy: null,
  content: null,
  segment: null,
  state: "running",
  scheduledAt: null,
  startedAt: null,
  finishedAt: null,
  total: null,
  planned: null,
  counts: zeroCounts(),
  progressHandle: null,
  history: [],
  note: null,
  ...extra,
});

const entry = (subject: string, minute: number, to: string): AuditEntry => ({
  at: T(minute),
  action: "status-change",
  actor: { userKey: "telegram:900", role: "official" },
  subject,
  from: "registered",
  to,
  note: null,
  detail: null,
});

const recipients = (n: number, extra: (i: number) => Partial<ListedRecipient> = () => ({})): ListedRecipient[] =>
  Array.from({ length: n }, (_, i) => ({ ch: "telegram" as const, id: String(100 + i), loc: "vi" as const, ...extra(i) }));

/** A bit of everything, as a running bot leaves it (the dump tests copy it). */
async function seed(storage: Storage): Promise<void> {
  const r = storage.repos;
  await storage.unit(async () => {
    await r.users.put("telegram:1", user("telegram:1", { locale: "vi" }));
    await r.users.put("zalo:3", user("zalo:3", { unreachableSince: T(5) }));
    await r.users.put("web:B", user("web:B"));
    await r.dialogs.put("telegram:1", dialog("register-gtclqg", T(3), { answers: { name: "Minh An", nested: [1, "hai", null, true] }, z: 1, a: 2 }));
    await r.dialogs.put("zalo:3", dialog("register-nscl", T(4)));
    for (const s of [S.A, S.B, S.E]) await r.submissions.insert(s);
    await r.counters.next("submission:gtclqg:2026", 2);
    await r.counters.next("broadcast", 0);
    await r.audit.append(entry("GT-2026-0001", 11, "dossier-received"));
    await r.audit.append(entry("GT-2026-0002", 12, "dossier-received"));
    await r.audit.append(entry("GT-2026-0001", 13, "needs-supplement"));
    await r.roles.put("telegram:900", { role: "official", grantedBy: "telegram:1000", grantedAt: T(0) });
    await r.subscriptions.put("telegram:1", { choice: "yes", askedAt: T(1), changedAt: T(2) });
    await r.linkRequests.put("tok-1", { code: "GT-2026-0001", requester: { userKey: "zalo:3", channel: "zalo", userId: "3" }, at: T(5) });
    await r.broadcasts.put("NH-0001", job("NH-0001", { startedAt: T(6) }));
    await r.reminders.claim(["GT-2026-0001@2026-12-01", "GT-2026-0002@2026-12-01"], { job: "NH-0001", at: T(6) });
    await r.zalo.auth.put("app-1", { accessToken: "at", accessTokenExpiresAt: T(100), refreshToken: "rt", refreshedAt: T(0), seed: "0123456789abcdef", needsConsent: null });
    await r.channels.choices.put("z-1", { options: [{ label: "Một", data: "one" }], shownAt: T(7) });
    await r.channels.handoff.put("z-2", { until: T(90) });
    await r.channels.firstTime("event-1", new Date(T(8)), 100);
    await r.channels.firstTime("event-2", new Date(T(9)), 100);
    await r.mailboxes.push("session-1", [{ text: "Xin chào", buttons: [[{ label: "OK", data: "ok" }]] }, "hai"], 10);
    await r.selfChecks.put("telegram:1", { results: [selfCheck(T(9), { "lanh-dao": 50 }, "vsic2018:C", "small")] });
    await r.inbox.put("HT1", inboxItem("HT1", "zalo:2", T(9)));
    await r.tails.put("zalo:2", { turns: [{ at: T(9), from: "user", text: "Hỏi gì?" }] });
    await r.kbLearned.put("p-1", learnedPhrasing(9, "gt-la-gi", "gtclqg la giai gi the"));
    await r.content.save({ kind: "profile", id: "dong-nai", document: { id: "dong-nai", unit: { phone: "0251 3822 123" } }, previous: { id: "dong-nai", unit: { phone: null } }, added: false, at: T(9), by: "telegram:900", role: "official", via: "web" });
    await r.deliveries.list("NH-0001", recipients(5, (i) => (i === 0 ? { skip: "unsubscribed" } : i === 1 ? { codes: ["GT-2026-0001"] } : {})));
  });
  // Recipient 1 sent, 2 in flight (a copy reports it uncertain), 3 and 4 waiting.
  await storage.unit(async () => {
    const first = await r.deliveries.claim("NH-0001", new Date(T(10)), storage.coordination.instanceId);
    expect(first).toMatchObject({ kind: "send", index: 1 });
    await r.deliveries.claim("NH-0001", new Date(T(10)), storage.coordination.instanceId);
  });
  await storage.unit(() => r.deliveries.settle("NH-0001", 1, "sent", new Date(T(11))));
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
async function* replay<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}


// ---------------------------------------------------------------------------------------------

describe.each(BACKENDS)("storage contract: %s", (backend) => {
  let storage: Storage;
  beforeEach(async () => {
    storage = await open[backend]();
  });
  afterEach(async () => {
    await storage.close();
  });
  const repos = () => storage.repos;

  describe("units of work", () => {
    it("refuses writes outside a unit (NoUnitOfWorkError) and answers reads anywhere", async () => {
      const r = repos();
      const writes: [string, () => unknown][] = [
        ["users.put", () => r.users.put("telegram:1", user("telegram:1"))],
        ["users.update", () => r.users.update("telegram:1", () => user("telegram:1"))],
        ["users.delete", () => r.users.delete("telegram:1")],
        ["dialogs.put", () => r.dialogs.put("telegram:1", dialog("f", T(1)))],
        ["submissions.insert", () => r.submissions.insert(S.A)],
        ["submissions.update", () => r.submissions.update(S.A.code, () => S.A)],
        ["counters.next", () => r.counters.next("k", 0)],
        ["audit.append", () => r.audit.append(entry("x", 1, "y"))],
        ["roles.put", () => r.roles.put("telegram:1", { role: "admin", grantedBy: "telegram:2", grantedAt: T(0) })],
        ["subscriptions.put", () => r.subscriptions.put("telegram:1", { choice: "no", askedAt: null, changedAt: null })],
        ["broadcasts.put", () => r.broadcasts.put("NH-0001", job("NH-0001"))],
        ["deliveries.list", () => r.deliveries.list("NH-0001", recipients(1))],
        ["deliveries.restore", () => r.deliveries.restore("NH-0001", [])],
        ["reminders.claim", () => r.reminders.claim(["k@2026-01-01"], { job: "NH-0001", at: T(0) })],
        ["zalo.firstTime", () => r.channels.firstTime("e", new Date(T(0)), 10)],
        ["zalo.auth.put", () => r.channels.handoff.put("z", { until: T(1) })],
        ["mailboxes.push", () => r.mailboxes.push("s", ["x"], 5)],
        ["lock", () => storage.lock("name")],
      ];
      for (const [what, write] of writes) await expect(attempt(write), what).rejects.toBeInstanceOf(NoUnitOfWorkError);
      expect(storage.inUnit()).toBe(false);
      expect(await r.users.get("telegram:1")).toBeUndefined();
      expect(await r.users.count()).toBe(0);
      expect(await r.audit.count()).toBe(0);
      expect(await r.submissions.get(S.A.code)).toBeUndefined();

      // Writes that would change nothing are no error (the JSON backend's leniency, kept alike).
      expect(await r.dialogs.takeExpired(["f"], T(100), 10)).toEqual([]);
      expect(await r.linkRequests.prune(T(100))).toBe(0);
      expect(await r.mailboxes.take("s")).toEqual([]);
      expect(await r.reminders.claim([], { job: "NH-0001", at: T(0) })).toEqual([]);
      expect(await r.deliveries.claim("NH-0001", new Date(T(0)), "me")).toEqual({ kind: "none" });
      expect(await r.deliveries.abandonInFlight("NH-0001", [], new Date(T(0)))).toBe(0);
    });

    it("keeps nothing of a unit that throws: records, counters and audit entries", async () => {
      const r = repos();
      const effect = vi.fn();
      await expect(
        storage.unit(async () => {
          await r.users.put("telegram:1", user("telegram:1"));
          await r.submissions.insert(S.A);
          await r.counters.next("k", 0);
          await r.audit.append(entry(S.A.code, 1, "dossier-received"));
          await r.deliveries.list("NH-0001", recipients(2));
          storage.afterCommit(effect);
          expect(await r.users.get("telegram:1")).toBeDefined();
          expect(await r.audit.about(S.A.code)).toHaveLength(1);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(effect).not.toHaveBeenCalled();
      expect(await r.users.get("telegram:1")).toBeUndefined();
      expect(await r.submissions.get(S.A.code)).toBeUndefined();
      expect(await r.counters.last("k")).toBe(0);
      expect(await r.audit.count()).toBe(0);
      expect(await r.audit.about(S.A.code)).toEqual([]);
      expect(await r.audit.page(null, 10)).toEqual([]);
      expect(await r.deliveries.summary("NH-0001")).toBeNull();
      expect(await storage.isEmpty()).toBe(true);

      // The store goes on as if nothing happened.
      await storage.unit(async () => {
        await r.audit.append(entry(S.A.code, 2, "needs-supplement"));
        expect(await r.counters.next("k", 0)).toBe(1);
      });
      expect((await r.audit.page(null, 10)).map((p) => p.entry.to)).toEqual(["needs-supplement"]);
    });

    it("joins a unit started inside a unit: the inner writes commit with the outer, or not at all", async () => {
      const r = repos();
      await storage.unit(async () => {
        await r.users.put("telegram:1", user("telegram:1"));
        const inner = await storage.unit(async () => {
          expect(storage.inUnit()).toBe(true);
          await r.users.put("telegram:2", user("telegram:2"));
          return "inner";
        });
        expect(inner).toBe("inner");
        // Still the same unit: it sees its own writes.
        expect(await r.users.count()).toBe(2);
      });
      expect(await r.users.count()).toBe(2);

      await expect(
        storage.unit(async () => {
          await storage.unit(() => r.users.put("telegram:3", user("telegram:3")));
          throw new Error("outer fails");
        }),
      ).rejects.toThrow("outer fails");
      expect(await r.users.get("telegram:3")).toBeUndefined();
    });

    it("commits a unit started with own: true inside another on its own, whatever becomes of the outer one", async () => {
      const r = repos();
      await expect(
        storage.unit(async () => {
          await r.users.put("telegram:4", user("telegram:4"));
          await storage.unit(() => r.users.put("telegram:5", user("telegram:5")), { own: true });
          // Committed already: visible outside the outer unit before it ends.
          expect(await storage.unit(() => r.users.get("telegram:5"), { own: true })).toBeDefined();
          throw new Error("outer fails");
        }),
      ).rejects.toThrow("outer fails");
      expect(await r.users.get("telegram:4")).toBeUndefined();
      expect(await r.users.get("telegram:5")).toBeDefined();
    });

    it("runs afterCommit effects once the unit committed (at once outside a unit), and never for a failed unit", async () => {
      const r = repos();
      const seen: (string | undefined)[] = [];
      const result = await storage.unit(async () => {
        await r.users.put("telegram:1", user("telegram:1", { locale: "en" }));
        storage.afterCommit(() => {
          // Outside the unit: the effect reads what is committed.
          expect(storage.inUnit()).toBe(false);
          seen.push("effect");
        });
        expect(seen).toEqual([]);
        return 42;
      });
      expect(result).toBe(42);
      expect(seen).toEqual(["effect"]);

      let now = false;
      storage.afterCommit(() => (now = true));
      expect(now).toBe(true);

      const never = vi.fn();
      await expect(
        storage.unit(async () => {
          storage.afterCommit(never);
          throw new Error("fails");
        }),
      ).rejects.toThrow("fails");
      expect(never).not.toHaveBeenCalled();
    });

    it("lock(name) makes two concurrent units take their guarded part one after the other", async () => {
      const events: string[] = [];
      const guarded = (who: string) =>
        storage.unit(async () => {
          await storage.lock("registration:0314409058");
          events.push(`${who}:in`);
          await sleep(40);
          await repos().users.put(`telegram:${who}`, user(`telegram:${who}`));
          events.push(`${who}:out`);
        });
      await Promise.all([guarded("1"), guarded("2")]);
      expect([
        ["1:in", "1:out", "2:in", "2:out"],
        ["2:in", "2:out", "1:in", "1:out"],
      ]).toContainEqual(events);
      expect(await repos().users.count()).toBe(2);
    });

    // JSON: openJsonStorage's `unit` ignores `lockKey` (one process: the conversation's per-user queue orders a user's turns).
    it("runs units with the same lockKey one after the other (port.ts UnitOptions.lockKey)", async () => {
      const events: string[] = [];
      const turn = (who: string) =>
        storage.unit(
          async () => {
            events.push(`${who}:in`);
            await sleep(40);
            events.push(`${who}:out`);
          },
          { lockKey: "telegram:1" },
        );
      await Promise.all([turn("a"), turn("b")]);
      expect([
        ["a:in", "a:out", "b:in", "b:out"],
        ["b:in", "b:out", "a:in", "a:out"],
      ]).toContainEqual(events);
    });

    it("update: change sees the record as it is now and no other unit changes it until the unit ends", async () => {
      const r = repos();
      await storage.unit(() => r.dialogs.put("telegram:1", dialog("counting", T(1), 0)));
      const increment = () =>
        storage.unit(async () => {
          await r.dialogs.update("telegram:1", (d) => d && { ...d, data: (d.data as number) + 1 });
          // Held until the unit ends: a concurrent update waits, then sees this one.
          await sleep(5);
        });
      await Promise.all(Array.from({ length: 10 }, increment));
      expect((await r.dialogs.get("telegram:1"))?.data).toBe(10);
    });

    it("gives two concurrent counters.next on one key different numbers, never one at or below atLeastAfter", async () => {
      const r = repos();
      const taken = await Promise.all(Array.from({ length: 20 }, () => storage.unit(() => r.counters.next("submission:gtclqg:2026", 0))));
      expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await storage.unit(() => r.counters.next("submission:gtclqg:2026", 41))).toBe(42);
      expect(await storage.unit(() => r.counters.next("submission:gtclqg:2026", 5))).toBe(43);
      expect(await storage.unit(() => r.counters.next("broadcast", 7))).toBe(8);
      expect(await r.counters.last("submission:gtclqg:2026")).toBe(43);
      expect(await r.counters.last("nothing")).toBe(0);
      expect(await r.counters.all()).toEqual(
        new Map([
          ["broadcast", { last: 8 }],
          ["submission:gtclqg:2026", { last: 43 }],
        ]),
      );
    });
  });

  describe("keyed records", () => {
    it("users: put, get, getMany, update (null deletes, undefined leaves), delete, count", async () => {
      const r = repos();
      await storage.unit(async () => {
        // What was stored comes back: schema defaults applied.
        const { unreachableSince: _, ...withoutDefault } = user("telegram:1");
        expect(await r.users.put("telegram:1", withoutDefault as UserRecord)).toEqual(user("telegram:1"));
        await r.users.put("zalo:2", user("zalo:2", { locale: "en" }));
        await expect(r.users.put("web:x", { ...user("web:x"), id: "" })).rejects.toThrow(/users\[web:x\]/);
      });
      expect(await r.users.get("telegram:1")).toEqual(user("telegram:1"));
      expect(await r.users.get("web:x")).toBeUndefined();
      expect(await r.users.getMany(["zalo:2", "nobody", "telegram:1"])).toEqual(
        new Map([
          ["zalo:2", user("zalo:2", { locale: "en" })],
          ["telegram:1", user("telegram:1")],
        ]),
      );
      expect(await r.users.getMany([])).toEqual(new Map());

      await storage.unit(async () => {
        const seen: (UserRecord | undefined)[] = [];
        // A change made earlier in the unit is what `change` sees.
        await r.users.put("telegram:1", user("telegram:1", { locale: "vi" }));
        expect(await r.users.update("telegram:1", (u) => (seen.push(u), u && { ...u, lastSeen: T(9) }))).toEqual(user("telegram:1", { locale: "vi", lastSeen: T(9) }));
        expect(seen).toEqual([user("telegram:1", { locale: "vi" })]);
        // undefined: left as it is, and returned.
        expect(await r.users.update("telegram:1", () => undefined)).toEqual(user("telegram:1", { locale: "vi", lastSeen: T(9) }));
        // A missing record: change sees undefined; a record returned is created.
        expect(await r.users.update("web:new", (u) => (seen.push(u), user("web:new")))).toEqual(user("web:new"));
        expect(seen[1]).toBeUndefined();
        expect(await r.users.update("web:none", () => undefined)).toBeUndefined();
        // null deletes.
        expect(await r.users.update("zalo:2", () => null)).toBeUndefined();
        expect(await r.users.update("zalo:404", () => null)).toBeUndefined();
        await expect(r.users.update("telegram:1", (u) => u && { ...u, channel: "fax:1" as never })).rejects.toThrow(/users\[telegram:1\]/);
      });
      expect(await r.users.get("zalo:2")).toBeUndefined();
      expect(await r.users.get("web:none")).toBeUndefined();
      expect(await r.users.get("telegram:1")).toEqual(user("telegram:1", { locale: "vi", lastSeen: T(9) }));
      expect(await r.users.count()).toBe(2);
      expect(await storage.unit(() => r.users.delete("web:new"))).toBe(true);
      expect(await storage.unit(() => r.users.delete("web:new"))).toBe(false);
      expect(await r.users.count()).toBe(1);
    });

    it("users.page: key order (bytes: upper case before lower case), after a key, in slices", async () => {
      const r = repos();
      const keys = ["zalo:9", "telegram:2", "web:a", "telegram:10", "web:B", "telegram:1"];
      await storage.unit(async () => {
        for (const k of keys) await r.users.put(k, user(k));
      });
      const sorted = ["telegram:1", "telegram:10", "telegram:2", "web:B", "web:a", "zalo:9"];
      expect((await r.users.page(null, 10)).map((u) => `${u.channel}:${u.id}`)).toEqual(sorted);
      expect((await r.users.page(null, 2)).map((u) => u.id)).toEqual(["1", "10"]);
      expect((await r.users.page("telegram:10", 3)).map((u) => u.id)).toEqual(["2", "B", "a"]);
      expect((await r.users.page("telegram:11", 1)).map((u) => u.id)).toEqual(["2"]);
      expect(await r.users.page("zalo:9", 5)).toEqual([]);
    });

    it("roles, subscriptions, Zalo tokens, lists and hand-offs keep records by key", async () => {
      const r = repos();
      const grant = { role: "official" as const, grantedBy: "telegram:1000", grantedAt: T(0) };
      await storage.unit(async () => {
        await r.roles.put("telegram:900", grant);
        await r.roles.put("zalo:901", { ...grant, role: "admin" });
        await r.subscriptions.put("telegram:1", { choice: null, askedAt: T(1), changedAt: null });
        await r.subscriptions.update("telegram:1", (s) => s && { ...s, choice: "yes", changedAt: T(2) });
        await r.zalo.auth.put("app", { accessToken: null, accessTokenExpiresAt: null, refreshToken: "r1", refreshedAt: null, seed: "00112233445566ff", needsConsent: null });
        await r.zalo.auth.update("app", (a) => a && { ...a, refreshToken: "r2", needsConsent: { since: T(3), reason: "invalid refresh token" } });
        await r.channels.choices.put("u1", { options: [{ label: "Một", data: "a" }, { label: "Hai", data: "b" }], shownAt: T(4) });
        await r.channels.handoff.put("u2", { until: T(60) });
      });
      expect((await r.roles.all()).sort((a, b) => (a.userKey < b.userKey ? -1 : 1))).toEqual([
        { userKey: "telegram:900", grant },
        { userKey: "zalo:901", grant: { ...grant, role: "admin" } },
      ]);
      expect(await r.subscriptions.get("telegram:1")).toEqual({ choice: "yes", askedAt: T(1), changedAt: T(2) });
      expect((await r.zalo.auth.get("app"))?.refreshToken).toBe("r2");
      expect((await r.zalo.auth.get("app"))?.needsConsent).toEqual({ since: T(3), reason: "invalid refresh token" });
      expect((await r.channels.choices.get("u1"))?.options.map((o) => o.data)).toEqual(["a", "b"]);
      expect(await r.channels.handoff.get("u2")).toEqual({ until: T(60) });
      expect(await storage.unit(() => r.channels.handoff.delete("u2"))).toBe(true);
      expect(await r.channels.handoff.count()).toBe(0);
      expect(await r.roles.count()).toBe(2);
    });

    it("link requests: prune drops those made before a moment and says how many", async () => {
      const r = repos();
      const request = (minute: number) => ({ code: "GT-2026-0001", requester: { userKey: "zalo:3", channel: "zalo" as const, userId: "3" }, at: T(minute) });
      await storage.unit(async () => {
        await r.linkRequests.put("a", request(1));
        await r.linkRequests.put("b", request(2));
        await r.linkRequests.put("c", request(3));
      });
      expect(await storage.unit(() => r.linkRequests.prune(T(3)))).toBe(2);
      expect(await r.linkRequests.get("c")).toEqual(request(3));
      expect(await r.linkRequests.count()).toBe(1);
      expect(await storage.unit(() => r.linkRequests.prune(T(3)))).toBe(0);
    });

    it("link requests: countSince counts those made from a moment on, by requester or by code, closed ones too", async () => {
      const r = repos();
      const request = (minute: number, code: string, id: string) => ({ code, requester: { userKey: `zalo:${id}`, channel: "zalo" as const, userId: id }, at: T(minute) });
      await storage.unit(async () => {
        await r.linkRequests.put("a", request(1, "GT-2026-0001", "3"));
        await r.linkRequests.put("b", { ...request(2, "GT-2026-0002", "3"), closed: "declined" });
        await r.linkRequests.put("c", request(3, "GT-2026-0001", "4"));
        await r.linkRequests.put("d", { ...request(4, "GT-2026-0001", "3"), closed: "undelivered" });
      });
      expect(await r.linkRequests.countSince(T(0), { requesterKey: "zalo:3" })).toEqual({ count: 3, earliest: T(1) });
      expect(await r.linkRequests.countSince(T(2), { requesterKey: "zalo:3" })).toEqual({ count: 2, earliest: T(2) });
      expect(await r.linkRequests.countSince(T(2), { code: "GT-2026-0001" })).toEqual({ count: 2, earliest: T(3) });
      expect(await r.linkRequests.countSince(T(5), { code: "GT-2026-0001" })).toEqual({ count: 0, earliest: null });
      expect(await r.linkRequests.countSince(T(0), { requesterKey: "zalo:9" })).toEqual({ count: 0, earliest: null });
      expect((await r.linkRequests.get("b"))?.closed).toBe("declined");
    });
  });

  describe("dialogs", () => {
    it("takeExpired removes and returns dialogs of these flows untouched since before a moment, oldest first, at most limit", async () => {
      const r = repos();
      await storage.unit(async () => {
        await r.dialogs.put("u:late", dialog("register-gtclqg", T(30)));
        await r.dialogs.put("u:old", dialog("register-gtclqg", T(1)));
        await r.dialogs.put("u:mid", dialog("register-nscl", T(10)));
        await r.dialogs.put("u:other", dialog("faq", T(0)));
        await r.dialogs.put("u:edge", dialog("register-nscl", T(20)));
      });
      const flows = ["register-gtclqg", "register-nscl"];
      const first = await storage.unit(() => r.dialogs.takeExpired(flows, T(20), 1));
      expect(first).toEqual([{ userKey: "u:old", dialog: dialog("register-gtclqg", T(1)) }]);
      // Untouched since *before* T(20): u:edge (updated at T(20)) stays.
      const rest = await storage.unit(() => r.dialogs.takeExpired(flows, T(20), 10));
      expect(rest.map((t) => t.userKey)).toEqual(["u:mid"]);
      expect(await storage.unit(() => r.dialogs.takeExpired(flows, T(20), 10))).toEqual([]);
      expect((await r.dialogs.getMany(["u:late", "u:old", "u:mid", "u:other", "u:edge"])).size).toBe(3);
      expect(await r.dialogs.count()).toBe(3);
    });

    it("newestUpdate gives the latest updatedAt of dialogs of these flows, null for none", async () => {
      const r = repos();
      expect(await r.dialogs.newestUpdate(["register-gtclqg"])).toBeNull();
      await storage.unit(async () => {
        await r.dialogs.put("u:a", dialog("register-gtclqg", T(5)));
        await r.dialogs.put("u:b", dialog("register-nscl", T(9)));
        await r.dialogs.put("u:c", dialog("faq", T(50)));
      });
      expect(await r.dialogs.newestUpdate(["register-gtclqg", "register-nscl"])).toBe(T(9));
      expect(await r.dialogs.newestUpdate(["register-gtclqg"])).toBe(T(5));
      expect(await r.dialogs.newestUpdate([])).toBeNull();
      // Only among those updated before a moment.
      expect(await r.dialogs.newestUpdate(["register-gtclqg", "register-nscl"], T(9))).toBe(T(5));
      expect(await r.dialogs.newestUpdate(["register-gtclqg"], T(5))).toBeNull();
    });

    it("takeExpired gives each dialog to one caller when several take at once", async () => {
      const r = repos();
      await storage.unit(async () => {
        for (let i = 0; i < 30; i++) await r.dialogs.put(`u:${i}`, dialog("register-gtclqg", T(i)));
      });
      const take = () =>
        storage.unit(async () => {
          const got = await r.dialogs.takeExpired(["register-gtclqg"], T(100), 100);
          await sleep(20);
          return got.map((t) => t.userKey);
        });
      const [a, b, c] = await Promise.all([take(), take(), take()]);
      const everyone = [...a!, ...b!, ...c!].sort();
      expect(everyone).toEqual(Array.from({ length: 30 }, (_, i) => `u:${i}`).sort());
      expect(await r.dialogs.count()).toBe(0);
    });
  });

  describe("submissions", () => {
    // Inserted out of creation order: "earliest" means by createdAt, not by insertion.
    const insertAll = () =>
      storage.unit(async () => {
        for (const s of [S.G, S.B, S.A, S.F, S.E, S.D, S.C]) await repos().submissions.insert(s);
      });

    it("insert, get, getMany, update; a code is never taken twice", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(await r.get(S.A.code)).toEqual(S.A);
      expect(await r.get("GT-2026-0999")).toBeUndefined();
      expect([...(await r.getMany([S.C.code, "GT-2026-0999", S.A.code])).keys()]).toEqual([S.C.code, S.A.code]);
      await expect(storage.unit(() => r.insert({ ...S.A, organisation: { ...S.A.organisation, name: "Another" } }))).rejects.toThrow(/GT-2026-0001/);
      expect((await r.get(S.A.code))?.organisation.name).toBe("Công ty TNHH Minh An");
      await expect(storage.unit(() => r.insert({ ...S.A, code: "GT-2026-0099", programme: "nscl" }))).rejects.toThrow(/does not fit its schema/);

      await storage.unit(async () => {
        const moved = await r.update(S.A.code, (s) => s && { ...s, status: "dossier-received", statusHistory: [...s.statusHistory, { at: T(70), from: "registered", to: "dossier-received", by: { kind: "system" }, note: null }] });
        expect(moved?.status).toBe("dossier-received");
        expect(await r.update(S.A.code, () => undefined)).toEqual(moved);
        expect(await r.update("GT-2026-0999", (s) => s)).toBeUndefined();
      });
      expect((await r.get(S.A.code))?.status).toBe("dossier-received");
      expect(await r.count({ statuses: ["dossier-received"] })).toBe(2);
    });

    it("count by every filter field, page in code order, years newest first, the highest sequence", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(await r.count()).toBe(7);
      expect(await r.count({})).toBe(7);
      expect(await r.count({ programme: "gtclqg" })).toBe(6);
      expect(await r.count({ programme: "gtclqg", year: 2026 })).toBe(5);
      expect(await r.count({ statuses: ["registered"] })).toBe(3);
      expect(await r.count({ statuses: [] })).toBe(0);
      expect(await r.count({ notStatuses: ["withdrawn"] })).toBe(6);
      expect(await r.count({ notStatuses: [] })).toBe(7);
      expect(await r.count({ sectorGroup: "production" })).toBe(4);
      expect(await r.count({ communeKey: "phuong tran bien" })).toBe(3);
      expect(await r.count({ programme: "gtclqg", year: 2026, notStatuses: ["withdrawn"], sectorGroup: "production", communeKey: "phuong tran bien" })).toBe(2);

      expect(codes(await r.page({ programme: "gtclqg" }, null, 3))).toEqual(["GT-2025-0007", "GT-2026-0001", "GT-2026-0002"]);
      expect(codes(await r.page({ programme: "gtclqg" }, "GT-2026-0002", 10))).toEqual(["GT-2026-0003", "GT-2026-0004", "GT-2026-0010"]);
      expect(codes(await r.page({ statuses: ["registered"] }, "GT-2026-0001", 10))).toEqual(["GT-2026-0004", "NS-2026-0001"]);
      expect(await r.page({}, "NS-2026-0001", 10)).toEqual([]);

      expect(await r.years("gtclqg")).toEqual([2026, 2025]);
      expect(await r.years("nscl")).toEqual([2026]);
      expect(await r.highestSequence("gtclqg", 2026)).toBe(10);
      expect(await r.highestSequence("gtclqg", 2025)).toBe(7);
      expect(await r.highestSequence("nscl", 2026)).toBe(1);
      expect(await r.highestSequence("nscl", 2025)).toBe(0);
    });

    it("newest: matching submissions newest first, offset and limit, with the total; codePrefix taken literally", async () => {
      const r = repos().submissions;
      await insertAll();
      const page = async (...args: Parameters<typeof r.newest>) => {
        const { found, total } = await r.newest(...args);
        return { codes: codes(found), total };
      };
      expect(await page({}, 0, 3)).toEqual({ codes: [S.G.code, S.F.code, S.E.code], total: 7 });
      expect(await page({}, 3, 3)).toEqual({ codes: [S.C.code, S.B.code, S.A.code], total: 7 });
      expect(await page({}, 10, 3)).toEqual({ codes: [], total: 7 });
      expect(await page({ codePrefix: "GT-2026" }, 0, 10)).toEqual({ codes: [S.G.code, S.F.code, S.C.code, S.B.code, S.A.code], total: 5 });
      expect(await page({ codePrefix: "GT-2026-000" }, 1, 2)).toEqual({ codes: [S.C.code, S.B.code], total: 4 });
      expect(await page({ codePrefix: "NS" }, 0, 10)).toEqual({ codes: [S.E.code], total: 1 });
      expect(await page({ codePrefix: "GT_" }, 0, 10)).toEqual({ codes: [], total: 0 });
      expect(await page({ programme: "gtclqg", statuses: ["registered"] }, 0, 10)).toEqual({ codes: [S.G.code, S.A.code], total: 2 });
      expect(await r.count({ codePrefix: "GT-2025" })).toBe(1);
      expect(await page({}, 0, 0)).toEqual({ codes: [], total: 7 });
      // The counts by status behind the queue's filter buttons.
      expect(Object.fromEntries(await r.statusCounts({ codePrefix: "GT" }))).toEqual({ registered: 2, "dossier-received": 1, withdrawn: 1, "desk-review": 1, "needs-supplement": 1 });
      expect(Object.fromEntries(await r.statusCounts({ programme: "nscl" }))).toEqual({ registered: 1 });
      expect((await r.statusCounts({ codePrefix: "XX" })).size).toBe(0);
    });

    it("byHolder (owner or linked), byTaxCode (with branches), duplicate: newest first", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(codes(await r.byHolder("telegram:1"))).toEqual([S.F.code, S.B.code, S.A.code]);
      expect(codes(await r.byHolder("telegram:2"))).toEqual([S.B.code]);
      expect(await r.byHolder("telegram:404")).toEqual([]);

      expect(codes(await r.byTaxCode("0314409058", false))).toEqual([S.A.code]);
      expect(codes(await r.byTaxCode("0314409058", true))).toEqual([S.B.code, S.A.code]);
      expect(codes(await r.byTaxCode("0314409058-001", true))).toEqual([S.B.code]);
      expect(codes(await r.byTaxCode("031440905", true))).toEqual([]);
      expect(codes(await r.byTaxCode("0101234567", false))).toEqual([S.C.code, S.D.code]);

      expect(await r.duplicate("0101234567", "gtclqg", 2026, ["withdrawn"])).toBeUndefined();
      expect((await r.duplicate("0101234567", "gtclqg", 2026, []))?.code).toBe(S.C.code);
      expect((await r.duplicate("0101234567", "gtclqg", 2025, ["withdrawn"]))?.code).toBe(S.D.code);
      expect(await r.duplicate("0101234567", "nscl", 2026, [])).toBeUndefined();

      // Linking a user makes them a holder.
      await storage.unit(() => r.update(S.G.code, (s) => s && { ...s, linked: [{ userKey: "zalo:3", channel: "zalo", userId: "3", at: T(61) }] }));
      expect(codes(await r.byHolder("zalo:3"))).toEqual([S.G.code, S.C.code, S.D.code]);
    });

    it("nameContains: folded names containing the text (%, _ and \\ taken literally), newest first, with the total", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(await r.nameContains("minh an", 10)).toEqual({ found: [S.B, S.A], total: 2 });
      expect(await r.nameContains("minh an", 1)).toEqual({ found: [S.B], total: 2 });
      expect(await r.nameContains("minh an", 0)).toEqual({ found: [], total: 2 });
      expect(await r.nameContains("minh_an", 10)).toEqual({ found: [], total: 0 });
      expect(await r.nameContains("100%_viet", 10)).toEqual({ found: [S.F], total: 1 });
      expect(await r.nameContains("%", 10)).toEqual({ found: [S.F], total: 1 });
      expect(await r.nameContains("\\", 10)).toEqual({ found: [], total: 0 });
      expect(await r.nameContains("phuoc thinh", 10)).toEqual({ found: [S.C, S.D], total: 2 });
      expect(await r.nameContains("", 3)).toEqual({ found: [S.G, S.F, S.E], total: 7 });
      expect(await r.nameContains("khong co", 3)).toEqual({ found: [], total: 0 });
    });

    it("nameSimilar: names spelled nearly like the text, closest first", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(codes(await r.nameSimilar("phuoc thin", 5)).sort()).toEqual([S.C.code, S.D.code].sort());
      expect(codes(await r.nameSimilar("co khi dong nay", 5))[0]).toBe(S.F.code);
      expect(codes(await r.nameSimilar("nong nghiep tan phuc", 5))[0]).toBe(S.E.code);
      expect(codes(await r.nameSimilar("hoa sen", 5))).toEqual([S.G.code]);
      expect(await r.nameSimilar("xyz qwv", 5)).toEqual([]);
      expect(await r.nameSimilar("phuoc thin", 1)).toHaveLength(1);
    });

    it("pendingContacts: oldest proposal first", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(codes(await r.pendingContacts(10))).toEqual([S.G.code, S.F.code]);
      expect(codes(await r.pendingContacts(1))).toEqual([S.G.code]);
      await storage.unit(() => r.update(S.G.code, (s) => s && { ...s, pendingContact: null }));
      expect(codes(await r.pendingContacts(10))).toEqual([S.F.code]);
    });

    it("figures: counts of one programme and year", async () => {
      const r = repos().submissions;
      await insertAll();
      const q: FiguresQuery = { programme: "gtclqg", year: 2026, openStatuses: OPEN_GTCLQG, waitingStatuses: ["registered", "needs-supplement"], newSince: T(30), stalledBefore: T(55) };
      const f = await r.figures(q);
      const byKey = <T extends { key: string | null }>(list: T[]) => [...list].sort((a, b) => String(a.key).localeCompare(String(b.key)));
      expect({ ...f, byCommune: byKey(f.byCommune), stalled: [...f.stalled].sort((a, b) => a.code.localeCompare(b.code)) }).toEqual({
        total: 5,
        open: 4,
        byStatus: { registered: 2, "dossier-received": 1, withdrawn: 1, "needs-supplement": 1 },
        bySector: { production: 3, services: 1, unknown: 1 },
        bySize: { small: 2, medium: 1, large: 1, unknown: 1 },
        byCommune: byKey([
          // B wrote it "phường trấn biên"; A, the earliest registered of the three, "Phường Trấn Biên".
          { key: "phuong tran bien", name: "Phường Trấn Biên", count: 3 },
          { key: "phuong tam hiep", name: "Phường Tam Hiệp", count: 1 },
          { key: null, name: null, count: 1 },
        ]),
        newSince: 3,
        stalled: [
          { code: S.A.code, organisation: "Công ty TNHH Minh An", status: "registered", since: T(10) },
          { code: S.F.code, organisation: "Công ty TNHH Cơ khí Đồng Nai 100%_Việt", status: "needs-supplement", since: T(55) },
        ],
        otherYearsOpen: [{ year: 2025, count: 1 }],
        completeDossiers: null,
      });
      const empty = await r.figures({ ...q, programme: "nscl", year: 2030 });
      expect(empty).toEqual({ total: 0, open: 0, byStatus: {}, bySector: {}, bySize: {}, byCommune: [], newSince: 0, stalled: [], otherYearsOpen: [{ year: 2026, count: 1 }], completeDossiers: null });
    });

    it("figures: complete award dossiers by the checklist (every required item with a file or đạt, none cần bổ sung; not withdrawn)", async () => {
      const r = repos().submissions;
      const dossier: DossierRules = {
        legacy: { items: ["form", "report", "extra"], required: ["form", "report"] },
        "2026": { items: ["form", "report", "extra"], required: ["form", "report"] },
      };
      const doc = (ref: string, item: string | null): Submission["documents"][number] => ({ file: { channel: "telegram", ref, name: `${ref}.pdf`, size: 10, mime: "application/pdf" }, addedAt: T(1), item });
      const mark = (state: "reviewed-ok" | "needs-more") => ({ state, note: state === "needs-more" ? "Thiếu dấu" : null, at: T(2), by: "telegram:900" });
      const base = { createdAt: T(10), owner: "telegram:1" };
      await storage.unit(async () => {
        // Complete: files for both required items.
        await r.insert(submission({ ...base, seq: 1, taxCode: "0314409058", name: "Một", documents: [doc("a1", "form"), doc("a2", "report")] }));
        // Complete: one file, the other item marked đạt without a file.
        await r.insert(submission({ ...base, seq: 2, taxCode: "0100109106", name: "Hai", documents: [doc("b1", "form")], checklist: { report: mark("reviewed-ok") } }));
        // Not complete: a required item without file or mark (a file not under any item does not count).
        await r.insert(submission({ ...base, seq: 3, taxCode: "0300588569", name: "Ba", documents: [doc("c1", "form"), doc("c2", null)] }));
        // Not complete: the optional item marked cần bổ sung.
        await r.insert(submission({ ...base, seq: 4, taxCode: "0302366521", name: "Bốn", documents: [doc("d1", "form"), doc("d2", "report")], checklist: { extra: mark("needs-more") } }));
        // Not counted: withdrawn.
        await r.insert(submission({ ...base, seq: 5, taxCode: "0101243150", name: "Năm", status: "withdrawn", documents: [doc("e1", "form"), doc("e2", "report")] }));
        // Another year.
        await r.insert(submission({ ...base, seq: 1, year: 2025, taxCode: "0309532909", name: "Sáu", documents: [doc("f1", "form"), doc("f2", "report")] }));
      });
      const q: FiguresQuery = { programme: "gtclqg", year: 2026, openStatuses: OPEN_GTCLQG, waitingStatuses: ["registered"], newSince: T(30), stalledBefore: T(55), dossier };
      expect((await r.figures(q)).completeDossiers).toBe(2);
      expect((await r.figures({ ...q, year: 2025 })).completeDossiers).toBe(1);
      expect((await r.figures({ ...q, programme: "nscl" })).completeDossiers).toBeNull();
      // The same count as the domain's own rule, record by record.
      const all = await r.getMany([1, 2, 3, 4, 5].map((n) => formatTrackingCode("gtclqg", 2026, n)));
      expect([...all.values()].filter((s) => s.status !== "withdrawn" && dossierComplete(dossier[s.rules], s)).length).toBe(2);
    });

    it("owners: distinct owners in key order as their newest submission records them; communes; ownerLocales", async () => {
      const r = repos().submissions;
      await insertAll();
      expect(await r.owners({ programme: "gtclqg", year: 2026 }, null, 10)).toEqual([
        { userKey: "telegram:1", channel: "telegram", userId: "1", locale: "en" },
        { userKey: "telegram:2", channel: "telegram", userId: "2", locale: "vi" },
        { userKey: "telegram:5", channel: "telegram", userId: "5", locale: "vi" },
        { userKey: "zalo:3", channel: "zalo", userId: "3", locale: "vi" },
      ]);
      expect((await r.owners({ programme: "gtclqg", year: 2026 }, "telegram:2", 1)).map((o) => o.userKey)).toEqual(["telegram:5"]);
      expect((await r.owners({ statuses: ["registered"] }, null, 10)).map((o) => o.userKey)).toEqual(["telegram:1", "telegram:5", "web:abc"]);
      expect((await r.owners({ statuses: ["registered"] }, null, 10))[0]!.locale).toBe("vi");

      const communes = (await r.communes(["withdrawn"])).sort((a, b) => a.key.localeCompare(b.key));
      expect(communes).toEqual([
        { key: "phuong long binh", label: "Phường Long Bình", owners: 1 },
        { key: "phuong tam hiep", label: "Phường Tam Hiệp", owners: 1 },
        { key: "phuong tran bien", label: "Phường Trấn Biên", owners: 3 },
        { key: "xa tan phu", label: "Xã Tân Phú", owners: 1 },
      ]);
      expect((await r.communes(["registered", "withdrawn"])).find((c) => c.key === "phuong tran bien")).toEqual({ key: "phuong tran bien", label: "phường trấn biên", owners: 1 });

      expect(await r.ownerLocales(["telegram:1", "telegram:2", "web:abc", "nobody"])).toEqual(
        new Map([
          ["telegram:1", "en"],
          ["telegram:2", "vi"],
          ["web:abc", "en"],
        ]),
      );
      expect(await r.ownerLocales([])).toEqual(new Map());
    });
  });

  describe("audit", () => {
    it("appends in the unit; about, aboutMany, count, page in the order written", async () => {
      const r = repos().audit;
      await storage.unit(async () => {
        expect(await r.append(entry("GT-2026-0001", 1, "dossier-received"))).toEqual(entry("GT-2026-0001", 1, "dossier-received"));
        await r.append(entry("GT-2026-0002", 2, "dossier-received"));
      });
      await storage.unit(async () => {
        const { from: _f, to: _t, note: _n, detail: _d, ...minimal } = entry("GT-2026-0001", 3, "x");
        // Defaults applied: what was stored comes back.
        expect(await r.append(minimal as AuditEntry)).toEqual({ ...minimal, from: null, to: null, note: null, detail: null });
        await r.append(entry("telegram:5", 4, "official"));
      });
      await expect(storage.unit(() => r.append({ ...entry("x", 5, "y"), action: "Bad Action" }))).rejects.toThrow(/schema/);
      expect(await r.count()).toBe(4);
      expect((await r.about("GT-2026-0001")).map((e) => e.at)).toEqual([T(1), T(3)]);
      expect(await r.about("nothing")).toEqual([]);
      const many = await r.aboutMany(["GT-2026-0002", "nothing", "GT-2026-0001"]);
      expect([...many.keys()].sort()).toEqual(["GT-2026-0001", "GT-2026-0002", "nothing"]);
      expect(many.get("GT-2026-0002")).toEqual([entry("GT-2026-0002", 2, "dossier-received")]);
      expect(many.get("GT-2026-0001")?.map((e) => e.at)).toEqual([T(1), T(3)]);
      expect(many.get("nothing")).toEqual([]);

      const first = await r.page(null, 3);
      expect(first.map((p) => p.entry.at)).toEqual([T(1), T(2), T(3)]);
      expect(first.map((p) => p.position)).toEqual([1, 2, 3]);
      const next = await r.page(first[2]!.position, 3);
      expect(next.map((p) => p.entry.subject)).toEqual(["telegram:5"]);
      expect(await r.page(next[0]!.position, 3)).toEqual([]);
    });
  });

  describe("broadcast jobs", () => {
    it("list newest first, inStates oldest first (by start, else creation), dueScheduled", async () => {
      const r = repos().broadcasts;
      await storage.unit(async () => {
        await r.put("NH-0001", job("NH-0001", { createdAt: T(1), state: "done", startedAt: T(2) }));
        await r.put("NH-0002", job("NH-0002", { createdAt: T(5), state: "running", startedAt: T(6) }));
        await r.put("NH-0003", job("NH-0003", { createdAt: T(3), state: "paused", startedAt: T(8) }));
        await r.put("NH-0004", job("NH-0004", { createdAt: T(7), state: "scheduled", scheduledAt: T(20) }));
        await r.put("NH-0005", job("NH-0005", { createdAt: T(4), state: "scheduled", scheduledAt: T(10) }));
        await r.put("NH-0006", job("NH-0006", { createdAt: T(4), state: "running" }));
      });
      expect((await r.list(10)).map((j) => j.id)).toEqual(["NH-0004", "NH-0002", "NH-0006", "NH-0005", "NH-0003", "NH-0001"]);
      expect((await r.list(2)).map((j) => j.id)).toEqual(["NH-0004", "NH-0002"]);
      expect((await r.inStates(["running", "paused"])).map((j) => j.id)).toEqual(["NH-0006", "NH-0002", "NH-0003"]);
      expect(await r.inStates([])).toEqual([]);
      expect((await r.dueScheduled(T(10))).map((j) => j.id)).toEqual(["NH-0005"]);
      expect((await r.dueScheduled(T(30))).map((j) => j.id)).toEqual(["NH-0005", "NH-0004"]);
      expect(await r.dueScheduled(T(9))).toEqual([]);
    });
  });

  describe("deliveries", () => {
    const JOB = "TB-0001";
    const now = new Date(T(100));
    const later = (ms: number) => new Date(now.getTime() + ms);

    it("list, summary, claim, settle, again, abandonInFlight: each recipient in exactly one final state", async () => {
      const r = repos().deliveries;
      expect(await r.summary(JOB)).toBeNull();
      expect(await r.jobs()).toEqual([]);
      const listed = await storage.unit(() => r.list(JOB, recipients(6, (i) => (i === 0 ? { skip: "unsubscribed" } : i === 4 ? { skip: "blocked" } : i === 1 ? { codes: ["GT-2026-0001", "GT-2026-0002"] } : {}))));
      const counts = (extra: Partial<ReturnType<typeof zeroCounts>>) => ({ ...zeroCounts(), ...extra });
      expect(listed).toEqual({ total: 6, skippedAtListing: 2, counts: counts({ unsubscribed: 1, blocked: 1 }), waiting: 4, inFlight: 0 });
      expect(await r.summary(JOB)).toEqual(listed);
      expect(await r.jobs()).toEqual([JOB]);

      const claim = (at = now, instance = "A") => storage.unit(() => r.claim(JOB, at, instance));
      expect(await claim()).toEqual({ kind: "send", index: 1, recipient: { ch: "telegram", id: "101", loc: "vi", codes: ["GT-2026-0001", "GT-2026-0002"] }, attempt: 1, errors: 0 });
      expect(await r.summary(JOB)).toMatchObject({ waiting: 3, inFlight: 1 });
      await storage.unit(() => r.settle(JOB, 1, "sent", now));
      expect(await claim()).toEqual({ kind: "send", index: 2, recipient: { ch: "telegram", id: "102", loc: "vi" }, attempt: 1, errors: 0 });
      // A failed attempt: sent again once its time has come.
      await storage.unit(() => r.again(JOB, 2, 1, "error", later(5_000), "HTTP 502"));
      expect(await claim()).toMatchObject({ kind: "send", index: 3, attempt: 1 });
      expect(await claim()).toMatchObject({ kind: "send", index: 5 });
      expect(await claim()).toEqual({ kind: "wait", ms: 5_000 });
      expect(await claim(later(4_000))).toEqual({ kind: "wait", ms: 1_000 });
      expect(await r.summary(JOB)).toEqual({ total: 6, skippedAtListing: 2, counts: counts({ unsubscribed: 1, blocked: 1, sent: 1 }), waiting: 1, inFlight: 2 });
      expect(await claim(later(5_000))).toEqual({ kind: "send", index: 2, recipient: { ch: "telegram", id: "102", loc: "vi" }, attempt: 2, errors: 1 });
      // A 429 is no error; a settled recipient is not settled again.
      await storage.unit(() => r.again(JOB, 2, 2, "rate-limited", later(6_000)));
      expect(await claim(later(6_000))).toMatchObject({ kind: "send", index: 2, attempt: 3, errors: 1 });
      await storage.unit(() => r.settle(JOB, 3, "failed", now, "chat not found"));
      await storage.unit(() => r.settle(JOB, 3, "sent", now));
      await storage.unit(() => r.again(JOB, 3, 2, "error", later(1)));
      expect(await claim(later(10_000))).toEqual({ kind: "none" });
      expect(await r.summary(JOB)).toEqual({ total: 6, skippedAtListing: 2, counts: counts({ unsubscribed: 1, blocked: 1, sent: 1, failed: 1 }), waiting: 0, inFlight: 2 });

      // Instance A is gone: what it had in flight is uncertain, never sent again.
      expect(await storage.unit(() => r.abandonInFlight(JOB, ["A"], now))).toBe(0);
      expect(await storage.unit(() => r.abandonInFlight(JOB, ["B"], now))).toBe(2);
      expect(await storage.unit(() => r.abandonInFlight(JOB, ["B"], now))).toBe(0);
      expect(await r.summary(JOB)).toEqual({ total: 6, skippedAtListing: 2, counts: counts({ unsubscribed: 1, blocked: 1, sent: 1, failed: 1, uncertain: 2 }), waiting: 0, inFlight: 0 });
      expect(await r.dump(JOB)).toEqual([
        { ch: "telegram", id: "100", loc: "vi", index: 0, skip: "unsubscribed", final: "unsubscribed", tries: 0, errors: 0 },
        { ch: "telegram", id: "101", loc: "vi", codes: ["GT-2026-0001", "GT-2026-0002"], index: 1, skip: null, final: "sent", tries: 1, errors: 0 },
        { ch: "telegram", id: "102", loc: "vi", index: 2, skip: null, final: "uncertain", tries: 3, errors: 1 },
        { ch: "telegram", id: "103", loc: "vi", index: 3, skip: null, final: "failed", tries: 1, errors: 0 },
        { ch: "telegram", id: "104", loc: "vi", index: 4, skip: "blocked", final: "blocked", tries: 0, errors: 0 },
        { ch: "telegram", id: "105", loc: "vi", index: 5, skip: null, final: "uncertain", tries: 1, errors: 0 },
      ]);

      await expect(storage.unit(() => r.settle("TB-0404", 0, "sent", now))).rejects.toThrow(/not listed/);
      await expect(storage.unit(() => r.again("TB-0404", 0, 1, "error", now))).rejects.toThrow(/not listed/);
      expect(await storage.unit(() => r.claim("TB-0404", now, "A"))).toEqual({ kind: "none" });
      expect(await r.dump("TB-0404")).toEqual([]);
    });

    it("claim gives each recipient to one sender when several claim at once", async () => {
      const r = repos().deliveries;
      await storage.unit(() => r.list(JOB, recipients(12)));
      const sender = (instance: string) =>
        storage.unit(async () => {
          const got: number[] = [];
          for (let i = 0; i < 3; i++) {
            const c = await r.claim(JOB, now, instance);
            if (c.kind === "send") got.push(c.index);
            await sleep(5);
          }
          return got;
        });
      const taken = (await Promise.all(["A", "B", "C", "D"].map(sender))).flat().sort((a, b) => a - b);
      expect(taken).toEqual(Array.from({ length: 12 }, (_, i) => i));
      expect(await storage.unit(() => r.claim(JOB, now, "A"))).toEqual({ kind: "none" });
      expect(await r.summary(JOB)).toMatchObject({ waiting: 0, inFlight: 12 });
    });

    it("a claim undone with its unit is claimed again; list replaces an earlier list", async () => {
      const r = repos().deliveries;
      await storage.unit(() => r.list(JOB, recipients(3)));
      await expect(
        storage.unit(async () => {
          expect(await r.claim(JOB, now, "A")).toMatchObject({ index: 0 });
          throw new Error("send refused before commit");
        }),
      ).rejects.toThrow();
      expect(await storage.unit(() => r.claim(JOB, now, "A"))).toMatchObject({ kind: "send", index: 0, attempt: 1 });
      const again = await storage.unit(() => r.list(JOB, recipients(2, () => ({ loc: "en" }))));
      expect(again).toEqual({ total: 2, skippedAtListing: 0, counts: zeroCounts(), waiting: 2, inFlight: 0 });
      expect((await r.dump(JOB)).map((d) => [d.index, d.loc, d.tries])).toEqual([
        [0, "en", 0],
        [1, "en", 0],
      ]);
    });

    // JSON: jsonDeliveries.claim takes recipients whose retry is due in the order `again` was called (Map order), not by index.
    it("claim takes the due recipient with the lowest index (repositories.ts DeliveriesRepository.claim)", async () => {
      const r = repos().deliveries;
      await storage.unit(() => r.list(JOB, recipients(4)));
      for (let i = 0; i < 4; i++) await storage.unit(() => r.claim(JOB, now, "A"));
      await storage.unit(async () => {
        await r.again(JOB, 3, 1, "error", later(1_000));
        await r.again(JOB, 1, 1, "error", later(2_000));
      });
      expect(await storage.unit(() => r.claim(JOB, later(3_000), "A"))).toMatchObject({ kind: "send", index: 1 });
    });

    it("restore writes a dumped job that dumps the same", async () => {
      const r = repos().deliveries;
      await storage.unit(() => r.list(JOB, recipients(4, (i) => (i === 3 ? { skip: "unreachable", codes: ["GT-2026-0001"] } : {}))));
      await storage.unit(() => r.claim(JOB, now, "A"));
      await storage.unit(() => r.settle(JOB, 0, "sent", now));
      await storage.unit(() => r.claim(JOB, now, "A"));
      const dumped = await r.dump(JOB);
      expect(dumped.map((d) => d.final)).toEqual(["sent", "uncertain", null, "unreachable"]);

      await storage.unit(() => r.restore("TB-0002", dumped));
      expect(await r.dump("TB-0002")).toEqual(dumped);
      expect(await r.summary("TB-0002")).toEqual({ total: 4, skippedAtListing: 1, counts: { ...zeroCounts(), sent: 1, uncertain: 1, unreachable: 1 }, waiting: 1, inFlight: 0 });
      expect(await storage.unit(() => r.claim("TB-0002", now, "B"))).toMatchObject({ kind: "send", index: 2, attempt: 1 });
      expect((await r.jobs()).sort()).toEqual([JOB, "TB-0002"]);
    });

    // JSON: jsonDeliveries.restore writes no `try` line for a recipient not settled (tries back to 0) and one `try` at least for a settled one (tries 0 → 1).
    it("restore keeps the tries of a recipient waiting for a retry and of one settled without a send (RecipientDump.tries)", async () => {
      const r = repos().deliveries;
      await storage.unit(() => r.list(JOB, recipients(2)));
      await storage.unit(() => r.claim(JOB, now, "A"));
      await storage.unit(async () => {
        await r.again(JOB, 0, 1, "error", later(1_000));
        await r.settle(JOB, 1, "unsubscribed", now);
      });
      const dumped = await r.dump(JOB);
      expect(dumped.map((d) => [d.final, d.tries, d.errors])).toEqual([
        [null, 1, 1],
        ["unsubscribed", 0, 0],
      ]);
      await storage.unit(() => r.restore("TB-0002", dumped));
      expect(await r.dump("TB-0002")).toEqual(dumped);
    });
  });

  describe("reminders, Zalo events, mailboxes", () => {
    it("reminders: claim records each key for one job only; ofJob, recorded, all", async () => {
      const r = repos().reminders;
      const one = { job: "NH-0001", at: T(1) };
      const two = { job: "NH-0002", at: T(2) };
      expect(await storage.unit(() => r.claim(["GT-2026-0002@2026-12-01", "GT-2026-0001@2026-12-01", "GT-2026-0002@2026-12-01"], one))).toEqual(["GT-2026-0002@2026-12-01", "GT-2026-0001@2026-12-01"]);
      expect(await storage.unit(() => r.claim(["GT-2026-0001@2026-12-01", "GT-2026-0003@2026-12-01"], two))).toEqual(["GT-2026-0003@2026-12-01"]);
      expect(await r.ofJob("NH-0001")).toEqual(["GT-2026-0001@2026-12-01", "GT-2026-0002@2026-12-01"]);
      expect(await r.ofJob("NH-0003")).toEqual([]);
      expect(await r.recorded(["GT-2026-0003@2026-12-01", "GT-2026-0009@2026-12-01"])).toEqual(new Set(["GT-2026-0003@2026-12-01"]));
      expect(await r.all()).toEqual(
        new Map([
          ["GT-2026-0001@2026-12-01", one],
          ["GT-2026-0002@2026-12-01", one],
          ["GT-2026-0003@2026-12-01", two],
        ]),
      );
      const keys = Array.from({ length: 20 }, (_, i) => `NS-2026-${String(i + 1).padStart(4, "0")}@2027-01-01`);
      const claimers = await Promise.all(
        ["NH-0003", "NH-0004", "NH-0005"].map((j) =>
          storage.unit(async () => {
            const got = await r.claim(keys, { job: j, at: T(3) });
            await sleep(10);
            return got;
          }),
        ),
      );
      expect(claimers.flat().sort()).toEqual([...keys].sort());
    });

    it("Zalo events: true the first time only; about the newest `capacity` kept, oldest first", async () => {
      const r = repos().channels;
      expect(await storage.unit(() => r.firstTime("e-1", new Date(T(1)), 10))).toBe(true);
      expect(await storage.unit(() => r.firstTime("e-1", new Date(T(2)), 10))).toBe(false);
      expect(await r.seen()).toEqual([{ key: "e-1", at: T(1) }]);
      for (let i = 2; i <= 40; i++) await storage.unit(() => r.firstTime(`e-${i}`, new Date(T(i)), 10));
      const kept = await r.seen();
      expect(kept.map((s) => s.key)).toEqual(Array.from({ length: 10 }, (_, i) => `e-${31 + i}`));
      // Forgotten: seen again as new.
      expect(await storage.unit(() => r.firstTime("e-1", new Date(T(41)), 10))).toBe(true);

      for (let i = 100; i < 350; i++) await storage.unit(() => r.firstTime(`f-${i}`, new Date(T(i)), 100));
      const many = (await r.seen()).map((s) => s.key);
      expect(many.length).toBeGreaterThanOrEqual(100);
      expect(many.length).toBeLessThanOrEqual(110);
      expect(many.slice(-100)).toEqual(Array.from({ length: 100 }, (_, i) => `f-${250 + i}`));
      expect(many).not.toContain("f-100");
    });

    it("mailboxes: push keeps the newest `limit`, take removes and returns them oldest first", async () => {
      const r = repos().mailboxes;
      await storage.unit(async () => {
        await r.push("s1", [{ text: "một", n: 1 }, "hai"], 3);
        await r.push("s1", [3, { text: "bốn", list: [1, { deep: true }] }], 3);
        await r.push("s2", [null], 3);
      });
      expect(await r.all()).toEqual(
        new Map<string, JsonValue[]>([
          ["s1", ["hai", 3, { text: "bốn", list: [1, { deep: true }] }]],
          ["s2", [null]],
        ]),
      );
      expect(await storage.unit(() => r.take("s1"))).toEqual(["hai", 3, { text: "bốn", list: [1, { deep: true }] }]);
      expect(await storage.unit(() => r.take("s1"))).toEqual([]);
      expect(await r.take("s1")).toEqual([]);
      expect([...(await r.all()).keys()]).toEqual(["s2"]);
    });
  });

  describe("uploads", () => {
    // Every byte value, a newline first (the JSON backend keeps a line of JSON before the bytes).
    const bytes = new Uint8Array([0x0a, ...Array.from({ length: 256 }, (_, i) => i), 0x0a, 0x00]);
    const sha = createHash("sha256").update(bytes).digest("hex");

    it("keeps bytes by their SHA-256 with the name and type, once per content; get and delete", async () => {
      const r = repos().uploads;
      const id = await r.put(bytes, { name: "Báo cáo tự đánh giá.pdf", mime: "application/pdf" });
      expect(id).toBe(sha);
      const back = await r.get(id);
      expect(back?.name).toBe("Báo cáo tự đánh giá.pdf");
      expect(back?.mime).toBe("application/pdf");
      expect(Buffer.from(back!.bytes).equals(Buffer.from(bytes))).toBe(true);
      // The same bytes again are the same upload; the first name stays.
      expect(await r.put(bytes, { name: "khac.pdf", mime: "application/pdf" })).toBe(sha);
      expect((await r.get(id))?.name).toBe("Báo cáo tự đánh giá.pdf");
      const other = await r.put(new Uint8Array([1, 2, 3]), { name: "b.png", mime: "image/png" });
      expect(other).not.toBe(id);
      expect(await r.delete(id)).toBe(true);
      expect(await r.get(id)).toBeUndefined();
      expect(await r.delete(id)).toBe(false);
      expect((await r.get(other))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    });

    it("answers nothing for an id that is not a SHA-256 (no path reaches the files)", async () => {
      const r = repos().uploads;
      await r.put(bytes, { name: "a.pdf", mime: "application/pdf" });
      for (const id of ["", "../" + sha, sha.toUpperCase(), sha.slice(0, 63), `${sha}/..`, "uploads"]) {
        expect(await r.get(id), id).toBeUndefined();
        expect(await r.delete(id), id).toBe(false);
      }
      expect(await r.get(sha)).toBeDefined();
    });

    it("is written at once, outside units of work: a unit that fails does not take the file back", async () => {
      const r = repos().uploads;
      await expect(
        storage.unit(async () => {
          await r.put(bytes, { name: "a.pdf", mime: "application/pdf" });
          throw new Error("the turn failed");
        }),
      ).rejects.toThrow("the turn failed");
      expect((await r.get(sha))?.name).toBe("a.pdf");
    });

    it("stays out of the dump (store copy and the PostgreSQL backup do not carry uploads)", async () => {
      await repos().uploads.put(bytes, { name: "a.pdf", mime: "application/pdf" });
      const kinds = new Set((await all(storage.dump())).map((item) => item.kind));
      expect(kinds.has("uploads")).toBe(false);
    });

    it("refuses a name or type that does not fit the record", async () => {
      const r = repos().uploads;
      await expect(attempt(() => r.put(bytes, { name: "", mime: "application/pdf" }))).rejects.toThrow();
      await expect(attempt(() => r.put(bytes, { name: "a.pdf", mime: "" }))).rejects.toThrow();
      expect(await r.get(sha)).toBeUndefined();
    });
  });

  describe("self-checks", () => {
    it("keep a user's results by key, delete them, and give officials only counts and sums of each user's newest result by sector and size", async () => {
      const r = storage.repos.selfChecks;
      expect(await r.figures()).toEqual({ all: { takers: 0, criteria: {} }, bySector: {}, bySize: {} });
      const older = selfCheck(T(1), { "lanh-dao": 0, "ket-qua": 0 }, null, null);
      await storage.unit(async () => {
        await r.put("telegram:1", { results: [older, selfCheck(T(2), { "lanh-dao": 50, "ket-qua": 25, "san-pham": 100 }, "vsic2018:C", "small", ["GT-2026-0001"])] });
        await r.put("zalo:2", { results: [selfCheck(T(3), { "lanh-dao": 75, "ket-qua": 50 }, "vsic2018:C", "medium")] });
        await r.put("web:3", { results: [selfCheck(T(4), { "lanh-dao": 100, "ket-qua": 100 }, null, null)] });
      });
      expect((await r.get("telegram:1"))?.results.map((x) => x.attachedTo)).toEqual([[], ["GT-2026-0001"]]);
      expect(await r.figures()).toEqual({
        all: { takers: 3, criteria: { "lanh-dao": { sum: 225, n: 3 }, "ket-qua": { sum: 175, n: 3 }, "san-pham": { sum: 100, n: 1 } } },
        bySector: {
          "vsic2018:C": { takers: 2, criteria: { "lanh-dao": { sum: 125, n: 2 }, "ket-qua": { sum: 75, n: 2 }, "san-pham": { sum: 100, n: 1 } } },
          unknown: { takers: 1, criteria: { "lanh-dao": { sum: 100, n: 1 }, "ket-qua": { sum: 100, n: 1 } } },
        },
        bySize: {
          small: { takers: 1, criteria: { "lanh-dao": { sum: 50, n: 1 }, "ket-qua": { sum: 25, n: 1 }, "san-pham": { sum: 100, n: 1 } } },
          medium: { takers: 1, criteria: { "lanh-dao": { sum: 75, n: 1 }, "ket-qua": { sum: 50, n: 1 } } },
          unknown: { takers: 1, criteria: { "lanh-dao": { sum: 100, n: 1 }, "ket-qua": { sum: 100, n: 1 } } },
        },
      });
      expect(await storage.unit(() => r.delete("web:3"))).toBe(true);
      expect(await storage.unit(() => r.delete("web:3"))).toBe(false);
      expect(await r.get("web:3")).toBeUndefined();
      expect((await r.figures()).all.takers).toBe(2);
      await expect(attempt(() => r.put("zalo:9", { results: [older] }))).rejects.toThrow(NoUnitOfWorkError);
    });
  });

  describe("inbox", () => {
    it("lists open items oldest first in pages, finds a user's open item, and gives the items created since a time", async () => {
      const r = storage.repos.inbox;
      expect(await r.open(0, 10)).toEqual({ items: [], total: 0 });
      await storage.unit(async () => {
        await r.put("HT3", inboxItem("HT3", "telegram:1", T(30)));
        await r.put("HT1", inboxItem("HT1", "zalo:2", T(10)));
        await r.put("HT2", inboxItem("HT2", "web:3", T(20), { status: "answered", closedAt: T(25), answers: [{ at: T(25), text: "Đáp", by: "telegram:9", signedAs: "Sở", via: "bot" }] }));
        await r.put("HT4", inboxItem("HT4", "telegram:1", T(5), { status: "no-reply", closedAt: T(6) }));
      });
      const page = await r.open(0, 1);
      expect(page.total).toBe(2);
      expect(page.items.map((i) => i.id)).toEqual(["HT1"]);
      expect((await r.open(1, 5)).items.map((i) => i.id)).toEqual(["HT3"]);
      expect((await r.openOf("telegram:1"))?.id).toBe("HT3");
      expect(await r.openOf("web:3")).toBeUndefined();
      expect((await r.createdSince(T(10))).map((i) => i.id)).toEqual(["HT1", "HT2", "HT3"]);
      expect((await r.ofUser("telegram:1")).map((i) => i.id)).toEqual(["HT4", "HT3"]);
      expect(await r.ofUser("telegram:2")).toEqual([]);
      expect((await r.get("HT1"))?.questions[0]?.text).toBe("Hỏi <b>gì</b>?");
      await storage.unit(() => r.update("HT3", (i) => (i ? { ...i, status: "answered", closedAt: T(40) } : undefined)));
      expect(await r.openOf("telegram:1")).toBeUndefined();
      expect((await r.open(0, 10)).total).toBe(1);
      await expect(attempt(() => r.put("HT9", inboxItem("HT9", "zalo:9", T(1))))).rejects.toThrow(NoUnitOfWorkError);
      await expect(attempt(() => storage.unit(() => r.put("HT9", inboxItem("bad id", "zalo:9", T(1)))))).rejects.toThrow();
      // The conversation tail: a short record per user.
      await storage.unit(() => storage.repos.tails.update("web:3", (t) => ({ turns: [...(t?.turns ?? []), { at: T(1), from: "user", text: "a" }] })));
      expect(await storage.repos.tails.get("web:3")).toEqual({ turns: [{ at: T(1), from: "user", text: "a" }] });
      expect(await storage.unit(() => storage.repos.tails.delete("web:3"))).toBe(true);
    });
  });

  describe("kb-learned", () => {
    it("keeps learned phrasings and drafted entries with their history, lists them by kind and status oldest first, and stamps every change", async () => {
      const r = storage.repos.kbLearned;
      expect(await r.list()).toEqual([]);
      expect(await r.stamp()).toBe(0);
      await storage.unit(async () => {
        await r.put("p-3", learnedPhrasing(5, "gt-la-gi", "giai thuong clqg la gi"));
        await r.put("hoc-2", learnedEntry(3, "hoc-2", "pending"));
        await r.put("p-1", learnedPhrasing(1, "ns-quy-mo-dn", "quy mo dn vua"));
        await r.put("hoc-4", learnedEntry(7, "hoc-4", "approved"));
      });
      expect((await r.list()).map((x) => x.id)).toEqual(["p-1", "hoc-2", "p-3", "hoc-4"]);
      expect((await r.list({ kind: "phrasing" })).map((x) => x.id)).toEqual(["p-1", "p-3"]);
      expect((await r.list({ kind: "entry", status: "pending" })).map((x) => x.id)).toEqual(["hoc-2"]);
      expect((await r.list({ status: "approved" })).map((x) => x.id)).toEqual(["hoc-4"]);
      expect(await r.stamp()).toBe(5);
      // Approving adds a step: the stamp grows, the record moves from pending to approved.
      await storage.unit(() => r.update("hoc-2", (e) => (e?.kind === "entry" ? { ...e, status: "approved", history: [...e.history, learnedStep(9, "approved", "telegram:888")] } : undefined)));
      expect(await r.stamp()).toBe(6);
      expect(await r.list({ kind: "entry", status: "pending" })).toEqual([]);
      expect((await r.get("hoc-2"))?.history.map((s) => s.action)).toEqual(["proposed", "approved"]);
      // A record that does not fit its schema is refused; writes need a unit.
      await expect(attempt(() => storage.unit(() => r.put("p-9", { ...learnedPhrasing(1, "gt-la-gi", "x"), text: "" } as KbLearned)))).rejects.toThrow();
      await expect(attempt(() => r.put("p-8", learnedPhrasing(1, "gt-la-gi", "abc")))).rejects.toThrow(NoUnitOfWorkError);
      // A failed unit keeps nothing.
      await expect(
        storage.unit(async () => {
          await r.put("p-7", learnedPhrasing(8, "gt-la-gi", "se bi huy"));
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await r.get("p-7")).toBeUndefined();
      expect(await r.stamp()).toBe(6);
    });
  });

  describe("content", () => {
    const save = (kind: "profile" | "entry" | "source", id: string, document: Record<string, JsonValue>, minute: number, extra: { by?: string; expectedVersion?: number; previous?: Record<string, JsonValue> | null; added?: boolean } = {}) =>
      repos().content.save({ kind, id, document, previous: extra.previous ?? null, added: extra.added ?? false, at: T(minute), by: extra.by ?? "telegram:900", role: "official", via: "web", ...(extra.expectedVersion !== undefined ? { expectedVersion: extra.expectedVersion } : {}) });

    it("keeps the document served now with a history step per save (the previous document included), lists by kind and id, and stamps every save", async () => {
      const r = repos().content;
      expect(await r.list()).toEqual([]);
      expect(await r.stamp()).toBe(0);
      const shipped = { id: "dong-nai", unit: { phone: null } };
      const first = await storage.unit(() => save("profile", "dong-nai", { id: "dong-nai", unit: { phone: "0251 3822 123" } }, 1, { previous: shipped }));
      expect(first).toMatchObject({ ok: true, document: { version: 1, savedBy: "telegram:900", added: false } });
      await storage.unit(async () => {
        await save("entry", "hoc-moi", { id: "hoc-moi", answer: { vi: ["Mới"] } }, 2, { added: true });
        // Two saves of one document in one unit: versions 2 then 3, each with its previous.
        await save("profile", "dong-nai", { id: "dong-nai", unit: { phone: "0251 3822 124" } }, 3, { previous: shipped, by: "telegram:901" });
        await save("profile", "dong-nai", { id: "dong-nai", unit: { phone: "0251 3822 125" } }, 4, { previous: shipped });
      });
      expect((await r.get("profile", "dong-nai"))?.document).toEqual({ id: "dong-nai", unit: { phone: "0251 3822 125" } });
      expect((await r.get("profile", "dong-nai"))?.version).toBe(3);
      expect(await r.get("entry", "dong-nai")).toBeUndefined();
      expect((await r.list()).map((d) => `${d.kind}:${d.id}:${d.version}`)).toEqual(["entry:hoc-moi:1", "profile:dong-nai:3"]);
      expect(await r.stamp()).toBe(4);
      const history = await r.history("profile", "dong-nai");
      expect(history.map((h) => [h.version, h.by, h.at])).toEqual([
        [1, "telegram:900", T(1)],
        [2, "telegram:901", T(3)],
        [3, "telegram:900", T(4)],
      ]);
      expect(history.map((h) => h.previous)).toEqual([shipped, { id: "dong-nai", unit: { phone: "0251 3822 123" } }, { id: "dong-nai", unit: { phone: "0251 3822 124" } }]);
      expect(history[2]!.next).toEqual({ id: "dong-nai", unit: { phone: "0251 3822 125" } });
      expect((await r.history("entry", "hoc-moi")).map((h) => h.previous)).toEqual([null]);
      expect(await r.history("entry", "nothing")).toEqual([]);
    });

    it("refuses a save based on a stale version and writes nothing; a failed unit keeps neither the document nor its history; writes need a unit", async () => {
      const r = repos().content;
      await storage.unit(() => save("entry", "gt-la-gi", { id: "gt-la-gi", n: 1 }, 1, { expectedVersion: 0 }));
      expect(await storage.unit(() => save("entry", "gt-la-gi", { id: "gt-la-gi", n: 2 }, 2, { expectedVersion: 0 }))).toEqual({ ok: false, current: 1 });
      expect(await storage.unit(() => save("entry", "gt-la-gi", { id: "gt-la-gi", n: 2 }, 2, { expectedVersion: 1 }))).toMatchObject({ ok: true, document: { version: 2 } });
      expect((await r.history("entry", "gt-la-gi")).length).toBe(2);
      await expect(
        storage.unit(async () => {
          await save("entry", "gt-la-gi", { id: "gt-la-gi", n: 3 }, 3);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect((await r.get("entry", "gt-la-gi"))?.document).toEqual({ id: "gt-la-gi", n: 2 });
      expect((await r.history("entry", "gt-la-gi")).length).toBe(2);
      expect(await r.stamp()).toBe(2);
      await expect(attempt(() => save("entry", "x", { id: "x" }, 1))).rejects.toThrow(NoUnitOfWorkError);
    });

    it("two saves of one document at once: both kept one after the other, never half of one", async () => {
      const r = repos().content;
      const results = await Promise.all([1, 2, 3].map((n) => storage.unit(() => save("profile", "dong-nai", { id: "dong-nai", n }, n))));
      expect(results.every((x) => x.ok)).toBe(true);
      const history = await r.history("profile", "dong-nai");
      expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
      // Each step's previous is the step before's document: no save was lost or interleaved.
      for (let i = 1; i < history.length; i++) expect(history[i]!.previous).toEqual(history[i - 1]!.next);
      expect((await r.get("profile", "dong-nai"))?.document).toEqual(history[2]!.next);
      // With the version they started from, only one of two editors wins.
      const raced = await Promise.all([4, 5].map((n) => storage.unit(() => save("profile", "dong-nai", { id: "dong-nai", n }, n, { expectedVersion: 3 }))));
      expect(raced.filter((x) => x.ok).length).toBe(1);
      expect(raced.find((x) => !x.ok)).toEqual({ ok: false, current: 4 });
    });
  });

  describe("coordination", () => {
    it("knows its own instance; exclusively runs work of one name once at a time", async () => {
      const c = storage.coordination;
      expect(c.instanceId).toMatch(/\S/);
      expect(await c.liveInstances()).toContain(c.instanceId);
      let release!: () => void;
      const running = c.exclusively("reminders", () => new Promise<string>((resolve) => (release = () => resolve("done"))));
      await sleep(20);
      expect(await c.exclusively("reminders", async () => "second")).toBeUndefined();
      expect(await c.exclusively("other", async () => "other")).toBe("other");
      release();
      expect(await running).toBe("done");
      expect(await c.exclusively("reminders", async () => "third")).toBe("third");
    });
  });

  describe("dump and restore", () => {
    it("isEmpty; dump gives every kind in order with its keys; restore into an empty store dumps the same", async () => {
      expect(await storage.isEmpty()).toBe(true);
      await seed(storage);
      expect(await storage.isEmpty()).toBe(false);
      const dumped = await all(storage.dump());
      expect([...new Set(dumped.map((d) => d.kind))]).toEqual([
        "users",
        "dialogs",
        "submissions",
        "counters",
        "roles",
        "subscriptions",
        "link-requests",
        "broadcasts",
        "reminders",
        "zalo-auth",
        "zalo-seen",
        "zalo-choices",
        "zalo-handoff",
        "mailboxes",
        "self-checks",
        "inbox",
        "conversation-tails",
        "kb-learned",
        "content",
        "content-history",
        "audit",
        "deliveries",
      ]);
      expect(dumped.filter((d) => d.kind === "users").map((d) => d.key)).toEqual(["telegram:1", "web:B", "zalo:3"]);
      expect(dumped.filter((d) => d.kind === "audit").map((d) => d.key)).toEqual(["0000000001", "0000000002", "0000000003"]);
      expect(dumped.find((d) => d.kind === "counters" && d.key === "submission:gtclqg:2026")?.record).toEqual({ last: 3 });
      expect(dumped.find((d) => d.kind === "deliveries")).toMatchObject({ key: "NH-0001" });
      expect((dumped.find((d) => d.kind === "deliveries")!.record as { final: string | null }[]).map((r) => r.final)).toEqual(["unsubscribed", "sent", "uncertain", null, null]);

      const copy = await open[backend]();
      try {
        expect(await copy.isEmpty()).toBe(true);
        expect(await copy.restore(replay(dumped))).toBe(dumped.length);
        expect(await copy.isEmpty()).toBe(false);
        expect(await all(copy.dump())).toEqual(dumped);
        // The copy goes on: new audit entries after the copied ones, the counters where they were.
        await copy.unit(async () => {
          await copy.repos.audit.append(entry("GT-2026-0003", 20, "dossier-received"));
          expect(await copy.repos.counters.next("submission:gtclqg:2026", 0)).toBe(4);
        });
        expect((await copy.repos.audit.page(3, 5)).map((p) => p.entry.subject)).toEqual(["GT-2026-0003"]);
        expect((await copy.repos.submissions.nameContains("minh an", 5)).total).toBe(2);
      } finally {
        await copy.close();
      }
    });

    it("restore refuses a record that does not fit its schema", async () => {
      await expect(storage.restore(replay<DumpItem>([{ kind: "users", key: "telegram:1", record: { channel: "telegram" } }]))).rejects.toThrow(/telegram:1/);
      await expect(storage.restore(replay<DumpItem>([{ kind: "nonsense", key: "x", record: {} }]))).rejects.toThrow(/nonsense/);
      expect(await storage.isEmpty()).toBe(true);
    });
  });
});

describe("JSON only: web uploads in DATA_DIR", () => {
  it("are files 0600 in a 0700 folder, read again after a restart, and carried by `backup` (which copies DATA_DIR)", async () => {
    const dir = await tempDir();
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    let storage = await openJsonStorage({ dir });
    const id = await storage.repos.uploads.put(pdf, { name: "Đơn đăng ký.pdf", mime: "application/pdf" });
    await storage.close();
    expect((await stat(path.join(dir, "uploads", id))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, "uploads"))).mode & 0o777).toBe(0o700);
    storage = await openJsonStorage({ dir });
    expect((await storage.repos.uploads.get(id))?.name).toBe("Đơn đăng ký.pdf");
    const to = path.join(await tempDir(), "backup");
    await backupDataDir(dir, to);
    await storage.close();
    const restored = await openJsonStorage({ dir: to, readOnly: true });
    try {
      expect(Buffer.from((await restored.repos.uploads.get(id))!.bytes).equals(pdf)).toBe(true);
      // A read-only store reads uploads and writes none.
      await expect(restored.repos.uploads.put(pdf, { name: "a.pdf", mime: "application/pdf" })).rejects.toThrow(/read-only/);
    } finally {
      await restored.close();
    }
  });
});

describe("a dump of one backend restores into the other", () => {
  it("json → postgres → json gives identical dumps", async () => {
    const json = await open.json();
    const postgres = await open.postgres();
    const back = await open.json();
    try {
      await seed(json);
      const fromJson = await all(json.dump());
      expect(fromJson.filter((i) => i.kind === "deliveries")).toHaveLength(1);
      expect(await postgres.restore(replay(fromJson))).toBe(fromJson.length);
      const fromPostgres = await all(postgres.dump());
      expect(fromPostgres).toEqual(fromJson);
      expect(await back.restore(replay(fromPostgres))).toBe(fromPostgres.length);
      expect(await all(back.dump())).toEqual(fromJson);
    } finally {
      await Promise.all([json.close(), postgres.close(), back.close()]);
    }
  });

  it("postgres → json → postgres gives identical dumps", async () => {
    const postgres = await open.postgres();
    const json = await open.json();
    const back = await open.postgres();
    try {
      await seed(postgres);
      const fromPostgres = await all(postgres.dump());
      await json.restore(replay(fromPostgres));
      const fromJson = await all(json.dump());
      expect(fromJson).toEqual(fromPostgres);
      await back.restore(replay(fromJson));
      expect(await all(back.dump())).toEqual(fromPostgres);
    } finally {
      await Promise.all([json.close(), postgres.close(), back.close()]);
    }
  });
});

describe("PostgreSQL only: instances on one database, start-up, round trips", () => {
  const opened: Storage[] = [];
  const openOn = async (url: string, extra: Partial<Parameters<typeof openPostgresStorage>[0]> = {}) => {
    const storage = await openPostgresStorage({ url, poolSize: 4, log: memoryLogger(), ...extra });
    opened.push(storage);
    return storage;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  const query = async <R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  it("a database that cannot be reached stops the start with one line naming it, never its password", async () => {
    const error = await openPostgresStorage({ url: "postgres://bot:s3cret-Pa55@127.0.0.1:1/nscl", poolSize: 2, log: memoryLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const e = error as StoreError;
    expect(e.file).toBe("postgres://bot@127.0.0.1:1/nscl");
    expect(e.message).toMatch(/^postgres:\/\/bot@127\.0\.0\.1:1\/nscl cannot be reached: .*ECONNREFUSED/);
    expect(e.message).not.toContain("s3cret");
    expect(e.message).not.toContain("\n");

    const url = (await testDatabaseUrl()).replace(/\/t_[0-9a-f]+\?/, "/no_such_db?");
    const missing = (await openPostgresStorage({ url, poolSize: 2, log: memoryLogger() }).catch((x: unknown) => x)) as StoreError;
    expect(missing).toBeInstanceOf(StoreError);
    expect(missing.message).toMatch(/no_such_db.* does not exist: database "no_such_db" does not exist$/);
  });

  it("a missing extension stops the start with one line saying what to install", async () => {
    const dir = await tempDir();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${dir}/001_schema.sql`, "CREATE EXTENSION IF NOT EXISTS nscl_no_such_extension;\nCREATE TABLE t (x int);\n");
    const url = await testDatabaseUrl({ empty: true });
    const error = (await openPostgresStorage({ url, poolSize: 2, log: memoryLogger(), migrationsDir: dir }).catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(/needs the PostgreSQL extension nscl_no_such_extension, which this server does not have \(install postgresql-contrib/);
    expect(error.message).not.toContain("\n");
    // Nothing half done.
    expect(await query(url, "SELECT to_regclass('t') IS NULL AS absent")).toEqual([{ absent: true }]);
  });

  it("migrates an empty database once, even when two instances start together; a read-only opener never migrates", async () => {
    const url = await testDatabaseUrl({ empty: true });
    // However many migrations there are (each new kind of record adds one).
    const migrations = await readMigrations();
    const n = migrations.length;
    await expect(openOn(url, { readOnly: true })).rejects.toThrow(new RegExp(`lacks ${n} of the bot's ${n} schema migrations`));
    const [a, b] = await Promise.all([openOn(url), openOn(url)]);
    expect(await query(url, "SELECT version, name FROM schema_migrations ORDER BY version")).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    expect(migrations[0]!.name).toBe("001_schema.sql");
    expect(await query(url, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")).toHaveLength(1);
    await a!.unit(() => a!.repos.users.put("telegram:1", user("telegram:1")));
    expect(await b!.repos.users.get("telegram:1")).toEqual(user("telegram:1"));
  });

  it("a unit with a lockKey, one users.get and one dialogs.put costs 4 round trips: BEGIN + lock, SELECT, INSERT, COMMIT", async () => {
    const storage = await openOn(await testDatabaseUrl());
    const turn = () =>
      storage.unit(
        async () => {
          await storage.repos.users.get("telegram:1");
          await storage.repos.dialogs.put("telegram:1", dialog("register-gtclqg", T(1)));
        },
        { lockKey: "telegram:1" },
      );
    await turn();
    const spy = vi.spyOn(pg.Client.prototype, "query");
    try {
      const commits = storage.stats.commits;
      await turn();
      // The unit's connection (a heartbeat may use another one meanwhile).
      const unitCalls = spy.mock.calls.filter((_, i) => spy.mock.contexts[i] === spy.mock.contexts[0]);
      expect(unitCalls).toHaveLength(4);
      expect(String(unitCalls[0]![0])).toMatch(/^BEGIN; SELECT pg_advisory_xact_lock/);
      expect(unitCalls[3]![0]).toBe("COMMIT");
      expect(storage.stats.commits).toBe(commits + 1);
    } finally {
      spy.mockRestore();
    }
  });

  it("a turn that fetches its user, role and dialog ahead reads them in the round trip of BEGIN + lock; what it writes is read back fresh (BEGIN…, INSERT, SELECT, COMMIT)", async () => {
    const storage = await openOn(await testDatabaseUrl());
    await storage.unit(() => storage.repos.users.put("telegram:1", user("telegram:1")));
    const prefetch = ["users", "roles", "dialogs"].map((kind) => ({ kind, key: "telegram:1" }));
    const seen: unknown[] = [];
    const turn = () =>
      storage.unit(
        async () => {
          seen.push(await storage.repos.users.get("telegram:1"), await storage.repos.roles.get("telegram:1"), await storage.repos.dialogs.get("telegram:1"));
          await storage.repos.dialogs.put("telegram:1", dialog("register-gtclqg", T(2)));
          // Written in the unit: read again from the database, not from what was fetched ahead.
          seen.push(await storage.repos.dialogs.get("telegram:1"));
        },
        { lockKey: "telegram:1", prefetch },
      );
    await turn();
    expect(seen).toEqual([user("telegram:1"), undefined, undefined, dialog("register-gtclqg", T(2))]);
    const spy = vi.spyOn(pg.Client.prototype, "query");
    try {
      seen.length = 0;
      await turn();
      const unitCalls = spy.mock.calls.filter((_, i) => spy.mock.contexts[i] === spy.mock.contexts[0]);
      expect(unitCalls.map((c) => (typeof c[0] === "string" ? c[0].split(";")[0] : "named"))).toEqual(["BEGIN", "named", "named", "COMMIT"]);
      expect(seen).toEqual([user("telegram:1"), undefined, dialog("register-gtclqg", T(2)), dialog("register-gtclqg", T(2))]);
    } finally {
      spy.mockRestore();
    }
  });

  it("instances see each other; a lockKey and lock(name) hold across instances; claims never meet; a stopped instance's sends are abandoned", async () => {
    const url = await testDatabaseUrl();
    const a = await openOn(url);
    const b = await openOn(url);
    expect(a.coordination.instanceId).not.toBe(b.coordination.instanceId);
    expect(await a.coordination.liveInstances()).toEqual([a.coordination.instanceId, b.coordination.instanceId].sort());

    const events: string[] = [];
    const turn = (s: Storage, who: string) =>
      s.unit(
        async () => {
          events.push(`${who}:in`);
          await sleep(40);
          events.push(`${who}:out`);
        },
        { lockKey: "zalo:42" },
      );
    await Promise.all([turn(a, "a"), turn(b, "b")]);
    expect([
      ["a:in", "a:out", "b:in", "b:out"],
      ["b:in", "b:out", "a:in", "a:out"],
    ]).toContainEqual(events);

    // Each process's exclusive work runs on one instance at a time.
    let release!: () => void;
    const long = a.coordination.exclusively("sweep", () => new Promise<void>((r) => (release = r)));
    await sleep(30);
    expect(await b.coordination.exclusively("sweep", async () => "ran")).toBeUndefined();
    release();
    await long;
    expect(await b.coordination.exclusively("sweep", async () => "ran")).toBe("ran");

    await a.unit(() => a.repos.deliveries.list("TB-0001", recipients(40)));
    const now = new Date(T(0));
    const sender = (s: Storage) => async () => {
      const got: number[] = [];
      for (;;) {
        const claim = await s.unit(() => s.repos.deliveries.claim("TB-0001", now, s.coordination.instanceId));
        if (claim.kind !== "send") return got;
        got.push(claim.index);
        // Settled by the first 30; the rest stay in flight.
        if (claim.index < 30) await s.unit(() => s.repos.deliveries.settle("TB-0001", claim.index, "sent", now));
      }
    };
    const [fromA, fromB] = await Promise.all([sender(a)(), sender(b)()]);
    expect([...fromA!, ...fromB!].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const inFlightOfB = fromB!.filter((i) => i >= 30).length;

    await b.close();
    expect(await query(url, "SELECT id FROM instances")).toEqual([{ id: a.coordination.instanceId }]);
    const live = await a.coordination.liveInstances();
    expect(live).toEqual([a.coordination.instanceId]);
    expect(await a.unit(() => a.repos.deliveries.abandonInFlight("TB-0001", live, now))).toBe(inFlightOfB);
    expect(await a.repos.deliveries.summary("TB-0001")).toMatchObject({ counts: { sent: 30, uncertain: inFlightOfB }, inFlight: 10 - inFlightOfB, waiting: 0 });
  });

  it("takeSendSlot shares one budget among instances: the rate in every second, and in any sliding second at most one tenth's share more", async () => {
    const url = await testDatabaseUrl();
    const a = await openOn(url);
    const b = await openOn(url);
    const RATE = 20;
    const taken: number[] = [];
    // Two instances each asking as fast as they may for 2.5 s.
    const ask = async (s: Storage, until: number) => {
      while (Date.now() < until) {
        const wait = await s.coordination.takeSendSlot(RATE);
        if (wait === 0) taken.push(Date.now());
        else {
          expect(wait).toBeLessThanOrEqual(100);
          await sleep(wait);
        }
      }
    };
    while (Date.now() % 1000 > 50) await sleep(5);
    const start = Date.now();
    await Promise.all([ask(a, start + 2500), ask(b, start + 2500)]);
    // Each whole calendar second (the database's clock is this machine's): the rate, whoever took them.
    const second = Math.floor(start / 1000) + 1;
    const inSecond = (s: number) => taken.filter((t) => Math.floor(t / 1000) === s).length;
    expect(inSecond(second)).toBeGreaterThanOrEqual(RATE - 1);
    expect(inSecond(second)).toBeLessThanOrEqual(RATE);
    expect(inSecond(second - 1)).toBeLessThanOrEqual(RATE);
    // Any sliding second: at most the rate and one tenth's share (2 here).
    for (const t of taken) expect(taken.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(RATE + 2);
    expect(await a.coordination.takeSendSlot(0)).toBeGreaterThan(0);
  });

  it("read-only: reads beside a running bot, writes refused, no instance row", async () => {
    const url = await testDatabaseUrl();
    const writer = await openOn(url);
    await writer.unit(() => writer.repos.users.put("telegram:1", user("telegram:1")));
    const reader = await openOn(url, { readOnly: true });
    expect(await reader.repos.users.get("telegram:1")).toEqual(user("telegram:1"));
    expect(await reader.unit(() => reader.repos.users.count())).toBe(1);
    await expect(reader.unit(() => reader.repos.users.put("telegram:2", user("telegram:2")))).rejects.toThrow(/read-only/);
    expect(await query(url, "SELECT count(*)::int AS n FROM instances")).toEqual([{ n: 1 }]);
  });

  it("a stored record that no longer fits its schema is refused when read, naming the database and the record", async () => {
    const url = await testDatabaseUrl();
    const storage = await openOn(url);
    await storage.unit(() => storage.repos.users.put("telegram:1", user("telegram:1")));
    await query(url, `UPDATE users SET record = record || '{"locale": "fr"}'::jsonb`);
    const error = (await storage.repos.users.get("telegram:1").catch((e: unknown) => e)) as StoreError;
    expect(error).toBeInstanceOf(StoreError);
    expect(error.file).toMatch(/\/t_[0-9a-f]+\?host=.* users\[telegram:1\]$/);
    expect(error.reason).toMatch(/locale/);
  });
});

describe("submissions stored before the dossier checklist (no `item` on a document, no `checklist`)", () => {
  /** S.A as an older version stored it: one document without an item, no checklist member. */
  const old = (): Record<string, unknown> => {
    const { checklist: _gone, ...rest } = structuredClone(S.A);
    return { ...rest, documents: [{ file: { channel: "telegram", ref: "old-1", name: "don.pdf", size: 10, mime: "application/pdf" }, addedAt: T(11) }] };
  };
  const expectLoaded = (s: Submission | undefined) => {
    expect(s?.checklist).toEqual({});
    expect(s?.documents).toEqual([{ file: { channel: "telegram", ref: "old-1", name: "don.pdf", size: 10, mime: "application/pdf" }, addedAt: T(11), item: null }]);
  };

  it("load from the JSON files", async () => {
    const dir = await tempDir();
    const shard = shardOf(S.A.code, 64).toString(16).padStart(2, "0");
    await mkdir(path.join(dir, "submissions"), { recursive: true });
    await writeFile(path.join(dir, "submissions", `${shard}.json`), JSON.stringify({ version: 1, records: { [S.A.code]: old() } }));
    const storage = await openJsonStorage({ dir });
    try {
      expectLoaded(await storage.repos.submissions.get(S.A.code));
      expect((await storage.repos.submissions.figures({ programme: "gtclqg", year: 2026, openStatuses: OPEN_GTCLQG, waitingStatuses: [], newSince: T(0), stalledBefore: T(0), dossier: { legacy: { items: ["x"], required: ["x"] }, "2026": { items: ["x"], required: ["x"] } } })).completeDossiers).toBe(0);
    } finally {
      await storage.close();
    }
  });

  it("load from the PostgreSQL submissions table", async () => {
    const url = await testDatabaseUrl();
    const storage = await openPostgresStorage({ url, poolSize: 2, log: memoryLogger() });
    try {
      await storage.unit(() => storage.repos.submissions.insert(S.A));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("UPDATE submissions SET record = $2::jsonb WHERE code = $1", [S.A.code, JSON.stringify(old())]);
      } finally {
        await client.end();
      }
      expectLoaded(await storage.repos.submissions.get(S.A.code));
      expect((await storage.repos.submissions.figures({ programme: "gtclqg", year: 2026, openStatuses: OPEN_GTCLQG, waitingStatuses: [], newSince: T(0), stalledBefore: T(0), dossier: { legacy: { items: ["x"], required: ["x"] }, "2026": { items: ["x"], required: ["x"] } } })).completeDossiers).toBe(0);
      // And the figure counts such a record once its item is known.
      await storage.unit(() => storage.repos.submissions.update(S.A.code, (s) => s && { ...s, documents: s.documents.map((d) => ({ ...d, item: "x" })) }));
      expect((await storage.repos.submissions.figures({ programme: "gtclqg", year: 2026, openStatuses: OPEN_GTCLQG, waitingStatuses: [], newSince: T(0), stalledBefore: T(0), dossier: { legacy: { items: ["x"], required: ["x"] }, "2026": { items: ["x"], required: ["x"] } } })).completeDossiers).toBe(1);
    } finally {
      await storage.close();
    }
  });

  it("get the checklist columns of migration 003 from their records (rows written before it)", async () => {
    const url = await testDatabaseUrl();
    const storage = await openPostgresStorage({ url, poolSize: 2, log: memoryLogger() });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const doc = (ref: string, item: string | null) => ({ file: { channel: "telegram" as const, ref, name: `${ref}.pdf`, size: 10, mime: "application/pdf" }, addedAt: T(1), item });
      const marked = { ...S.A, rules: "2026" as const, documents: [doc("a", "form"), doc("b", "report"), doc("c", null), doc("d", "extra")], checklist: { report: { state: "needs-more" as const, note: "Thiếu", at: T(2), by: "telegram:900" }, proof: { state: "reviewed-ok" as const, note: null, at: T(2), by: "telegram:900" } } };
      await storage.unit(() => storage.repos.submissions.insert(marked));
      const columns = async () => (await client.query("SELECT rules, dossier_done, dossier_more FROM submissions WHERE code = $1", [S.A.code])).rows[0];
      // Written by the app: the same as the domain's own derivation.
      expect(await columns()).toEqual({ rules: "2026", dossier_done: dossierProgress(marked).done, dossier_more: dossierProgress(marked).more });
      expect(dossierProgress(marked)).toEqual({ done: ["extra", "form", "proof"], more: ["report"] });
      // As a row stored before the migration had them (its defaults), then the migration's own UPDATE.
      await client.query("UPDATE submissions SET rules = 'legacy', dossier_done = '{}', dossier_more = '{}'");
      const migration = await readFile(new URL("../../src/store/postgres/migrations/003_dossier_checklist.sql", import.meta.url), "utf8");
      const update = /UPDATE submissions s SET[\s\S]*?;/.exec(migration)![0];
      await client.query(update);
      expect(await columns()).toEqual({ rules: "2026", dossier_done: ["extra", "form", "proof"], dossier_more: ["report"] });
    } finally {
      await client.end();
      await storage.close();
    }
  });
});
