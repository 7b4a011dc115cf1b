import path from "node:path";
import { secretsOf, type Config } from "../config.js";
import { createLogger } from "../core/log.js";
import { copyStore, describeInventory } from "../store/copy.js";
import { setAsideDataDir } from "../store/json/set-aside.js";
import { openStorage } from "../store/open.js";
import type { Storage } from "../store/port.js";
import { startupProblem } from "../startup-errors.js";
import { configForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const STORE_USAGE = "store copy --from json|postgres --to json|postgres [--data-dir DIR] [--database-url URL] [--replace]";

/**
 * `npm run cli -- store copy --from json --to postgres`: every record of one backend into the
 * other, then both are compared (count and checksum of every kind of record). The JSON side is
 * DATA_DIR (or --data-dir), the PostgreSQL side DATABASE_URL (or --database-url). The target must
 * be empty, unless `--replace` says to replace what it holds: a JSON folder is set aside whole
 * (kept beside it), a database emptied. The bot must not be running on either side.
 */
export async function storeCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const [verb, ...rest] = args;
  const usage = (message: string) => {
    io.err(`${message}\nUsage: npm run cli -- ${STORE_USAGE}\n`);
    return 2;
  };
  if (verb !== "copy") return usage(verb ? `unknown store command "${verb}"` : "what should the store command do?");
  const opts = options(rest, { from: { type: "string" }, to: { type: "string" }, "data-dir": { type: "string" }, "database-url": { type: "string" }, replace: { type: "boolean" } }, io, STORE_USAGE);
  if (!opts) return 2;
  const kinds = ["json", "postgres"] as const;
  const from = kinds.find((k) => k === opts.from);
  const to = kinds.find((k) => k === opts.to);
  if (!from || !to) return usage("--from and --to must each be json or postgres");
  if (from === to) return usage("--from and --to must differ");
  const base = io.config ?? configForCli();
  const config = (store: "json" | "postgres"): Config => ({
    ...base,
    STORE: store,
    ...(opts["data-dir"] ? { DATA_DIR: opts["data-dir"], dataDirAbsolute: path.resolve(opts["data-dir"]) } : {}),
    ...(opts["database-url"] ? { DATABASE_URL: opts["database-url"] } : {}),
  });
  if (!config("postgres").DATABASE_URL) return usage("the PostgreSQL side needs DATABASE_URL (or --database-url)");
  const log = createLogger("warn", undefined, { secrets: [...secretsOf(config("json")), ...secretsOf(config("postgres"))] });
  let source: Storage | null = null;
  let target: Storage | null = null;
  try {
    source = await openStorage(config(from), log);
    target = await openStorage(config(to), log);
    if (!(await target.isEmpty())) {
      if (!opts.replace) {
        io.err(`Not copied: the ${to} store already holds records. Copy into a new DATA_DIR or an empty database, or add --replace to replace them (${to === "json" ? "the folder is kept beside it" : "back the database up first"}).\n`);
        return 1;
      }
      if (target.clear) {
        const cleared = await target.clear();
        if (!cleared.ok) {
          io.err(`Not copied: ${cleared.instances} bot instance(s) are running on that database. Stop them first.\n`);
          return 1;
        }
        io.out(`Emptied the ${to} store.\n`);
      } else {
        await target.close();
        const dir = config(to).dataDirAbsolute;
        const kept = await setAsideDataDir(dir);
        target = await openStorage(config(to), log);
        io.out(`The records that were in ${dir} are kept in ${kept}.\n`);
      }
    }
    io.out(`Copying from ${from} to ${to}…\n`);
    const result = await copyStore(source, target);
    if (!result.ok && result.reason === "target-not-empty") {
      io.err(`Not copied: something wrote into the ${to} store meanwhile (is a bot running on it?).\n`);
      return 1;
    }
    if (!result.ok) {
      io.err(`Copied ${result.records} records, but the two stores differ:\n${result.differences.map((d) => `  ${d.kind}: ${d.source?.count ?? 0} in ${from}, ${d.target?.count ?? 0} in ${to}${d.source && d.target && d.source.count === d.target.count ? " (same count, different content)" : ""}`).join("\n")}\n`);
      return 1;
    }
    io.out(`Copied ${result.records} records; counts and checksums match (${describeInventory(result.inventory)}).\n`);
    return 0;
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    io.err(`${problem}\n`);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
}
