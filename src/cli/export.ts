import { writeFile } from "node:fs/promises";
import path from "node:path";
import { toPlainText } from "../core/markup.js";
import { PROGRAMMES, type Programme } from "../domain/programmes.js";
import { parseDeskArgs } from "../flows/officials/args.js";
import { buildExport } from "../flows/officials/export.js";
import { statusFitsProgramme, type ExportFilter } from "../services/export.js";
import { unitDisplayText } from "../knowledge/province.js";
import { openAppForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const EXPORT_USAGE = "export --format xlsx|csv [--programme gtclqg|nscl] [--status STATUS|open] [--year YYYY] --out FILE";

/**
 * `npm run cli -- export`: the /xuat file at the server. Reads DATA_DIR read-only, so it works
 * while the bot runs. STATUS is a status id (`needs-supplement`) or its label without
 * diacritics (`can-bo-sung-ho-so`); `open` = every status still moving.
 */
export async function exportCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const opts = options(
    args,
    { format: { type: "string" }, programme: { type: "string" }, status: { type: "string" }, year: { type: "string" }, out: { type: "string" } },
    io,
    EXPORT_USAGE,
  );
  if (!opts) return 2;
  const fail = (message: string) => {
    io.err(`${message}\nUsage: npm run cli -- ${EXPORT_USAGE}\n`);
    return 2;
  };
  if (opts.format !== "xlsx" && opts.format !== "csv") return fail(`--format must be xlsx or csv (got "${opts.format ?? ""}")`);
  if (!opts.out) return fail("--out FILE is missing");
  if (opts.programme !== undefined && !(PROGRAMMES as readonly string[]).includes(opts.programme)) return fail(`--programme must be gtclqg or nscl (got "${opts.programme}")`);
  if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) return fail(`--year must be a year such as 2026 (got "${opts.year}")`);

  const app = await openAppForCli({ readOnly: true, ...(io.config ? { config: io.config } : {}) });
  try {
    const locale = app.config.DEFAULT_LOCALE;
    const label = (key: string) => toPlainText(app.translator.t(locale, key));
    let status: ExportFilter["status"];
    if (opts.status !== undefined) {
      const parsed = parseDeskArgs(opts.status.replace(/\s+/g, "-"), (l, key) => toPlainText(app.translator.t(l, key)));
      status = parsed.status;
      if (!status || !statusFitsProgramme(status, opts.programme as Programme | undefined)) return fail(`--status: "${opts.status}" is not a status${opts.programme ? ` of ${opts.programme}` : ""}`);
    }
    const filter: ExportFilter = {
      ...(opts.programme ? { programme: opts.programme as Programme } : {}),
      ...(opts.year ? { year: Number(opts.year) } : {}),
      ...(status ? { status } : {}),
    };
    const file = await buildExport(app.services, label, locale, filter, opts.format, new Date(), unitDisplayText(app.services.province, (key, args) => app.translator.t(locale, key, args), "full"));
    const out = path.resolve(opts.out);
    await writeFile(out, file.bytes);
    io.out(`${file.rows} submission(s) written to ${out} (${opts.format}, ${file.bytes.length} bytes)\n`);
    return 0;
  } finally {
    await app.close();
  }
}
