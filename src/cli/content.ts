import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_KINDS, type ContentKind } from "../domain/records/content.js";
import { dataDir as defaultDataDir } from "../paths.js";
import { exportContent } from "../services/content-export.js";
import { openAppForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const CONTENT_USAGE = [
  "content export --out <dir>          the department's content as officials edited it, in the data/ format (copy over data/, run kb check, commit)",
  "  content history <profile|entry|source> <id>   every save of one document: who, when, what changed",
].join("\n");

/** The bot's data read-only (works while the bot runs). */
async function withApp<T>(io: CliIo, work: (app: Awaited<ReturnType<typeof openAppForCli>>) => Promise<T>): Promise<T> {
  const app = await openAppForCli({ readOnly: true, ...(io.config ? { config: io.config } : {}) });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** `content export --out DIR`: files with the paths they have under data/. */
async function exportCommand(args: string[], io: CliIo, dataDir: string): Promise<number> {
  const opts = options(args, { out: { type: "string" } }, io, CONTENT_USAGE);
  if (!opts) return 2;
  if (!opts.out) {
    io.err(`--out is required\nUsage: npm run cli -- ${CONTENT_USAGE}\n`);
    return 2;
  }
  const documents = await withApp(io, (app) => app.services.content.documents());
  const result = exportContent(dataDir, documents);
  const out = path.resolve(opts.out);
  for (const f of result.files) {
    await mkdir(path.dirname(path.join(out, f.path)), { recursive: true });
    await writeFile(path.join(out, f.path), f.text);
  }
  for (const w of result.warnings) io.out(`warning: ${w}\n`);
  const count = (kind: ContentKind) => documents.filter((d) => d.kind === kind).length;
  io.out(`content export: ${count("profile")} profile(s), ${count("entry")} entr${count("entry") === 1 ? "y" : "ies"}, ${count("source")} new source(s) → ${result.files.length} file(s) in ${out} (paths as under data/; copy them over data/ and run kb check)\n`);
  return 0;
}

/** `content history KIND ID`: one line per save, then the fields that differ from the previous version. */
async function historyCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, id] = args;
  if (!kind || !id || !(CONTENT_KINDS as readonly string[]).includes(kind) || args.length !== 2) {
    io.err(`Usage: npm run cli -- ${CONTENT_USAGE}\n`);
    return 2;
  }
  const steps = await withApp(io, (app) => app.services.content.history(kind as ContentKind, id));
  for (const s of steps) {
    io.out(`v${s.version} ${s.at} ${s.by} (${s.role}, via ${s.via})\n`);
    const keys = new Set([...Object.keys(s.previous ?? {}), ...Object.keys(s.next)]);
    for (const k of keys) {
      const before = JSON.stringify(s.previous?.[k] ?? null);
      const after = JSON.stringify(s.next[k] ?? null);
      if (before !== after) io.out(`  ${k}: ${before.length > 300 ? `${before.slice(0, 300)}…` : before}\n    → ${after.length > 300 ? `${after.slice(0, 300)}…` : after}\n`);
    }
  }
  io.out(`content history: ${steps.length} save(s) of ${kind} ${id}\n`);
  return 0;
}

export async function contentCommand(args: string[], io: CliIo = processIo, dataDir = defaultDataDir): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") return exportCommand(rest, io, dataDir);
  if (sub === "history") return historyCommand(rest, io);
  io.err(`Usage: npm run cli -- ${CONTENT_USAGE}\n`);
  return 2;
}
