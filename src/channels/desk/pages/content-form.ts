import { personName } from "../../../flows/officials/case-view.js";
import { formatDateTime } from "../../../domain/vietnam-time.js";
import type { ContentHistoryStep } from "../../../domain/records/content.js";
import type { FieldProblem } from "../../../services/content-problems.js";
import { fromMarkup, h, type Html } from "../html.js";
import type { DeskRequest } from "../request.js";

/**
 * The content pages' form pieces: a labelled field whose problems (from the content services, by
 * field name) are shown next to it and tied to it with aria-describedby; the problems no field
 * shows at the top; a document's history (who, when, what changed, with the previous text).
 */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9-]/g, "-")}`;

export interface FieldSpec {
  name: string;
  label: string;
  value: string;
  kind?: "text" | "textarea" | "date";
  hint?: string;
  required?: boolean;
}

export function field(req: DeskRequest, spec: FieldSpec, problems: readonly FieldProblem[]): Html {
  const id = fieldId(spec.name);
  const mine = problems.filter((p) => p.field === spec.name);
  const describedBy = [spec.hint ? `${id}-hint` : "", mine.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  const aria = h`${describedBy ? h` aria-describedby="${describedBy}"` : ""}${mine.length ? h` aria-invalid="true"` : ""}${spec.required ? h` required` : ""}`;
  const control =
    spec.kind === "textarea"
      ? h`<textarea id="${id}" name="${spec.name}" rows="6"${aria}>${spec.value}</textarea>`
      : h`<input type="text" id="${id}" name="${spec.name}" value="${spec.value}"${spec.kind === "date" ? h` inputmode="numeric" placeholder="dd/mm/yyyy"` : ""}${aria}>`;
  return h`<div class="field"><label for="${id}">${spec.label}</label>${control}
${spec.hint ? h`<p class="hint" id="${id}-hint">${spec.hint}</p>` : ""}${mine.length ? h`<p class="field-error" id="${id}-error">${mine.map((p, i) => h`${i ? " " : ""}${fromMarkup(req.t(p.messageKey, p.args))}`)}</p>` : ""}</div>`;
}

/** Problems of the edit as a whole, or of a field the form does not show: at the top, announced. */
export function formProblems(req: DeskRequest, problems: readonly FieldProblem[], shown: ReadonlySet<string>): Html {
  const rest = problems.filter((p) => p.field === null || !shown.has(p.field));
  if (!problems.length) return h``;
  return h`<div class="refused" role="alert" id="form-problems"><p>${req.text("dw-content-refused")}</p>${rest.length ? h`<ul>${rest.map((p) => h`<li>${p.field ? h`<code>${p.field}</code>: ` : ""}${fromMarkup(req.t(p.messageKey, p.args))}</li>`)}</ul>` : ""}</div>`;
}

/** Leaves of a JSON document as `path → text` (arrays of lines joined), to show what a save changed. */
function leaves(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) out.set(prefix, value.join("\n"));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  else if (prefix) out.set(prefix, value === null || value === undefined ? "" : String(value));
  return out;
}

const MAX_CHANGES = 30;

/** Every save, newest first: version, who, when, via, and each changed value with its previous text. */
export async function historyView(req: DeskRequest, steps: readonly ContentHistoryStep[]): Promise<Html> {
  if (!steps.length) return h`<h2>${req.text("dw-content-history")}</h2><p>${req.text("dw-content-history-none")}</p>`;
  const names = await req.app.services.users.names([...new Set(steps.map((s) => s.by))]);
  const items = [...steps].reverse().map((step) => {
    const before = leaves(step.previous ?? {});
    const after = leaves(step.next);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).slice(0, MAX_CHANGES);
    return h`<li><p><b>v${step.version}</b> · ${personName(req.ctx, step.by, step.role, names)} · ${formatDateTime(step.at, req.locale)} · ${req.text(`dw-content-via-${step.via}`)}</p>
<table class="changes"><thead><tr><th>${req.text("dw-content-field")}</th><th>${req.text("dw-content-before")}</th><th>${req.text("dw-content-after")}</th></tr></thead><tbody>${changed.map(
      (k) => h`<tr><td><code>${k}</code></td><td class="before">${before.get(k) ?? "—"}</td><td>${after.get(k) ?? "—"}</td></tr>`,
    )}</tbody></table></li>`;
  });
  return h`<h2>${req.text("dw-content-history")}</h2><ol class="history">${items}</ol>`;
}
