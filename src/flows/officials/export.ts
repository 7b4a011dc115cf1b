import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { buttonRoute, say, type ButtonRoute, type Turn } from "../../core/feature.js";
import type { Button, Locale } from "../../core/types.js";
import { PROGRAMMES, PROGRAMME_INFO } from "../../domain/programmes.js";
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
import { unitDisplayText } from "../../knowledge/province.js";
import { yearsWithSubmissions } from "../../services/stats.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { parseDeskArgs } from "./args.js";
import { plain } from "./case-view.js";

/** `xu:<programme|all>[:<year|all>[:<status|open|all>[:<xlsx|csv>]]]`: one choice per press, the file after the fourth. */
export const exportButton = buttonCodec(
  "xu",
  z.tuple([
    z.enum([...PROGRAMMES, "all"]).optional(),
    z.union([digits(4, 4), z.literal("all")]).optional(),
    z.union([statusIdSchema, z.enum(["open", "all"])]).optional(),
    z.enum(["xlsx", "csv"]).optional(),
  ]),
);
type ExportPath = ButtonValue<typeof exportButton>;

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  rows: number;
}

/** Builds the file (also used by `npm run cli -- export`). XLSX has a second sheet with the audit history. */
export async function buildExport(
  services: Pick<Services, "submissionRecords" | "audit" | "supportKinds" | "dossierItems" | "users">,
  label: (key: string) => string,
  locale: Locale,
  filter: ExportFilter,
  format: "xlsx" | "csv",
  now: Date,
  creator: string,
): Promise<ExportFile> {
  const list = await selectSubmissions(services.submissionRecords, filter);
  const table = submissionTable(list, label, locale, services.supportKinds, services.dossierItems);
  const name = exportFileName(filter, format);
  if (format === "csv") return { name, mime: EXPORT_MIME.csv, bytes: toCsv(table), rows: list.length };
  const entries = await historyOf(services.audit, list);
  const names = await services.users.names([...new Set(entries.flatMap((e) => (e.actor.userKey ? [e.actor.userKey] : [])))]);
  const history = historyTable(list, entries, label, names);
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
  const file = await buildExport(ctx.services, label, ctx.locale, filter, format, ctx.now, unitDisplayText(ctx.services.province, ctx.t, "full"));
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

/** What a path of choices selects: "all" is no filter. */
function filterOf([p, y, s]: ExportPath): ExportFilter {
  return {
    ...(p !== undefined && p !== "all" ? { programme: p } : {}),
    ...(y !== undefined && y !== "all" ? { year: y } : {}),
    ...(s !== undefined && s !== "all" ? { status: s } : {}),
  };
}

/** The next question of the button path, from what is chosen so far; null for a status of the other programme. */
async function step(ctx: Ctx, path: ExportPath): Promise<Turn | null> {
  const [p, y, s] = path;
  const { programme, status } = filterOf(path);
  if (p === undefined) {
    return say(ctx.t("export-ask-programme"), [
      ...PROGRAMMES.map((x) => b(plain(ctx.t(PROGRAMME_INFO[x].nameKey)), exportButton.encode([x]))),
      b(plain(ctx.t("export-all-programmes")), exportButton.encode(["all"])),
    ]);
  }
  if (y === undefined) {
    const years = new Set<number>();
    for (const x of programme ? [programme] : PROGRAMMES) for (const yr of await yearsWithSubmissions(ctx.services.submissionRecords, x)) years.add(yr);
    const list = [...years].sort((a, c) => c - a).slice(0, 6);
    return say(ctx.t("export-ask-year"), [...list.map((yr) => b(String(yr), exportButton.encode([p, yr]))), b(plain(ctx.t("export-all-years")), exportButton.encode([p, "all"]))]);
  }
  if (!statusFitsProgramme(status, programme)) return null;
  if (s === undefined) {
    const choices: StatusId[] = programme ? STATUSES[programme].map((x) => x.id) : [WITHDRAWN];
    return say(ctx.t("export-ask-status"), [
      b(plain(ctx.t("export-all-statuses")), exportButton.encode([p, y, "all"])),
      b(plain(ctx.t("export-open")), exportButton.encode([p, y, "open"])),
      ...choices.map((id) => b(plain(ctx.t(programme ? statusInfo(programme, id)!.labelKey : "export-withdrawn")), exportButton.encode([p, y, id]))),
    ]);
  }
  return say(ctx.t("export-ask-format"), [b(plain(ctx.t("export-format-xlsx")), exportButton.encode([p, y, s, "xlsx"])), b(plain(ctx.t("export-format-csv")), exportButton.encode([p, y, s, "csv"]))]);
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

/** Presses of `xu:` buttons (decoded by the codec): one more choice, or the file once all four are made. */
async function onExportButton(ctx: Ctx, path: ExportPath): Promise<Turn> {
  if (!(await actingAs(ctx))) return invalidButton(ctx);
  const format = path[3];
  if (format === undefined) return (await step(ctx, path)) ?? invalidButton(ctx);
  const filter = filterOf(path);
  if (!statusFitsProgramme(filter.status, filter.programme)) return invalidButton(ctx);
  return produce(ctx, filter, format);
}

export const exportRoute: ButtonRoute<Services> = buttonRoute({ codec: exportButton, audience: "official", handle: onExportButton });
