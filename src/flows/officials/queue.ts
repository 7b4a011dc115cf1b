import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { buttonRoute, say, type ButtonRoute, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { PROGRAMMES } from "../../domain/programmes.js";
import { statusIdSchema, statusInfo, type StatusId } from "../../domain/statuses.js";
import { formatDay } from "../../domain/vietnam-time.js";
import { caseStatusCounts, listCases, type CaseRow } from "../../services/case-list.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton } from "./access.js";

const plain = (m: Markup): string => toPlainText(m);

/** Dossiers on one page of the queue: one short line each, one button each. */
export const QUEUE_PAGE_SIZE = 8;

const codePrefixSchema = z.string().regex(/^(GT|NS)(-\d{1,4}(-\d{1,6})?)?$/);

/**
 * The queue's buttons: `hq:<all|status>:<page>[:<code prefix>]` — a page of the newest dossiers,
 * all or of one status, optionally only codes starting with the prefix. Re-checked on every press.
 */
export const queueButton = buttonCodec("hq", z.tuple([z.union([z.literal("all"), statusIdSchema]), digits(5), codePrefixSchema.optional()]));
export type QueueButton = ButtonValue<typeof queueButton>;

/** The dossier view's button back to the first page of the whole queue. */
export const queueStartData = (): string => queueButton.encode(["all", 1]);

export interface QueueQuery {
  status?: StatusId;
  codePrefix?: string;
  page: number;
}

/** A status's label without its programme (shared ids such as "registered" read alike in both). */
function anyStatusLabel(ctx: Ctx, status: StatusId): Markup {
  for (const p of PROGRAMMES) {
    const info = statusInfo(p, status);
    if (info) return ctx.t(info.labelKey);
  }
  return ctx.t("status-unknown");
}

function rowLine(ctx: Ctx, r: CaseRow): Markup {
  const info = statusInfo(r.programme, r.status);
  return ctx.t("queue-line", { code: r.code, org: r.organisation, status: raw(ctx.t(info?.labelKey ?? "status-unknown")), date: formatDay(r.registeredAt, ctx.locale) });
}

const rowButton = (r: CaseRow, data: string): Button[] => [{ label: `${r.code} · ${r.organisation}`.slice(0, 60), data }];

/**
 * One page of the queue: newest first, one line per dossier (code, name, status, date), a button
 * per dossier, paging, and the statuses to filter by with their counts.
 */
export async function queueView(ctx: Ctx, query: QueueQuery, viewData: (code: string) => string): Promise<{ text: Markup; buttons: Button[][] }> {
  const { status, codePrefix } = query;
  const result = await listCases(ctx.services.submissionRecords, { page: query.page, pageSize: QUEUE_PAGE_SIZE, ...(status ? { status } : {}), ...(codePrefix ? { codePrefix } : {}) });
  if (!result.ok) return { text: ctx.t(result.error.key), buttons: [] };
  const { rows, total, page, pages } = result.list;
  const filter = status ? "status" : "all";
  const head = ctx.t(codePrefix ? `queue-head-prefix-${filter}` : `queue-head-${filter}`, {
    total,
    page,
    pages,
    prefix: codePrefix ?? "",
    status: raw(status ? anyStatusLabel(ctx, status) : ctx.t("queue-all")),
  });
  const lines = rows.length ? rows.map((r) => rowLine(ctx, r)) : [ctx.t(codePrefix ? "queue-empty-prefix" : "queue-empty", { prefix: codePrefix ?? "" })];
  const at = (p: number, s: StatusId | "all" = status ?? "all") => queueButton.encode([s, p, codePrefix]);

  const buttons: Button[][] = rows.map((r) => rowButton(r, viewData(r.code)));
  const paging: Button[] = [];
  if (page > 1) paging.push({ label: plain(ctx.t("queue-button-previous")), data: at(page - 1) });
  if (page < pages) paging.push({ label: plain(ctx.t("queue-button-next")), data: at(page + 1) });
  if (paging.length) buttons.push(paging);
  // Filters: every status some dossier (of this prefix) has, two to a row; "all" when one is chosen.
  const counts = await caseStatusCounts(ctx.services.submissionRecords, codePrefix ? { codePrefix } : {});
  const filters: Button[] = [];
  if (status) filters.push({ label: plain(ctx.t("queue-button-all")), data: at(1, "all") });
  for (const c of counts) {
    if (c.status === status) continue;
    filters.push({ label: plain(ctx.t("queue-button-status", { status: raw(anyStatusLabel(ctx, c.status)), count: c.count })), data: at(1, c.status) });
  }
  for (let i = 0; i < filters.length; i += 2) buttons.push(filters.slice(i, i + 2));
  return { text: joinMarkup([head, joinMarkup(lines)], "\n"), buttons };
}

/** Presses of `hq:` buttons: the role is asked again, then the page is shown. */
export function queueRoute(viewData: (code: string) => string, searchButton: (ctx: Ctx) => Button[]): ButtonRoute<Services> {
  return buttonRoute({
    codec: queueButton,
    audience: "official",
    async handle(ctx, [filter, page, codePrefix]): Promise<Turn> {
      if (!(await actingAs(ctx))) return invalidButton(ctx);
      const view = await queueView(ctx, { page, ...(filter !== "all" ? { status: filter } : {}), ...(codePrefix ? { codePrefix } : {}) }, viewData);
      return say(view.text, [...view.buttons, searchButton(ctx)]);
    },
  });
}
