import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/store/json/lock.js";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const freshDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-lock-"));
  dirs.push(dir);
  return dir;
};

const LOCK_MODULE = path.resolve("dist/src/store/json/lock.js");
/**
 * A process that waits for `at` (ms since the epoch), tries the lock, says "got" or "refused", and
 * holds it a second — longer than any contender can be kept off a core, so a later success would be a
 * second holder, not a takeover from one that exited.
 */
const CHILD = `
const { lockDataDir } = await import(process.argv[1]);
const at = Number(process.argv[3]);
while (Date.now() < at) {}
try { await lockDataDir(process.argv[2]); process.stdout.write("got"); await new Promise((r) => setTimeout(r, 1000)); }
catch (e) { process.stdout.write(/in use|could not be locked/.test(String(e)) ? "refused" : "error " + String(e)); }
`;

function contender(dir: string, at: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD, LOCK_MODULE, dir, String(at)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve(out));
  });
}

/** `count` processes that try to lock `dir` at the same moment; what each said. */
async function race(dir: string, count: number): Promise<string[]> {
  const at = Date.now() + 500; // every process is up by then and spins until the same moment
  return Promise.all(Array.from({ length: count }, () => contender(dir, at)));
}

describe("the DATA_DIR lock", () => {
  it("lets exactly one of several processes started at the same moment in, every time", async () => {
    for (let round = 0; round < 6; round++) {
      const dir = await freshDir();
      const said = await race(dir, 4);
      expect(said.sort(), `round ${round}`).toEqual(["got", "refused", "refused", "refused"]);
    }
  }, 90_000);

  it("does not take a lock that is being written (empty and fresh), but takes one a crash left unreadable", async () => {
    const dir = await freshDir();
    const file = path.join(dir, ".lock");
    // What a process of an older version leaves for a moment between creating its lock and writing it.
    await writeFile(file, "");
    await expect(lockDataDir(dir)).rejects.toThrow(/could not be locked/);
    expect(await readFile(file, "utf8")).toBe("");
    // The same, a minute old: that process died mid-write.
    const past = new Date(Date.now() - 60_000);
    await utimes(file, past, past);
    const lock = await lockDataDir(dir);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("lets exactly one of several processes take over a lock left by a dead process", async () => {
    for (let round = 0; round < 3; round++) {
      const dir = await freshDir();
      await writeFile(path.join(dir, ".lock"), JSON.stringify({ pid: 2 ** 22 + 54321, host: hostname(), since: "2026-01-01T00:00:00Z" }));
      const said = await race(dir, 3);
      expect(said.sort(), `round ${round}`).toEqual(["got", "refused", "refused"]);
      // The guard of the takeover is gone once it is done.
      await expect(stat(path.join(dir, ".lock.takeover"))).rejects.toThrow();
    }
  }, 60_000);

  it("never takes over a lock written on another host unless told to, and then does", async () => {
    const dir = await freshDir();
    await writeFile(path.join(dir, ".lock"), JSON.stringify({ pid: 4242, host: "other-host", since: "2026-01-01T00:00:00Z" }));
    await expect(lockDataDir(dir)).rejects.toThrow(/another host \(other-host, pid 4242.*STORE_LOCK_TAKEOVER=1/);
    expect(JSON.parse(await readFile(path.join(dir, ".lock"), "utf8"))).toMatchObject({ host: "other-host" });
    const lock = await lockDataDir(dir, { takeOverForeign: true });
    expect(JSON.parse(await readFile(path.join(dir, ".lock"), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    await expect(stat(path.join(dir, ".lock"))).rejects.toThrow();
  });

  it("writes the lock whole and readable by its owner only", async () => {
    const dir = await freshDir();
    const lock = await lockDataDir(dir);
    const file = path.join(dir, ".lock");
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ pid: process.pid });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await lock.release();
  });
});
