import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { say } from "../../src/core/feature.js";
import { esc, toPlainText } from "../../src/core/markup.js";
import type { BotFeature } from "../../src/flows/context.js";
import { testApp } from "../helpers/app.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** A fixture: /dat sets the user's language (a change to the store) and, after the commit, reports what was on disk then. */
function fixture(journalDir: () => string, fail: boolean): BotFeature {
  return {
    name: "after-commit-fixture",
    commands: [
      {
        names: ["dat"],
        descriptionKey: "cmd-help",
        audience: "everyone",
        run: async (ctx) => {
          await ctx.services.users.setLocale(ctx.userKey, "en");
          return {
            ...say(esc("đã đặt")),
            afterCommit: async () => {
              if (fail) throw new Error("push failed");
              // JSON: in the journal file. PostgreSQL: this step runs in a transaction of its own, which sees only what was committed.
              const onDisk =
                storeUnderTest() === "json"
                  ? readdirSync(journalDir()).some((f) => readFileSync(path.join(journalDir(), f), "utf8").includes('"locale":"en"'))
                  : (await ctx.services.users.get(ctx.userKey))?.locale === "en";
              return [{ text: esc(onDisk ? "đã ghi trước" : "chưa ghi") }];
            },
          };
        },
      },
    ],
  };
}

describe("a turn's step after the commit", () => {
  it("runs once the turn's changes are on disk, and its messages follow the turn's", async () => {
    const dir = await tempDir();
    const app = await testApp(dir, { extraFeatures: [fixture(() => path.join(dir, "journal"), false)] });
    const replies = await app.conversation.handle({ channel: "web", id: "after-commit-0000001" }, { kind: "command", name: "dat", args: "" });
    expect(replies.map((m) => toPlainText(m.text))).toEqual(["đã đặt", "đã ghi trước"]);
    await app.close();
  });

  it("keeps the turn's change when the step fails, and says it was saved and what did not happen (not to send it again)", async () => {
    const dir = await tempDir();
    const app = await testApp(dir, { extraFeatures: [fixture(() => path.join(dir, "journal"), true)] });
    const replies = await app.conversation.handle({ channel: "web", id: "after-commit-0000002" }, { kind: "command", name: "dat", args: "" });
    expect(replies.map((m) => toPlainText(m.text))).toEqual(["đã đặt", toPlainText(app.translator.t("vi", "error-after-commit"))]);
    expect((await app.services.users.get("web:after-commit-0000002"))?.locale).toBe("en");
    expect(app.logLines.some((l) => l.includes("after-commit step failed"))).toBe(true);
    await app.close();
  });
});
