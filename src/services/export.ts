import { checklistOf, type DossierItems } from "../domain/dossier-checklist.js";
import { PROGRAMMES, PROGRAMME_INFO, type Programme } from "../domain/programmes.js";
import { actorName } from "../domain/actor-name.js";
import { FIELD_COLUMNS } from "../domain/fields/derive.js";
import type { Cell, Exporter } from "../domain/fields/field.js";
import { STATUSES, WITHDRAWN, isOpen, statusInfo, type StatusId } from "../domain/statuses.js";
import type { Submission } from "../domain/submission.js";
import { vietnamWallClock } from "../domain/vietnam-time.js";
import type { SupportKind } from "../knowledge/support-kinds.js";
import type { Locale } from "../core/types.js";
import type { SubmissionFilter, SubmissionsRepository } from "../store/repositories.js";
import type { Audit } from "./audit.js";
import type { AuditEntry } from "../domain/records/audit-entry.js";

/** Which submissions an export holds; absent = all. `open` = every status still moving. */
export interface ExportFilter {
  programme?: Programme;
  status?: StatusId | "open";
  year?: number;
}

/** Plain text of a message key in the export's language (headers and labels). */
export type Label = (key: string) => string;

export type { Cell };

export interface Table {
  /** The sheet's name. */
  name: string;
  headers: string[];
  /** Column kinds, for number formats and widths. */
  kinds: ("text" | "number" | "date" | "datetime")[];
  rows: Cell[][];
}

export function matches(s: Submission, f: ExportFilter): boolean {
  if (f.programme && s.programme !== f.programme) return false;
  if (f.year !== undefined && s.awardYear !== f.year) return false;
  if (f.status === "open") return isOpen(s.programme, s.status);
  if (f.status && s.status !== f.status) return false;
  return true;
}

/** Rows read per query while building an export. */
const EXPORT_SLICE = 1000;

/** The submissions an export holds, by code, read from the repository a slice at a time. */
export async function selectSubmissions(submissions: SubmissionsRepository, filter: ExportFilter): Promise<Submission[]> {
  // "Open" depends on the programme's workflow: one query per programme.
  const queries: SubmissionFilter[] = (filter.programme ? [filter.programme] : PROGRAMMES).map((programme) => ({
    programme,
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.status === "open" ? { statuses: STATUSES[programme].filter((i) => isOpen(programme, i.id)).map((i) => i.id) } : filter.status ? { statuses: [filter.status] } : {}),
  }));
  const out: Submission[] = [];
  for (const query of queries) {
    let after: string | null = null;
    for (;;) {
      const slice = await submissions.page(query, after, EXPORT_SLICE);
      out.push(...slice);
      if (slice.length < EXPORT_SLICE) break;
      after = slice[slice.length - 1]!.code;
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The audit entries of the exported submissions, oldest first. */
export async function historyOf(audit: Pick<Audit, "aboutMany">, list: readonly Submission[]): Promise<AuditEntry[]> {
  const bySubject = await audit.aboutMany(list.map((s) => s.code));
  const entries = [...bySubject.values()].flat();
  // A stable sort keeps each submission's own order for entries of the same moment.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A moment as Excel shows it: the wall-clock time in Vietnam (Excel has no time zone). */
export function excelDateTime(iso: string): Date {
  return vietnamWallClock(iso);
}

const lastChange = (s: Submission) => s.statusHistory[s.statusHistory.length - 1]!.at;

/** One row per submission, every field an officer or the council reads (the fields' declared columns), headers in the export's language. */
export function submissionTable(list: readonly Submission[], label: Label, locale: Locale, supportKinds: readonly SupportKind[], dossierItems: DossierItems): Table {
  const exporter: Exporter = { locale, label, supportKindName: (id) => supportKinds.find((k) => k.id === id)?.name[locale] ?? id };
  const columns: { key: string; header?: string; kind: Table["kinds"][number]; value: (s: Submission) => Cell }[] = [
    { key: "export-col-code", kind: "text", value: (s) => s.code },
    { key: "export-col-programme", kind: "text", value: (s) => label(PROGRAMME_INFO[s.programme].nameKey) },
    { key: "export-col-year", kind: "number", value: (s) => s.awardYear },
    { key: "export-col-status", kind: "text", value: (s) => label(statusInfo(s.programme, s.status)?.labelKey ?? "status-unknown") },
    { key: "export-col-status-since", kind: "datetime", value: (s) => excelDateTime(lastChange(s)) },
    { key: "export-col-registered", kind: "datetime", value: (s) => excelDateTime(s.createdAt) },
    ...FIELD_COLUMNS.map((c) => ({ key: c.key, kind: c.kind, value: (s: Submission) => c.cell(s, exporter) })),
    { key: "export-col-channel", kind: "text", value: (s) => s.owner.channel },
    { key: "export-col-rules", kind: "text", value: (s) => label(`export-rules-${s.rules}`) },
    ...itemColumns(dossierItems, label, locale),
  ];
  return {
    name: label("export-sheet-submissions"),
    headers: columns.map((c) => c.header ?? label(c.key)),
    kinds: columns.map((c) => c.kind),
    rows: list.map((s) => columns.map((c) => c.value(s))),
  };
}

/**
 * One column per dossier item (the legacy list, then items only the 2026 list has), holding the
 * item's state as the checklist shows it; empty for NSCL requests and for items not in a
 * submission's list.
 */
function itemColumns(dossierItems: DossierItems, label: Label, locale: Locale): { key: string; header: string; kind: "text"; value: (s: Submission) => Cell }[] {
  const all = [...dossierItems.legacy, ...(dossierItems["2026"] ?? []).filter((i) => !dossierItems.legacy.some((l) => l.id === i.id))];
  return all.map((item) => ({
    key: `item:${item.id}`,
    header: `${label("export-col-item")}: ${item.name[locale]}`,
    kind: "text" as const,
    value: (s: Submission): Cell => {
      if (s.programme !== "gtclqg") return null;
      const row = checklistOf(dossierItems, s).rows.find((r) => r.item.id === item.id);
      return row ? label(`checklist-state-${row.state}`) + (row.note ? `: ${row.note}` : "") : null;
    },
  }));
}

/** Audit actions on submissions that have a label (`export-action-…`); others are shown by name. */
export const KNOWN_ACTIONS: ReadonlySet<string> = new Set([
  "created",
  "status",
  "note",
  "contact-updated",
  "contact-proposed",
  "contact-accepted",
  "contact-dismissed",
  "contact-removed",
  "document-added",
  "document-item",
  "checklist-marked",
  "self-check-attached",
  "notice-sent",
  "notice-failed",
]);

/** The audit trail of the exported submissions, oldest first. */
export function historyTable(list: readonly Submission[], entries: readonly AuditEntry[], label: Label, names: ReadonlyMap<string, string> = new Map()): Table {
  const programmeOf = new Map(list.map((s) => [s.code, s.programme]));
  const submissionOf = new Map(list.map((s) => [s.code, s]));
  const status = (code: string, id: string | null) => {
    if (id === null) return null;
    const programme = programmeOf.get(code);
    const info = programme ? statusInfo(programme, id as StatusId) : undefined;
    return info ? label(info.labelKey) : id;
  };
  const rows = entries
    .filter((e) => programmeOf.has(e.subject))
    .map((e): Cell[] => [
      excelDateTime(e.at),
      e.subject,
      KNOWN_ACTIONS.has(e.action) ? label(`export-action-${e.action}`) : e.action,
      status(e.subject, e.from),
      status(e.subject, e.to),
      actorName(e.actor, { submission: submissionOf.get(e.subject)!, names, unnamed: (tag) => `${label(`export-role-${e.actor.role}`)} #${tag}` }),
      label(`export-role-${e.actor.role}`),
      e.note,
      e.detail,
    ]);
  return {
    name: label("export-sheet-history"),
    headers: ["at", "code", "action", "from", "to", "who", "role", "note", "detail"].map((k) => label(`export-hist-${k}`)),
    kinds: ["datetime", "text", "text", "text", "text", "text", "text", "text", "text"],
    rows,
  };
}

/** Rows written between two pauses that let other turns of the bot run. */
const ROWS_PER_SLICE = 250;

/**
 * An XLSX workbook: the submissions, then their history; bold frozen headers, filters, real
 * dates. Written with exceljs's streaming writer, pausing every few hundred rows: a list of
 * thousands takes a second or two of work, and the bot keeps answering everyone meanwhile.
 */
export async function toXlsx(tables: readonly Table[], meta: { title: string; creator: string; now: Date }): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = meta.now;
  for (const table of tables) {
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.headers.map((header, i) => {
      const kind = table.kinds[i];
      const longest = Math.max(header.length, ...table.rows.slice(0, 200).map((r) => (typeof r[i] === "string" ? (r[i] as string).length : 0)));
      return {
        header,
        key: String(i),
        width: kind === "datetime" ? 17 : kind === "date" ? 12 : Math.min(50, Math.max(10, longest + 2)),
        style: kind === "datetime" ? { numFmt: "dd/mm/yyyy hh:mm" } : kind === "date" ? { numFmt: "dd/mm/yyyy" } : kind === "number" ? { numFmt: "#,##0" } : {},
      };
    });
    if (table.headers.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.commit();
    for (let i = 0; i < table.rows.length; i++) {
      sheet.addRow(table.rows[i]!).commit();
      if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    sheet.commit();
  }
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A spreadsheet program runs a cell starting with = + - @ (or a tab or carriage return before
 * one) as a formula, so a company name such as `=HYPERLINK(…)` could act on the officer's
 * machine. Such a cell gets a leading apostrophe: shown as text, nothing run (OWASP, CSV injection).
 */
export function neutraliseCsvCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: Cell, kind: Table["kinds"][number]): string {
  let text: string;
  if (cell === null) text = "";
  else if (cell instanceof Date) text = kind === "date" ? cell.toISOString().slice(0, 10) : cell.toISOString().slice(0, 16).replace("T", " ");
  else if (typeof cell === "number") text = String(cell);
  else text = neutraliseCsvCell(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180, comma, CRLF) in UTF-8 with a byte-order mark, so Excel shows Vietnamese letters. */
export function toCsv(table: Table): Uint8Array {
  const lines = [table.headers.map((h) => csvCell(h, "text")).join(","), ...table.rows.map((r) => r.map((c, i) => csvCell(c, table.kinds[i] ?? "text")).join(","))];
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

/** `ho-so-gtclqg-2026-dang-xu-ly.xlsx`: what the file holds, in ASCII so every system keeps the name. */
export function exportFileName(filter: ExportFilter, format: "xlsx" | "csv"): string {
  const parts = ["ho-so", filter.programme ?? "tat-ca", filter.year !== undefined ? String(filter.year) : "moi-nam"];
  if (filter.status === "open") parts.push("dang-xu-ly");
  else if (filter.status) parts.push(filter.status);
  return `${parts.join("-")}.${format}`;
}

export const EXPORT_MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** Whether a status filter means something for a programme (or for either, when none is chosen). */
export function statusFitsProgramme(status: StatusId | "open" | undefined, programme: Programme | undefined): boolean {
  if (status === undefined || status === "open" || status === WITHDRAWN) return true;
  return programme ? statusInfo(programme, status) !== undefined : statusInfo("gtclqg", status) !== undefined || statusInfo("nscl", status) !== undefined;
}
