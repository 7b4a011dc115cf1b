import { toPlainText } from "../../../core/markup.js";
import { unitDisplayText } from "../../../knowledge/province.js";
import { AUDIT_ACTIONS } from "../../../domain/records/audit-entry.js";
import { selectDossiers } from "../../../services/desk-list.js";
import { EXPORT_MIME, exportFileName, historyOf, historyTable, submissionTable, toCsv, toXlsx } from "../../../services/export.js";
import { viaDetail } from "../../../services/workflow.js";
import { h } from "../html.js";
import { page, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";
import { listParams } from "./query.js";

/**
 * The list as a file, with the same filters and search as the list page: the export service's
 * tables (XLSX with the history sheet, CSV with formula-looking cells neutralised). Every export
 * is in the audit trail — the files hold personal data.
 */
async function exportList(req: DeskRequest, format: "xlsx" | "csv"): Promise<DeskResult> {
  const { query } = listParams(req.url);
  const services = req.app.services;
  const { list } = await selectDossiers(services.submissionRecords, query, req.now, services.desk.stalledAfterDays);
  if (list.length === 0) return page(req.text("dw-exports-title"), h`<p>${req.text("dw-list-empty")}</p><p><a href="/desk/dossiers">${req.text("dw-back-to-list")}</a></p>`, "dossiers", 404);
  const label = (key: string) => toPlainText(req.t(key));
  const table = submissionTable(list, label, req.locale, services.supportKinds, services.dossierItems);
  const filter = { ...(query.programme ? { programme: query.programme } : {}), ...(query.year !== undefined ? { year: query.year } : {}), ...(query.status ? { status: query.status } : {}) };
  const name = exportFileName(filter, format);
  const bytes = format === "csv" ? toCsv(table) : await toXlsx([table, historyTable(list, await historyOf(services.audit, list), label)], { title: name, creator: unitDisplayText(services.province, req.t), now: req.now });
  const filters = new URLSearchParams(req.url.search).toString();
  await req.app.storage.unit(() =>
    services.audit.record({
      at: req.now.toISOString(),
      action: AUDIT_ACTIONS.exported,
      actor: { userKey: req.official.userKey, role: req.official.role },
      subject: name,
      detail: `${format}, ${list.length} rows, ${viaDetail(req.official)}${filters ? `, ${filters}` : ""}`.slice(0, 500),
    }),
  );
  return { kind: "file", name, mime: EXPORT_MIME[format], bytes };
}

export const exportXlsx: DeskPage = { method: "GET", path: "/exports/dossiers.xlsx", audience: "official", handle: (req) => exportList(req, "xlsx") };
export const exportCsv: DeskPage = { method: "GET", path: "/exports/dossiers.csv", audience: "official", handle: (req) => exportList(req, "csv") };
