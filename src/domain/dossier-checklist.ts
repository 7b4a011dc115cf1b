import { z } from "zod";
import type { Submission } from "./submission.js";

/**
 * The dossier checklist of an award registration: the items of its regime (data/dossier-items.json),
 * each with the state the enterprise and the officials see. Only officials' marks are stored; the
 * rest follows from the files sent (`documents[].item`).
 */

/** Item ids travel in button data: short lower-case words joined by -. */
export const DOSSIER_ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const dossierItemIdSchema = z.string().max(24).regex(DOSSIER_ITEM_ID);

/** One item of a regime's list (the shape data/dossier-items.json gives). */
export interface DossierItem {
  id: string;
  name: { vi: string; en: string };
  detail: { vi: string; en: string };
  required: boolean;
  source: string;
}

/** The lists per regime; `2026` is null until the new regime's dossier is published. */
export interface DossierItems {
  legacy: readonly DossierItem[];
  "2026": readonly DossierItem[] | null;
}

/** What an official decided about one item. */
export const CHECK_MARKS = ["reviewed-ok", "needs-more"] as const;
export type CheckMark = (typeof CHECK_MARKS)[number];
export const checkMarkSchema = z.object({
  state: z.enum(CHECK_MARKS),
  /** For `needs-more`: what is missing, as the official typed it (sent to the enterprise). */
  note: z.string().max(1000).nullable(),
  at: z.iso.datetime(),
  /** The official's user key. */
  by: z.string().min(3).max(200),
});
export type CheckMarkRecord = z.infer<typeof checkMarkSchema>;

/** The shown states: chưa nộp, đã gửi, cần bổ sung, đạt. */
export const ITEM_STATES = ["missing", "sent", "needs-more", "ok"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export interface ChecklistRow {
  item: DossierItem;
  state: ItemState;
  files: number;
  /** The official's note for `needs-more`. */
  note: string | null;
}

export interface Checklist {
  /** False when the regime's own list is not published and the legacy list stands in for it. */
  published: boolean;
  rows: ChecklistRow[];
  /** Files sent without an item yet. */
  unassigned: number;
  /** Every required item sent or đạt, and none needs more. */
  complete: boolean;
}

/** The list a submission is checked against: its regime's, or the legacy one while the new is not published. */
export function itemsFor(items: DossierItems, rules: Submission["rules"]): { items: readonly DossierItem[]; published: boolean } {
  if (rules === "2026") return items["2026"] ? { items: items["2026"], published: true } : { items: items.legacy, published: false };
  return { items: items.legacy, published: true };
}

/** The state of one item: a mark wins; otherwise files make it "sent", none "missing". */
export function itemState(files: number, mark: CheckMarkRecord | undefined): ItemState {
  if (mark?.state === "needs-more") return "needs-more";
  if (mark?.state === "reviewed-ok") return "ok";
  return files > 0 ? "sent" : "missing";
}

/** The one derivation every view uses (owner, officials, notices, reminders, export, figures). */
export function checklistOf(items: DossierItems, s: Pick<Submission, "rules" | "documents" | "checklist">): Checklist {
  const { items: list, published } = itemsFor(items, s.rules);
  const ids = new Set(list.map((i) => i.id));
  const rows = list.map((item): ChecklistRow => {
    const files = s.documents.filter((d) => d.item === item.id).length;
    const mark = s.checklist[item.id];
    const state = itemState(files, mark);
    return { item, state, files, note: state === "needs-more" ? (mark?.note ?? null) : null };
  });
  const unassigned = s.documents.filter((d) => d.item === null || !ids.has(d.item)).length;
  const complete = rows.every((r) => r.state !== "needs-more" && (!r.item.required || r.state === "sent" || r.state === "ok"));
  return { published, rows, unassigned, complete };
}

/** The items an enterprise still has to send: required and missing, or marked as needing more. */
export function outstanding(list: Checklist): ChecklistRow[] {
  return list.rows.filter((r) => r.state === "needs-more" || (r.item.required && r.state === "missing"));
}

/** What the figures need of a regime's list: every item id and the required ones (per `rules`). */
export interface DossierRule {
  items: readonly string[];
  required: readonly string[];
}
export type DossierRules = Record<Submission["rules"], DossierRule>;

export function dossierRules(items: DossierItems): DossierRules {
  const rule = (rules: Submission["rules"]): DossierRule => {
    const list = itemsFor(items, rules).items;
    return { items: list.map((i) => i.id), required: list.filter((i) => i.required).map((i) => i.id) };
  };
  return { legacy: rule("legacy"), "2026": rule("2026") };
}

/**
 * Whether a dossier is complete by ids alone (the figures, on both backends): no item marked
 * "cần bổ sung", every required item with a file or marked "đạt". The same rule as `checklistOf`.
 */
export function dossierComplete(rule: DossierRule, s: Pick<Submission, "documents" | "checklist">): boolean {
  const { done, more } = dossierProgress(s);
  return !rule.items.some((id) => more.includes(id)) && rule.required.every((id) => done.includes(id));
}

/**
 * The items of a record that count towards completeness, whatever the list: `done` has a file or
 * is marked "đạt" and is not marked "cần bổ sung"; `more` is marked "cần bổ sung". Sorted. Kept
 * beside the record by the PostgreSQL backend so /thongke counts from an index.
 */
export function dossierProgress(s: Pick<Submission, "documents" | "checklist">): { done: string[]; more: string[] } {
  const more = Object.entries(s.checklist).filter(([, m]) => m.state === "needs-more").map(([id]) => id).sort();
  const done = new Set<string>();
  for (const [id, m] of Object.entries(s.checklist)) if (m.state === "reviewed-ok") done.add(id);
  for (const d of s.documents) if (d.item !== null && s.checklist[d.item]?.state !== "needs-more") done.add(d.item);
  return { done: [...done].sort(), more };
}
