import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir, projectRoot } from "../../src/paths.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

function run(command: string, args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input ?? "");
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
const cli = (args: string[], input?: string) => run(process.execPath, [path.join(projectRoot, "dist/src/cli.js"), ...args], input);

const resultKeys = ["answer", "id", "matched", "score", "suggestions"];

describe("npm run cli -- ask", () => {
  it("prints exactly one JSON object for a question", async () => {
    const { code, stdout } = await cli(["ask", "dieu kien tham du giai thuong chat luong quoc gia", "--json"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!);
    expect(Object.keys(result).sort()).toEqual(resultKeys);
    expect(result).toMatchObject({ matched: true, id: "gt-dieu-kien", suggestions: [] });
    expect(result.answer).toContain("ít nhất 36 tháng");
    expect(result.answer).toContain("Nguồn:");
    expect(typeof result.score).toBe("number");
  });

  it("answers in English with --lang en, and refuses with nulls out of scope", async () => {
    const en = JSON.parse((await cli(["ask", "what is the gold award", "--lang", "en", "--json"])).stdout);
    expect(en.answer).toContain("800 points");
    const out = JSON.parse((await cli(["ask", "giá vàng hôm nay", "--json"])).stdout);
    expect(out).toEqual({ matched: false, id: null, answer: null, score: null, suggestions: [] });
  });

  it("with --stdin prints one JSON line per input line, in order", async () => {
    const { code, stdout } = await cli(["ask", "--stdin"], "ho so gtclqg gom nhung gi\nthoi tiet hom nay\n\ndk du gtclqg\n");
    expect(code).toBe(0);
    const results = stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(results.map((r) => [r.matched, r.id])).toEqual([
      [true, "gt-ho-so"],
      [false, null],
      [false, null],
      [false, null],
    ]);
    expect(results[3].suggestions).toContain("gt-dang-ky-the-nao");
    for (const r of results) expect(Object.keys(r).sort()).toEqual(resultKeys);
  });

  it("through npm (which builds first) still prints only the JSON line", async () => {
    const { code, stdout } = await run("npm", ["run", "--silent", "cli", "--", "ask", "5s la gi", "--json"]);
    expect(code).toBe(0);
    expect(stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(stdout).id).toBe("tn-5s");
  });

  it("explains its usage on stderr when the question is missing", async () => {
    const { code, stdout, stderr } = await cli(["ask", "--json"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("usage");
  });
});

describe("npm run cli -- kb check", () => {
  it("passes on the shipped content", async () => {
    const { code, stdout } = await cli(["kb", "check"]);
    expect(stdout).toContain("kb check: content OK");
    expect(code).toBe(0);
  });

  it("exits non-zero naming the entry with a problem", async () => {
    const dir = await tempDir();
    cpSync(dataDir, dir, { recursive: true });
    const file = path.join(dir, "kb", "entries", "tn-tools.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    json.entries[0].source = "hearsay";
    writeFileSync(file, JSON.stringify(json));
    const { code, stdout } = await cli(["kb", "check", "--data", dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`[tn-5s]: source "hearsay" is not in data/kb/sources.json`);
    expect(stdout).toContain("kb check: 1 problem(s)");
  });
});
