import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SubmissionEvent } from "../../src/services/submissions.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("submissions service", () => {
  it("numbers submissions per programme and year, starting registered with a history entry", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const a = await app.storage.unit(() => submissions.create(draft(), NOW));
    const b = await app.storage.unit(() => submissions.create(draft({ taxCode: "0100233488" }), NOW));
    const c = await app.storage.unit(() => submissions.create(draft({ programme: "nscl" }), NOW));
    const d = await app.storage.unit(() => submissions.create(draft({ taxCode: "0312687878", awardYear: 2027 }), NOW));
    expect([a, b, c, d].map((r) => r.ok && r.submission.code)).toEqual(["GT-2026-0001", "GT-2026-0002", "NS-2026-0001", "GT-2027-0001"]);
    const first = a.ok ? a.submission : undefined;
    expect(first?.status).toBe("registered");
    expect(first?.statusHistory).toEqual([{ at: NOW.toISOString(), from: null, to: "registered", by: { kind: "enterprise", userKey: "telegram:1001" }, note: null }]);
    await app.close();
  });

  it("refuses a second live registration of a tax code for the same programme and year, and hands out no number for it", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const first = await app.storage.unit(() => submissions.create(draft(), NOW));
    const again = await app.storage.unit(() => submissions.create(draft({ userKey: "web:someone-else-000000" }), NOW));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.existing.code).toBe("GT-2026-0001");
    expect((await submissions.duplicateOf("0314409058", "gtclqg", 2026))?.code).toBe("GT-2026-0001");
    expect(await submissions.duplicateOf("0314409058", "nscl", 2026)).toBeUndefined();
    // Withdrawn submissions stay on record but no longer block; the number is never given again.
    expect(first.ok && (await app.storage.unit(() => submissions.withdraw(first.submission.code, "telegram:1001", later(1)))).ok).toBe(true);
    const third = await app.storage.unit(() => submissions.create(draft(), later(2)));
    expect(third.ok && third.submission.code).toBe("GT-2026-0002");
    expect((await submissions.byTaxCode("0314409058")).map((s) => [s.code, s.status])).toEqual([
      ["GT-2026-0002", "registered"],
      ["GT-2026-0001", "withdrawn"],
    ]);
    await app.close();
  });

  it("keeps submissions and counters across a restart, and never reuses a number", async () => {
    const dir = await tempDir();
    const first = await testApp(dir);
    await first.storage.unit(() => first.services.submissions.create(draft(), NOW));
    await first.storage.unit(() => first.services.submissions.create(draft({ taxCode: "0100233488", userKey: "web:lan-00000000000000" }), NOW));
    await first.close();

    const second = await testApp(dir);
    const { submissions } = second.services;
    expect(await submissions.count()).toBe(2);
    expect((await submissions.byOwner("web:lan-00000000000000")).map((s) => s.code)).toEqual(["GT-2026-0002"]);
    expect((await submissions.find("gt-2026-1"))?.organisation.taxCode).toBe("0314409058");
    const next = await second.storage.unit(() => submissions.create(draft({ taxCode: "0312687878" }), NOW));
    expect(next.ok && next.submission.code).toBe("GT-2026-0003");
    const json = second.storage.backend === "json";
    await second.close();
    // The counter as stored, read back by a restarted bot (on any backend)…
    const third = await testApp(dir);
    expect((await third.storage.repos.counters.all()).get("submission:gtclqg:2026")).toEqual({ last: 3 });
    await third.close();
    // …and, on the JSON backend, the file itself.
    if (json) {
      const counters = JSON.parse(await readFile(path.join(dir, "counters.json"), "utf8")) as { records: Record<string, { last: number }> };
      expect(counters.records["submission:gtclqg:2026"]).toEqual({ last: 3 });
    }
  });

  it("spreads submissions over shard files so none holds them all", async () => {
    const dir = await tempDir();
    const app = await testApp(dir);
    // One tax code; programme and award year differ, so none is a duplicate.
    await app.storage.unit(async () => {
      for (let i = 0; i < 200; i++) {
        const made = await app.services.submissions.create(draft({ awardYear: 2000 + (i % 100), programme: i < 100 ? "gtclqg" : "nscl", userKey: `web:user-${String(i).padStart(16, "0")}` }), NOW);
        if (!made.ok) throw new Error("duplicate");
      }
    });
    await app.storage.checkpoint();
    // Shard files are the JSON backend's own (PostgreSQL has tables).
    if (app.storage.backend === "json") {
      const files = (await readdir(path.join(dir, "submissions"))).filter((f) => f.endsWith(".json"));
      expect(files.length).toBeGreaterThan(30);
      let largest = 0;
      for (const f of files) {
        const records = Object.keys((JSON.parse(await readFile(path.join(dir, "submissions", f), "utf8")) as { records: object }).records).length;
        largest = Math.max(largest, records);
      }
      expect(largest).toBeLessThan(20);
    }
    expect(await app.services.submissions.count()).toBe(200);
    await app.close();
  });

  it("lets only the owner withdraw, remove the contact after withdrawal, and attach files", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const unit = <T>(work: () => Promise<T>) => app.storage.unit(work);
    const created = await unit(() => submissions.create(draft(), NOW));
    const code = created.ok ? created.submission.code : "";
    const file = { channel: "telegram" as const, ref: "BQAC-1", name: "bao-cao.pdf", size: 1234, mime: "application/pdf" };

    expect(await unit(() => submissions.withdraw(code, "telegram:9999", later(1)))).toEqual({ ok: false, error: { key: "sub-not-found" } });
    expect((await unit(() => submissions.attach(code, "telegram:9999", file, later(1)))).ok).toBe(false);
    expect(await unit(() => submissions.removeContact(code, "telegram:1001", later(1)))).toEqual({ ok: false, error: { key: "sub-remove-contact-open", args: { code } } });

    const attached = await unit(() => submissions.attach(code, "telegram:1001", file, later(2)));
    expect(attached.ok && attached.submission.documents).toEqual([{ file, addedAt: later(2).toISOString(), item: null }]);
    const twice = await unit(() => submissions.attach(code, "telegram:1001", file, later(3)));
    expect(twice.ok && twice.submission.documents).toHaveLength(1);
    // Only a holder says which dossier item a file is for; only an item of the list is marked.
    expect(await unit(() => submissions.assignItem(code, "telegram:9999", [file.ref], "introduction", later(3)))).toEqual({ ok: false, error: { key: "sub-not-found" } });
    const filed = await unit(() => submissions.assignItem(code, "telegram:1001", [file.ref], "introduction", later(3)));
    expect(filed.ok && filed.submission.documents.map((d) => d.item)).toEqual(["introduction"]);
    const ids = ["introduction", "environment"];
    expect(await unit(() => submissions.markItem(code, "made-up", { state: "reviewed-ok", note: null }, "telegram:777", ids, later(3)))).toEqual({ ok: false, error: { key: "checklist-item-unknown", args: { code } } });
    const marked = await unit(() => submissions.markItem(code, "environment", { state: "needs-more", note: "Thiếu" }, "telegram:777", ids, later(3)));
    expect(marked.ok && marked.submission.checklist).toEqual({ environment: { state: "needs-more", note: "Thiếu", at: later(3).toISOString(), by: "telegram:777" } });
    const cleared = await unit(() => submissions.markItem(code, "environment", null, "telegram:777", ids, later(3)));
    expect(cleared.ok && cleared.submission.checklist).toEqual({});

    const withdrawn = await unit(() => submissions.withdraw(code, "telegram:1001", later(4)));
    expect(withdrawn.ok && withdrawn.submission.status).toBe("withdrawn");
    expect(withdrawn.ok && withdrawn.submission.statusHistory.at(-1)).toEqual({
      at: later(4).toISOString(), from: "registered", to: "withdrawn", by: { kind: "enterprise", userKey: "telegram:1001" }, note: null,
    });
    expect(await unit(() => submissions.withdraw(code, "telegram:1001", later(5)))).toEqual({ ok: false, error: { key: "sub-withdraw-final", args: { code } } });
    expect((await unit(() => submissions.attach(code, "telegram:1001", { ...file, ref: "BQAC-2" }, later(5)))).ok).toBe(false);

    const removed = await unit(() => submissions.removeContact(code, "telegram:1001", later(6)));
    expect(removed.ok && removed.submission.contact).toBeNull();
    expect(removed.ok && removed.submission.contactRemovedAt).toBe(later(6).toISOString());
    expect(removed.ok && removed.submission.organisation.name).toBe("Công ty TNHH Minh An");
    await app.close();
  });

  it("replaces the contact for the owner and keeps anyone else's as a proposal for an official", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const unit = <T>(work: () => Promise<T>) => app.storage.unit(work);
    const created = await unit(() => submissions.create(draft(), NOW));
    const code = created.ok ? created.submission.code : "";
    const newContact = { name: "Trần Văn Minh", position: "Giám đốc", phone: "+84987654321", email: "minh@minhan.vn" };

    const other = await unit(() => submissions.updateContact(code, newContact, "web:stranger-0000000000", later(1)));
    expect(other.ok && other.applied).toBe(false);
    expect((await submissions.get(code))?.contact?.name).toBe("Nguyễn Thị Lan");
    expect((await submissions.get(code))?.pendingContact).toEqual({ contact: newContact, at: later(1).toISOString(), by: "web:stranger-0000000000" });

    expect((await unit(() => submissions.resolvePendingContact(code, false, "telegram:7770001", later(2)))).ok).toBe(true);
    expect((await submissions.get(code))?.pendingContact).toBeNull();
    expect((await submissions.get(code))?.contact?.name).toBe("Nguyễn Thị Lan");
    await unit(() => submissions.updateContact(code, newContact, "web:stranger-0000000000", later(2)));
    expect((await unit(() => submissions.resolvePendingContact(code, true, "telegram:7770001", later(2)))).ok && (await submissions.get(code))?.contact).toEqual(newContact);
    expect(await unit(() => submissions.resolvePendingContact(code, true, "telegram:7770001", later(2)))).toEqual({ ok: false, error: { key: "sub-no-pending-contact", args: { code } } });

    const owner = await unit(() => submissions.updateContact(code, { ...newContact, name: "Trần Văn Minh Hai" }, "telegram:1001", later(2)));
    expect(owner.ok && owner.applied).toBe(true);
    expect((await submissions.get(code))?.contact).toEqual({ ...newContact, name: "Trần Văn Minh Hai" });
    await app.close();
  });

  it("records officials' status changes with who made them, and tells subscribers within the turn", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const events: SubmissionEvent["kind"][] = [];
    submissions.subscribe(async (e) => {
      // Told inside the unit of work that makes the change.
      expect(app.storage.inUnit()).toBe(true);
      events.push(e.kind);
    });
    const created = await app.storage.unit(() => submissions.create(draft(), NOW));
    const code = created.ok ? created.submission.code : "";
    const moved = await app.storage.unit(() => submissions.changeStatus(code, "dossier-received", { kind: "official", userKey: "telegram:7770001" }, later(1), "Đủ 8 thành phần"));
    expect(moved.ok && moved.submission.statusHistory.at(-1)).toMatchObject({ from: "registered", to: "dossier-received", by: { kind: "official" }, note: "Đủ 8 thành phần" });
    expect((await app.storage.unit(() => submissions.changeStatus(code, "eligible", { kind: "system" }, later(2)))).ok).toBe(false);
    expect(events).toEqual(["created", "status"]);
    await app.close();
  });

  it("refuses to start on a stored submission whose status is not of its programme, naming the file", async () => {
    const dir = await tempDir();
    const app = await testApp(dir);
    await app.storage.unit(() => app.services.submissions.create(draft(), NOW));
    expect((await app.services.submissions.get("GT-2026-0001"))?.status).toBe("registered");
    // The point is the JSON backend's check of its own files at start (PostgreSQL checks rows as they are read).
    const json = app.storage.backend === "json";
    await app.close();
    if (!json) return;
    const shardDir = path.join(dir, "submissions");
    for (const f of (await readdir(shardDir)).filter((x) => x.endsWith(".json"))) {
      const file = path.join(shardDir, f);
      const text = await readFile(file, "utf8");
      if (text.includes("GT-2026-0001")) await writeFile(file, text.replace('"status":"registered"', '"status":"eligible"'));
    }
    await expect(testApp(dir)).rejects.toThrow(/submissions\/[0-9a-f]{2}\.json.*not a gtclqg status/);
  });
});
