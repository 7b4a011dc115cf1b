import { say, type Turn } from "../../core/feature.js";
import type { Button, Locale } from "../../core/types.js";
import { PROGRAMMES, PROGRAMME_INFO, type Programme } from "../../domain/programmes.js";
import { STATUSES, WITHDRAWN, statusIdSchema, statusInfo, type StatusId } from "../../domain/statuses.js";
import { AUDIT_ACTIONS } from "../../domain/records/audit-entry.js";
import {
  EXPORT_MIME,
  exportFileName,
  historyOf,
  historyTable,
  selectSubmissions,
  statusFitsProgramme,
  submissionTable,
  toCsv,
  toXlsx,
  type ExportFilter,
} from "../../services/export.js";
import type { Services } from "../../services/index.js";
import { yearsWithSubmissions } from "../../services/stats.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { parseDeskArgs } from "./args.js";
import { plain } from "./case-view.js";

/** Button data: `xu:<programme|all>[:<year|all>[:<status|open|all>[:<xlsx|csv>]]]`, one step per press. */
export const EXPORT_PREFIX = "xu";

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  rows: number;
}

/** Builds the file (also used by `npm run cli -- export`). XLSX has a second sheet with the audit history. */
export async function buildExport(
  services: Pick<Services, "submissionRecords" | "audit" | "supportKinds">,
  label: (key: string) => string,
  locale: Locale,
  filter: ExportFilter,
  format: "xlsx" | "csv",
  now: Date,
  creator: string,
): Promise<ExportFile> {
  const list = await selectSubmissions(services.submissionRecords, filter);
  const table = submissionTable(list, label, locale, services.supportKinds);
  const name = exportFileName(filter, format);
  if (format === "csv") return { name, mime: EXPORT_MIME.csv, bytes: toCsv(table), rows: list.length };
  const history = historyTable(list, await historyOf(services.audit, list), label);
  const bytes = await toXlsx([table, history], { title: name, creator, now });
  return { name, mime: EXPORT_MIME.xlsx, bytes, rows: list.length };
}

function describe(ctx: Ctx, f: ExportFilter): { programme: string; year: string; status: string } {
  const statusLabel = (s: StatusId) => plain(ctx.t((f.programme ? statusInfo(f.programme, s) : (statusInfo("gtclqg", s) ?? statusInfo("nscl", s)))?.labelKey ?? "status-unknown"));
  return {
    programme: f.programme ? plain(ctx.t(PROGRAMME_INFO[f.programme].nameKey)) : plain(ctx.t("export-desc-all-programmes")),
    year: f.year !== undefined ? String(f.year) : plain(ctx.t("export-desc-all-years")),
    status: f.status === undefined ? plain(ctx.t("export-desc-all-statuses")) : f.status === "open" ? plain(ctx.t("export-desc-open")) : statusLabel(f.status),
  };
}

async function produce(ctx: Ctx, filter: ExportFilter, format: "xlsx" | "csv"): Promise<Turn> {
  const actor = await actingAs(ctx);
  if (!actor) return invalidButton(ctx);
  const what = describe(ctx, filter);
  const label = (key: string) => plain(ctx.t(key));
  const file = await buildExport(ctx.services, label, ctx.locale, filter, format, ctx.now, ctx.services.province.unit.name);
  if (file.rows === 0) return say(ctx.t("export-empty", what));
  // Personal data left the system: who took which list, and when.
  await ctx.services.audit.record({ at: ctx.now.toISOString(), action: AUDIT_ACTIONS.exported, actor, subject: file.name, detail: `${format}, ${file.rows} rows` });
  return {
    messages: [
      {
        text: ctx.t(format === "xlsx" ? "export-ready-xlsx" : "export-ready-csv", { ...what, count: file.rows }),
        attachment: { kind: "bytes", name: file.name, mime: file.mime, bytes: file.bytes },
      },
    ],
  };
}

const b = (label: string, data: string): Button[] => [{ label, data }];

/** The next question of the button path, from what is chosen so far. */
async function step(ctx: Ctx, parts: string[]): Promise<Turn | null> {
  const [p, y, s, fmt] = parts;
  const programme = p === undefined || p === "all" ? undefined : (PROGRAMMES as readonly string[]).includes(p) ? (p as Programme) : null;
  if (programme === null) return null;
  if (p === undefined) {
    return say(ctx.t("export-ask-programme"), [
      ...PROGRAMMES.map((x) => b(plain(ctx.t(PROGRAMME_INFO[x].nameKey)), `${EXPORT_PREFIX}:${x}`)),
      b(plain(ctx.t("export-all-programmes")), `${EXPORT_PREFIX}:all`),
    ]);
  }
  const year = y === undefined || y === "all" ? undefined : /^\d{4}$/.test(y) ? Number(y) : null;
  if (year === null) return null;
  if (y === undefined) {
    const years = new Set<number>();
    for (const x of programme ? [programme] : PROGRAMMES) for (const yr of await yearsWithSubmissions(ctx.services.submissionRecords, x)) years.add(yr);
    const list = [...years].sort((a, c) => c - a).slice(0, 6);
    return say(ctx.t("export-ask-year"), [...list.map((yr) => b(String(yr), `${EXPORT_PREFIX}:${p}:${yr}`)), b(plain(ctx.t("export-all-years")), `${EXPORT_PREFIX}:${p}:all`)]);
  }
  const status = s === undefined || s === "all" ? undefined : s === "open" ? "open" : statusIdSchema.safeParse(s).success ? (s as StatusId) : null;
  if (status === null || !statusFitsProgramme(status, programme)) return null;
  if (s === undefined) {
    const choices: StatusId[] = programme ? STATUSES[programme].map((x) => x.id) : [WITHDRAWN];
    return say(ctx.t("export-ask-status"), [
      b(plain(ctx.t("export-all-statuses")), `${EXPORT_PREFIX}:${p}:${y}:all`),
      b(plain(ctx.t("export-open")), `${EXPORT_PREFIX}:${p}:${y}:open`),
      ...choices.map((id) => b(plain(ctx.t(programme ? statusInfo(programme, id)!.labelKey : "export-withdrawn")), `${EXPORT_PREFIX}:${p}:${y}:${id}`)),
    ]);
  }
  if (fmt === undefined) {
    return say(ctx.t("export-ask-format"), [b(plain(ctx.t("export-format-xlsx")), `${EXPORT_PREFIX}:${p}:${y}:${s}:xlsx`), b(plain(ctx.t("export-format-csv")), `${EXPORT_PREFIX}:${p}:${y}:${s}:csv`)]);
  }
  return null;
}

/** /xuat (/export) [xlsx|csv] [gtclqg|nscl] [năm] [tình trạng]: a list for the council, as a file. Alone: buttons ask. */
export async function exportCommand(ctx: Ctx, args: string): Promise<Turn> {
  if (!(await actingAs(ctx))) return unknownCommand(ctx, "xuat");
  if (!args.trim()) return (await step(ctx, []))!;
  const parsed = parseDeskArgs(args, (locale, key) => plain(ctx.tIn(locale, key)));
  if (parsed.unknown.length) return say(ctx.t("export-usage", { words: parsed.unknown.join(" ") }));
  if (!statusFitsProgramme(parsed.status, parsed.programme) && parsed.programme && parsed.status && parsed.status !== "open") {
    const other = parsed.programme === "gtclqg" ? "nscl" : "gtclqg";
    return say(ctx.t("export-status-not-of-programme", { status: plain(ctx.t(statusInfo(other, parsed.status)?.labelKey ?? "status-unknown")), programme: plain(ctx.t(PROGRAMME_INFO[parsed.programme].nameKey)) }));
  }
  const filter: ExportFilter = {
    ...(parsed.programme ? { programme: parsed.programme } : {}),
    ...(parsed.year !== undefined ? { year: parsed.year } : {}),
    ...(parsed.status ? { status: parsed.status } : {}),
  };
  return produce(ctx, filter, parsed.format ?? "xlsx");
}

/** Presses of `xu:` buttons: one more choice, or the file once all four are made. The data is parsed, never trusted. */
export async function onExportButton(ctx: Ctx, rest: string): Promise<Turn> {
  if (!(await actingAs(ctx))) return invalidButton(ctx);
  const parts = rest === "" ? [] : rest.split(":");
  if (parts.length > 4) return invalidButton(ctx);
  if (parts.length < 4) return (await step(ctx, parts)) ?? invalidButton(ctx);
  const [p, y, s, fmt] = parts as [string, string, string, string];
  if (fmt !== "xlsx" && fmt !== "csv") return invalidButton(ctx);
  const next = await step(ctx, [p, y, s]);
  // The first three parts must be valid choices: a step question would come back, not null.
  if (next === null) return invalidButton(ctx);
  const filter: ExportFilter = {
    ...(p !== "all" ? { programme: p as Programme } : {}),
    ...(y !== "all" ? { year: Number(y) } : {}),
    ...(s !== "all" ? { status: s as StatusId | "open" } : {}),
  };
  return produce(ctx, filter, fmt);
}
