import { joinMarkup, type Markup } from "../../core/markup.js";
import type { MessageArgs } from "../../core/i18n.js";
import type { Locale } from "../../core/types.js";
import { itemsFor, type DossierItems } from "../../domain/dossier-checklist.js";
import type { Submission } from "../../domain/submission.js";

/**
 * "Bước tiếp theo: chuẩn bị hồ sơ… 1. … 8. …" from data/dossier-items.json — the one list of the
 * dossier — with the note that the 2026 rules' own list is not published yet when it stands in.
 */
export function dossierList(t: (key: string, args?: MessageArgs) => Markup, locale: Locale, dossierItems: DossierItems, s: Pick<Submission, "rules">): Markup {
  const { items, published } = itemsFor(dossierItems, s.rules);
  const list = items.map((item, i) => `${i + 1}. ${item.detail[locale]}${i < items.length - 1 ? ";" : "."}`).join("\n");
  const text = t("reg-next-gtclqg", { items: list });
  return published ? text : joinMarkup([text, t("reg-next-gtclqg-2026-note")], "\n\n");
}
