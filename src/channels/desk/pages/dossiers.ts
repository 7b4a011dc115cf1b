import { PROGRAMMES } from "../../../domain/programmes.js";
import { SIZE_CLASSES } from "../../../domain/size-class.js";
import { statusInfo } from "../../../domain/statuses.js";
import { SECTOR_GROUPS, type Submission } from "../../../domain/submission.js";
import { formatDateTime } from "../../../domain/vietnam-time.js";
import { isStalled, listDossiers, type DossierSort } from "../../../services/desk-list.js";
import { h } from "../html.js";
import { page, type DeskPage, type DeskRequest } from "../request.js";
import { listParams, PER_PAGE, programmeName, queryString, select, statusOptions } from "./query.js";

const lastChange = (s: Submission) => s.statusHistory[s.statusHistory.length - 1]!.at;

/** The xã/phường of the filter, read at most every 30 s per app (a list of every commune takes a pass over the submissions). */
const COMMUNES_TTL_MS = 30_000;
const communeCache = new WeakMap<object, { at: number; list: { key: string; label: string }[] }>();
async function communeOptions(req: DeskRequest): Promise<{ key: string; label: string }[]> {
  const cached = communeCache.get(req.app);
  if (cached && Date.now() - cached.at < COMMUNES_TTL_MS) return cached.list;
  const list = (await req.app.services.submissionRecords.communes([])).sort((a, b) => a.label.localeCompare(b.label, "vi"));
  communeCache.set(req.app, { at: Date.now(), list });
  return list;
}

/** The dossiers: filters, a search, sort, pages, counts; each row opens the dossier. Links to the exports of the same list. */
export const dossiersPage: DeskPage = {
  method: "GET",
  path: "/dossiers",
  audience: "official",
  nav: { id: "dossiers", labelKey: "dw-nav-dossiers" },
  async handle(req: DeskRequest) {
    const params = listParams(req.url);
    const { query } = params;
    const services = req.app.services;
    const stalledAfter = services.desk.stalledAfterDays;
    const result = await listDossiers(services.submissionRecords, query, { sort: params.sort, descending: params.descending, page: params.page, perPage: PER_PAGE }, req.now, stalledAfter);
    const communes = await communeOptions(req);
    const years = new Set<number>();
    for (const p of query.programme ? [query.programme] : PROGRAMMES) for (const y of await services.submissionRecords.years(p)) years.add(y);
    const all = req.text("dw-all");

    const filters = h`<form class="filters" method="get" action="/desk/dossiers" role="search">
<div><label for="q">${req.text("dw-filter-q")}</label><input type="search" id="q" name="q" value="${query.q ?? ""}" maxlength="200"></div>
${select("programme", req.text("dw-filter-programme"), PROGRAMMES.map((p) => ({ id: p, label: programmeName(req, p) })), query.programme, all)}
${select("year", req.text("dw-filter-year"), [...years].sort((a, b) => b - a).map((y) => ({ id: String(y), label: String(y) })), query.year?.toString(), all)}
${select("status", req.text("dw-filter-status"), [{ id: "open", label: req.text("export-open") }, ...statusOptions(req, query.programme)], query.status, all)}
${select("sector", req.text("dw-filter-sector"), [...SECTOR_GROUPS.map((g) => ({ id: g, label: req.text(`reg-sector-${g}`) })), { id: "unknown", label: req.text("stats-unknown") }], query.sector, all)}
${select("size", req.text("dw-filter-size"), [...SIZE_CLASSES.map((c) => ({ id: c, label: req.text(`stats-size-${c}`) })), { id: "unknown", label: req.text("stats-unknown") }], query.size, all)}
${select("commune", req.text("dw-filter-commune"), communes.map((c) => ({ id: c.key, label: c.label })), query.commune, all)}
<div><label><input type="checkbox" name="stalled" value="1"${query.stalled ? h` checked` : ""}> ${req.text("dw-filter-stalled", { days: stalledAfter })}</label></div>
<div><button type="submit">${req.text("dw-filter-apply")}</button> <a href="/desk/dossiers">${req.text("dw-filter-clear")}</a></div>
</form>`;

    const sortLink = (sort: DossierSort, labelKey: string) => {
      const descending = params.sort === sort ? !params.descending : false;
      const mark = params.sort === sort ? (params.descending ? " ↓" : " ↑") : "";
      return h`<a href="/desk/dossiers${queryString(query, { sort, dir: descending ? "desc" : "asc" })}">${req.text(labelKey)}${mark}</a>`;
    };
    const statusLabel = (s: Submission) => req.text(statusInfo(s.programme, s.status)?.labelKey ?? "status-unknown");
    const rows = result.rows.map(
      (s) => h`<tr>
<td><a href="/desk/dossiers/${s.code}">${s.code}</a></td>
<td>${s.organisation.name}</td>
<td>${req.text(`stats-short-${s.programme}`)} ${s.awardYear}</td>
<td>${statusLabel(s)}${isStalled(s, req.now, stalledAfter) ? h` <span class="error">${req.text("dw-stalled-mark")}</span>` : ""}</td>
<td>${s.organisation.address.commune ?? ""}</td>
<td>${formatDateTime(lastChange(s), req.locale)}</td>
</tr>`,
    );
    const counts = Object.entries(result.byStatus)
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => {
        const info = statusInfo(query.programme ?? "gtclqg", id as Submission["status"]) ?? statusInfo("nscl", id as Submission["status"]);
        return `${req.text(info?.labelKey ?? "status-unknown")}: ${n}`;
      })
      .join(" · ");
    const pageLink = (n: number, key: string) => h`<a href="/desk/dossiers${queryString(query, { sort: params.sort, dir: params.descending ? "desc" : "asc", page: String(n) })}">${req.text(key)}</a>`;
    const body = h`${filters}
<p class="counts" id="counts">${req.text("dw-list-count", { count: result.total })}${counts ? ` — ${counts}` : ""}${result.near ? h` <span class="error">${req.text("dw-list-near")}</span>` : ""}</p>
<p><a class="button secondary" href="/desk/exports/dossiers.xlsx${queryString(query)}">${req.text("dw-export-xlsx")}</a> <a class="button secondary" href="/desk/exports/dossiers.csv${queryString(query)}">${req.text("dw-export-csv")}</a></p>
${result.total
  ? h`<table class="list"><thead><tr><th>${sortLink("code", "dw-col-code")}</th><th>${sortLink("name", "dw-col-name")}</th><th>${req.text("dw-col-programme")}</th><th>${req.text("dw-col-status")}</th><th>${req.text("dw-col-commune")}</th><th>${sortLink("changed", "dw-col-changed")}</th></tr></thead>
<tbody>${rows}</tbody></table>
<nav class="pager" aria-label="${req.text("dw-pages")}">${result.page > 1 ? pageLink(result.page - 1, "dw-page-previous") : ""}<span>${req.text("dw-page-of", { page: result.page, pages: result.pages })}</span>${result.page < result.pages ? pageLink(result.page + 1, "dw-page-next") : ""}</nav>`
  : h`<p>${req.text("dw-list-empty")}</p>`}`;
    return page(req.text("dw-dossiers-title"), body, "dossiers");
  },
};
