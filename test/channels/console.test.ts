import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderForTerminal, runConsoleChat, terminalInputToEvent } from "../../src/channels/console/chat.js";
import { trusted } from "../../src/core/markup.js";
import { projectRoot } from "../../src/paths.js";
import { testApp } from "../helpers/app.js";
import { storeEnv } from "../helpers/store-under-test.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("terminal chat", () => {
  it("shows buttons as numbered options and reads a number as a press", () => {
    const { text, options } = renderForTerminal([
      { text: trusted("<b>Chọn</b> &amp; gửi"), buttons: [[{ label: "Một", data: "a:1" }], [{ label: "Hai", data: "a:2" }]] },
    ]);
    expect(text).toBe("Chọn & gửi\n  1) Một\n  2) Hai");
    expect(terminalInputToEvent("2", options)).toEqual({ kind: "button", data: "a:2" });
    expect(terminalInputToEvent("7", options)).toEqual({ kind: "text", text: "7" });
    expect(terminalInputToEvent("/ngonngu en", options)).toEqual({ kind: "command", name: "ngonngu", args: "en" });
  });

  it("runs a conversation over streams", async () => {
    const app = await testApp(await tempDir());
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (d: Buffer) => (shown += d.toString()));
    const done = runConsoleChat(app, input, output);
    input.write("/ngonngu\n");
    input.write("2\n");
    input.end("/thoat\n");
    await done;
    await app.close();
    expect(shown).toContain("Kính chào Quý doanh nghiệp");
    expect(shown).toContain("  1) 📚 Chương trình");
    expect(shown).toContain("  2) English");
    expect(shown).toContain("Switched to English");
  });

  it("answers /start as `npm run cli -- chat` does, in a real process", async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, [path.join(projectRoot, "dist/src/cli.js"), "chat"], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, ...storeEnv(dir) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.stdin.end("/trogiup\n");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(out).toContain("gõ /thoat để thoát");
    expect(out).toContain("Kính chào Quý doanh nghiệp");
    expect(out).toContain("Hướng dẫn sử dụng");
    expect(code).toBe(0);
  });
});
