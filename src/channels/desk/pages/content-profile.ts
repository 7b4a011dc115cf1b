import type { PhaseId } from "../../../domain/timeline.js";
import { todayInVietnam } from "../../../domain/vietnam-time.js";
import type { Province } from "../../../knowledge/province.js";
import type { FieldProblem } from "../../../services/content-problems.js";
import type { ProfilePatch } from "../../../services/content-profile.js";
import { h } from "../html.js";
import { page, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";
import { field, formProblems, historyView, type FieldSpec } from "./content-form.js";

/** The award phases whose dates the page edits, and which ends of them. */
const AWARD_DATES: readonly [PhaseId, "start" | "end"][] = [
  ["launch", "start"],
  ["launch", "end"],
  ["registration", "end"],
  ["dossier-deadline", "end"],
];

const vnDay = (iso: string | null | undefined): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");

/** The form's values as the profile has them now (dates as officials type them). */
function valuesOf(p: Province, year: number): Record<string, string> {
  const phase = (programme: string, id: PhaseId) => p.timeline.cycles.find((c) => c.programme === programme && c.year === year)?.phases.find((x) => x.id === id);
  const values: Record<string, string> = {
    "unit.name": p.unit.name ?? "",
    "unit.address": p.unit.address ?? "",
    "unit.phone": p.unit.phone ?? "",
    "unit.email": p.unit.email ?? "",
    "unit.website": p.unit.website ?? "",
    "officeHours.open": p.officeHours?.open ?? "",
    "officeHours.close": p.officeHours?.close ?? "",
    "nsclIntake.start": vnDay(phase("nscl", "registration")?.start),
    "nsclIntake.end": vnDay(phase("nscl", "registration")?.end),
    source: "",
  };
  for (const [id, end] of AWARD_DATES) values[`award.phases.${id}.${end}`] = vnDay(phase("gtclqg", id)?.[end]);
  return values;
}

/**
 * The patch from the posted form: only the fields the official changed from what the page showed
 * (so an untouched empty date adds no phase, and two officials editing different fields both keep theirs).
 */
function patchOf(form: URLSearchParams, shown: Record<string, string>, year: number): ProfilePatch {
  const v = (name: string): string | undefined => {
    const value = (form.get(name) ?? "").slice(0, 1000);
    return value.trim() === (shown[name] ?? "").trim() ? undefined : value;
  };
  const unit: NonNullable<ProfilePatch["unit"]> = {};
  for (const k of ["name", "address", "phone", "email", "website"] as const) {
    const value = v(`unit.${k}`);
    if (value !== undefined) unit[k] = value;
  }
  const phases: Partial<Record<PhaseId, { start?: string | null; end?: string | null }>> = {};
  for (const [id, end] of AWARD_DATES) {
    const value = v(`award.phases.${id}.${end}`);
    if (value !== undefined) phases[id] = { ...phases[id], [end]: value };
  }
  const open = v("officeHours.open");
  const close = v("officeHours.close");
  const intakeStart = v("nsclIntake.start");
  const intakeEnd = v("nsclIntake.end");
  const source = (form.get("source") ?? "").slice(0, 1000);
  return {
    ...(Object.keys(unit).length ? { unit } : {}),
    ...(open !== undefined || close !== undefined ? { officeHours: { ...(open !== undefined ? { open } : {}), ...(close !== undefined ? { close } : {}) } } : {}),
    ...(Object.keys(phases).length ? { award: { year, phases } } : {}),
    ...(intakeStart !== undefined || intakeEnd !== undefined ? { nsclIntake: { year, ...(intakeStart !== undefined ? { start: intakeStart } : {}), ...(intakeEnd !== undefined ? { end: intakeEnd } : {}) } } : {}),
    ...(source.trim() ? { source } : {}),
  };
}

async function profileView(req: DeskRequest, typed?: Record<string, string>, problems: readonly FieldProblem[] = [], version?: number): Promise<DeskResult> {
  const { profile, version: current } = await req.app.services.content.profile();
  const year = Number(todayInVietnam(req.now).slice(0, 4));
  const values = typed ?? valuesOf(profile, year);
  const f = (name: string, labelKey: string, kind: FieldSpec["kind"] = "text", hintKey?: string) =>
    field(req, { name, label: req.text(labelKey), value: values[name] ?? "", kind, ...(hintKey ? { hint: req.text(hintKey) } : {}), ...(name === "unit.name" ? { required: true } : {}) }, problems);
  const phaseLabel = (id: PhaseId, end: "start" | "end") => `${req.text(`calendar-phase-${id}`)} — ${req.text(`dw-content-${end}`)}`;
  const shown = new Set([...Object.keys(valuesOf(profile, year))]);
  const done = req.url.searchParams.get("done") === "saved";
  const body = h`${done && !problems.length ? h`<p class="flash" role="status">${req.text("dw-content-saved")}</p>` : ""}
${formProblems(req, problems, shown)}
<form method="post" action="/desk/content/profile" class="content-form" novalidate>
<input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="version" value="${version ?? current}">
<fieldset><legend>${req.text("dw-content-unit")}</legend>
${f("unit.name", "dw-content-unit-name")}${f("unit.address", "dw-content-unit-address")}${f("unit.phone", "dw-content-unit-phone", "text", "dw-content-unit-phone-hint")}
${f("unit.email", "dw-content-unit-email")}${f("unit.website", "dw-content-unit-website", "text", "dw-content-unit-website-hint")}</fieldset>
<fieldset><legend>${req.text("dw-content-hours")}</legend>${f("officeHours.open", "dw-content-hours-open", "text", "dw-content-hours-hint")}${f("officeHours.close", "dw-content-hours-close")}</fieldset>
<fieldset><legend>${req.text("dw-content-award", { year: String(year) })}</legend>
${AWARD_DATES.map(([id, end]) => field(req, { name: `award.phases.${id}.${end}`, label: phaseLabel(id, end), value: values[`award.phases.${id}.${end}`] ?? "", kind: "date" }, problems))}</fieldset>
<fieldset><legend>${req.text("dw-content-nscl", { year: String(year) })}</legend>${f("nsclIntake.start", "dw-content-nscl-start", "date")}${f("nsclIntake.end", "dw-content-nscl-end", "date")}</fieldset>
${f("source", "dw-content-source", "text", "dw-content-profile-source-hint")}
<div><button type="submit">${req.text("dw-content-save")}</button></div>
</form>
${await historyView(req, await req.app.services.content.history("profile", profile.id))}`;
  return page(req.text("dw-content-profile-title"), body, "content", problems.length ? 422 : 200);
}

export const contentProfilePage: DeskPage = {
  method: "GET",
  path: "/content/profile",
  audience: "official",
  nav: { id: "content", labelKey: "dw-nav-content" },
  handle: (req) => profileView(req),
};

/** The save through the content service (checked as kb check checks a profile, all or nothing, audited via web). */
export const contentProfileSave: DeskPage = {
  method: "POST",
  path: "/content/profile",
  audience: "official",
  async handle(req) {
    const year = Number(todayInVietnam(req.now).slice(0, 4));
    const base = Number(req.form.get("version"));
    // Compared with the profile as served now (a save by someone else meanwhile is refused by the version).
    const shown = valuesOf((await req.app.services.content.profile()).profile, year);
    const result = await req.app.services.content.saveProfile(req.official.userKey, patchOf(req.form, shown, year), {
      now: req.now,
      via: "web",
      ...(Number.isInteger(base) && base >= 0 ? { baseVersion: base } : {}),
    });
    if (result.ok) return { kind: "redirect", to: "/desk/content/profile?done=saved" };
    const typed = Object.fromEntries([...req.form.entries()].filter(([k]) => k !== "csrf").map(([k, v]) => [k, v.slice(0, 1000)]));
    return profileView(req, typed, result.problems, Number.isInteger(base) ? base : undefined);
  },
};
