import { toPlainText } from "../core/markup.js";
import { PROGRAMMES, type Programme } from "../domain/programmes.js";
import { statsText } from "../flows/officials/stats-text.js";
import { computeStats, defaultStatsYear } from "../services/stats.js";
import { openAppForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const STATS_USAGE = "stats [--json] [--programme gtclqg|nscl] [--year YYYY]";

/**
 * `npm run cli -- stats`: the /thongke figures at the server, as text or JSON. Reads the store
 * read-only (JSON: files, then the journal), so it works while the bot runs.
 */
export async function statsCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const opts = options(args, { json: { type: "boolean" }, programme: { type: "string" }, year: { type: "string" } }, io, STATS_USAGE);
  if (!opts) return 2;
  if (opts.programme !== undefined && !(PROGRAMMES as readonly string[]).includes(opts.programme)) {
    io.err(`--programme must be gtclqg or nscl (got "${opts.programme}")\n`);
    return 2;
  }
  if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) {
    io.err(`--year must be a year such as 2026 (got "${opts.year}")\n`);
    return 2;
  }
  const app = await openAppForCli({ readOnly: true, ...(io.config ? { config: io.config } : {}) });
  try {
    const now = new Date();
    const { submissionRecords: submissions, province, desk } = app.services;
    const programmes: Programme[] = opts.programme ? [opts.programme as Programme] : [...PROGRAMMES];
    const all = [];
    for (const programme of programmes) {
      all.push(
        await computeStats(submissions, {
          programme,
          year: opts.year ? Number(opts.year) : await defaultStatsYear(submissions, programme, province.timeline, now),
          now,
          stalledAfterDays: desk.stalledAfterDays,
          timeline: province.timeline,
          dossierItems: app.services.dossierItems,
        }),
      );
    }
    if (opts.json) {
      io.out(`${JSON.stringify({ province: province.id, generatedAt: now.toISOString(), stats: all }, null, 2)}\n`);
    } else {
      const locale = app.config.DEFAULT_LOCALE;
      const t = (key: string, a?: Parameters<typeof app.translator.t>[2]) => app.translator.t(locale, key, a);
      io.out(`${all.map((s) => toPlainText(statsText(t, locale, s, province.name))).join("\n\n\n")}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
