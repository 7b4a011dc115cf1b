import { z } from "zod";
import { PROGRAMMES, PROGRAMME_INFO } from "../../../domain/programmes.js";
import { SIZE_CLASSES } from "../../../domain/size-class.js";
import { STATUSES, STATUS_IDS, statusInfo } from "../../../domain/statuses.js";
import { SECTOR_GROUPS } from "../../../domain/submission.js";
import { DOSSIER_SORTS, type DossierQuery, type DossierSort } from "../../../services/desk-list.js";
import { h, type Html } from "../html.js";
import type { DeskRequest } from "../request.js";

export const PER_PAGE = 50;

/** The list's query string, checked: a value that does not fit is dropped, never trusted. */
const querySchema = z.object({
  programme: z.enum(PROGRAMMES).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.union([z.literal("open"), z.enum(STATUS_IDS)]).optional().catch(undefined),
  sector: z.union([z.literal("unknown"), z.enum(SECTOR_GROUPS)]).optional().catch(undefined),
  size: z.union([z.literal("unknown"), z.enum(SIZE_CLASSES)]).optional().catch(undefined),
  commune: z.string().min(1).max(120).optional().catch(undefined),
  stalled: z.literal("1").optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(DOSSIER_SORTS).default("code").catch("code"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export interface ListParams {
  query: DossierQuery;
  sort: DossierSort;
  descending: boolean;
  page: number;
}

export function listParams(url: URL): ListParams {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(querySchema.shape)) {
    const v = url.searchParams.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  const p = querySchema.parse(raw);
  const query: DossierQuery = {
    ...(p.programme ? { programme: p.programme } : {}),
    ...(p.year !== undefined ? { year: p.year } : {}),
    ...(p.status ? { status: p.status } : {}),
    ...(p.sector ? { sector: p.sector } : {}),
    ...(p.size ? { size: p.size } : {}),
    ...(p.commune ? { commune: p.commune } : {}),
    ...(p.stalled ? { stalled: true } : {}),
    ...(p.q ? { q: p.q } : {}),
  };
  return { query, sort: p.sort, descending: p.dir === "desc", page: p.page };
}

/** The filters as a query string (for links: sort, pages, exports). */
export function queryString(q: DossierQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== false) params.set(k, v === true ? "1" : String(v));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Every status of the chosen programme (or of both, by id), labelled. */
export function statusOptions(req: DeskRequest, programme: DossierQuery["programme"]): { id: string; label: string }[] {
  const ids = programme ? STATUSES[programme].map((s) => s.id) : [...new Set(PROGRAMMES.flatMap((p) => STATUSES[p].map((s) => s.id)))];
  return ids.map((id) => {
    const labels = (programme ? [programme] : PROGRAMMES).flatMap((p) => {
      const info = statusInfo(p, id);
      return info ? [`${req.text(info.labelKey)}${programme ? "" : ` (${req.text(`stats-short-${p}`)})`}`] : [];
    });
    return { id, label: labels.join(" / ") };
  });
}

export function programmeName(req: DeskRequest, programme: (typeof PROGRAMMES)[number]): string {
  return req.text(PROGRAMME_INFO[programme].nameKey);
}

/** A <select> with a label; `value` selected, an empty first option for "all". */
export function select(id: string, label: string, options: readonly { id: string; label: string }[], value: string | undefined, all: string): Html {
  return h`<div><label for="${id}">${label}</label><select id="${id}" name="${id}"><option value="">${all}</option>${options.map(
    (o) => h`<option value="${o.id}"${o.id === value ? h` selected` : ""}>${o.label}</option>`,
  )}</select></div>`;
}
