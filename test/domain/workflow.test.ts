import { describe, expect, it } from "vitest";
import { PROGRAMMES, type Programme } from "../../src/domain/programmes.js";
import { STATUSES, WITHDRAWN, isOpen, type StatusId } from "../../src/domain/statuses.js";
import { TRANSITIONS, allowedNext, checkTransition } from "../../src/domain/workflow.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");

/** The workflow, written out edge by edge (withdrawal from every open status comes on top). */
const EXPECTED: Record<Programme, [StatusId, StatusId][]> = {
  gtclqg: [
    ["registered", "dossier-received"],
    // Documents may be asked for before the dossier counts as received (issue 18).
    ["registered", "needs-supplement"],
    ["dossier-received", "needs-supplement"],
    ["needs-supplement", "dossier-received"],
    ["dossier-received", "desk-review"],
    ["desk-review", "onsite-review"],
    ["onsite-review", "shortlisted"],
    ["onsite-review", "not-shortlisted"],
    ["shortlisted", "national-council"],
    ["national-council", "gold-award"],
    ["national-council", "award"],
    ["national-council", "not-awarded"],
  ],
  nscl: [
    ["registered", "eligible"],
    ["registered", "ineligible"],
    ["eligible", "in-plan"],
    ["in-plan", "in-progress"],
    ["in-progress", "acceptance"],
    ["acceptance", "completed"],
  ],
};

const ids = (p: Programme) => STATUSES[p].map((s) => s.id);
const openIds = (p: Programme) => ids(p).filter((id) => isOpen(p, id));

/** A route of allowed moves from `registered` to `target` (breadth first over the table). */
function routeTo(programme: Programme, target: StatusId): StatusId[] {
  const queue: StatusId[][] = [["registered"]];
  while (queue.length) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === target) return path.slice(1);
    for (const next of TRANSITIONS[programme][last] ?? []) if (!path.includes(next)) queue.push([...path, next]);
  }
  throw new Error(`${target} cannot be reached`);
}

describe("the workflow table", () => {
  it.each(PROGRAMMES)("%s: holds exactly the issue's moves, plus withdrawal from every open status", (programme) => {
    const listed = Object.entries(TRANSITIONS[programme]).flatMap(([from, tos]) => (tos ?? []).map((to) => [from, to]));
    expect(listed.sort()).toEqual([...EXPECTED[programme]].sort());
    for (const from of ids(programme)) {
      const next = allowedNext(programme, from);
      if (isOpen(programme, from)) expect(next[next.length - 1]).toBe(WITHDRAWN);
      else expect(next).toEqual([]);
    }
  });

  it.each(PROGRAMMES)("%s: every status can be reached and every open status leads on", (programme) => {
    for (const id of ids(programme).filter((s) => s !== "registered" && s !== WITHDRAWN)) expect(routeTo(programme, id).length).toBeGreaterThan(0);
    for (const id of openIds(programme)) expect(allowedNext(programme, id).filter((s) => s !== WITHDRAWN).length).toBeGreaterThan(0);
  });

  it("refuses the same status and names where it may go", () => {
    expect(checkTransition("gtclqg", "dossier-received", "dossier-received")).toEqual({ ok: false, reason: "same", allowed: ["needs-supplement", "desk-review", "withdrawn"] });
    expect(checkTransition("gtclqg", "registered", "award")).toEqual({ ok: false, reason: "not-allowed", allowed: ["dossier-received", "needs-supplement", "withdrawn"] });
    expect(checkTransition("nscl", "completed", "withdrawn")).toEqual({ ok: false, reason: "not-allowed", allowed: [] });
    expect(checkTransition("nscl", "registered", "desk-review")).toEqual({ ok: false, reason: "not-allowed", allowed: ["eligible", "ineligible", "withdrawn"] });
  });
});

describe("moving submissions through the workflow service", () => {
  it.each(PROGRAMMES)("%s: every allowed move and every refused one, each recorded or refused on a real submission", async (programme) => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const { submissions, workflow, audit } = app.services;
    const official = { userKey: "telegram:777", role: "admin" as const };
    let taxSeq = 1_000_000;
    const unit = <T>(work: () => Promise<T>) => app.storage.unit(work);
    const fresh = async () => {
      const made = await unit(() => submissions.create(draft({ programme, taxCode: `0${++taxSeq}00`.slice(0, 10) }), NOW));
      if (!made.ok) throw new Error("not created");
      return made.submission.code;
    };
    const at = async (code: string, status: StatusId) => {
      for (const step of routeTo(programme, status)) expect((await unit(() => workflow.move(code, step, official, NOW, null))).ok).toBe(true);
      expect((await submissions.get(code))?.status).toBe(status);
    };

    for (const from of openIds(programme)) {
      const allowed = allowedNext(programme, from);
      for (const to of allowed) {
        const code = await fresh();
        await at(code, from);
        const before = (await audit.about(code)).length;
        const moved = await unit(() => workflow.move(code, to, official, NOW, `chuyển sang ${to}`));
        expect(moved.ok, `${from} → ${to}`).toBe(true);
        const s = (await submissions.get(code))!;
        expect(s.status).toBe(to);
        expect(s.statusHistory[s.statusHistory.length - 1]).toMatchObject({ from, to, by: { kind: "official", userKey: "telegram:777" }, note: `chuyển sang ${to}` });
        expect((await audit.about(code)).slice(before)).toMatchObject([{ action: "status", actor: official, from, to, note: `chuyển sang ${to}` }]);
      }
      // Every other status of the programme is refused from here, and nothing changes.
      const code = await fresh();
      await at(code, from);
      const record = JSON.stringify(await submissions.get(code));
      const logged = (await audit.about(code)).length;
      for (const to of ids(programme).filter((id) => !allowed.includes(id))) {
        const refused = await unit(() => workflow.move(code, to, official, NOW, null));
        expect(refused.ok, `${from} → ${to} must be refused`).toBe(false);
        expect(!refused.ok && refused.reason !== "not-found" && refused.reason !== "stale" && refused.allowed).toEqual(allowed);
      }
      expect(JSON.stringify(await submissions.get(code))).toBe(record);
      expect((await audit.about(code)).length).toBe(logged);
    }
    // A closed case does not move at all, not even to withdrawn.
    const closed = await fresh();
    const final = ids(programme).find((id) => !isOpen(programme, id) && id !== WITHDRAWN)!;
    await at(closed, final);
    expect(await unit(() => workflow.move(closed, WITHDRAWN, official, NOW, null))).toMatchObject({ ok: false, reason: "not-allowed", allowed: [] });
    await app.close();
  });

  it("does nothing when the status the official saw is no longer the status (another official moved it)", async () => {
    const app = await testApp(await tempDir());
    const { submissions, workflow } = app.services;
    const made = await app.storage.unit(() => submissions.create(draft(), NOW));
    const code = made.ok ? made.submission.code : "";
    const a = { userKey: "telegram:1", role: "official" as const };
    expect((await app.storage.unit(() => workflow.move(code, "dossier-received", a, NOW, null, "registered"))).ok).toBe(true);
    // The second official's button still says "from registered".
    expect(await app.storage.unit(() => workflow.move(code, "withdrawn", { userKey: "telegram:2", role: "official" }, NOW, null, "registered"))).toMatchObject({ ok: false, reason: "stale" });
    expect((await submissions.get(code))?.status).toBe("dossier-received");
    await app.close();
  });

  it("an award year may run past twelve months: a 2025 dossier moves on in 2027 like any other", async () => {
    const app = await testApp(await tempDir());
    const { submissions, workflow } = app.services;
    const made = await app.storage.unit(() => submissions.create(draft({ awardYear: 2025 }), new Date("2025-04-01T03:00:00Z")));
    const code = made.ok ? made.submission.code : "";
    const official = { userKey: "telegram:1", role: "official" as const };
    const when = new Date("2027-05-10T03:00:00Z");
    for (const to of ["dossier-received", "desk-review", "onsite-review", "shortlisted", "national-council", "award"] as const) expect((await app.storage.unit(() => workflow.move(code, to, official, when, null))).ok).toBe(true);
    expect((await submissions.get(code))?.status).toBe("award");
    await app.close();
  });
});
