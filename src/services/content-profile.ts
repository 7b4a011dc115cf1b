import { parseEmail } from "../domain/email.js";
import { formatPhone, parsePhone } from "../domain/phone.js";
import type { Programme } from "../domain/programmes.js";
import { PHASE_IDS, type Cycle, type Phase, type PhaseId } from "../domain/timeline.js";
import { provinceSchema, type Province } from "../knowledge/province.js";
import { checkProblem, cleanLine, fieldOf, problem, readDay, type FieldProblem } from "./content-problems.js";
import { checkProvince, isWebAddress } from "./kb-check.js";

/** Dates of one phase as an official typed them; "" or null = not known. Absent: unchanged. */
export interface PhaseDates {
  start?: string | null;
  end?: string | null;
}

/**
 * What an official may change in the province profile; every member is optional (absent =
 * unchanged). Contacts: "" or null = not known (the bot then says "chưa cập nhật").
 */
export interface ProfilePatch {
  unit?: { name?: string; address?: string | null; phone?: string | null; email?: string | null; website?: string | null };
  /** Office days (1 = Monday … 7 = Sunday) and hours (`07:30`, `17:00`; both or neither); null = not known. */
  officeHours?: { weekdays?: number[]; open?: string | null; close?: string | null } | null;
  /** This year's award timeline: the phases whose dates change. */
  award?: { year: number; phases: Partial<Record<PhaseId, PhaseDates>> };
  /** The NSCL intake window of a year (the programme's "registration" phase). */
  nsclIntake?: { year: number; start?: string | null; end?: string | null };
  /** Where the new dates or hours come from (a plan's number and date); otherwise "updated by an official on <date>". */
  source?: string;
}

export type ProfileEdit = { ok: true; profile: Province; changed: string[] } | { ok: false; problems: FieldProblem[] };

const MAX_TEXT = 300;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The profile with an official's changes, checked as `kb check` checks a profile file: every value
 * read (phone with src/domain/phone.ts, email with src/domain/email.ts, an http(s) address, dates as
 * real days), a phase that ends before it starts, a deadline or registration before the launch,
 * then the whole profile through `provinceSchema` and `checkProvince` — any problem refuses the
 * edit, with the field it belongs to. Nothing of `current` is changed.
 */
export function editProfile(current: Province, patch: ProfilePatch, today: string): ProfileEdit {
  const problems: FieldProblem[] = [];
  const changed: string[] = [];
  const next: Province = structuredClone(current);
  const source = cleanLine(patch.source ?? "") || `Cán bộ của Sở cập nhật ngày ${vnDate(today)}`;
  if (source.length > MAX_TEXT) problems.push(problem("source", "content-error-too-long", { max: MAX_TEXT }));

  const text = (field: string, value: string | null | undefined, required: boolean): string | null | undefined => {
    if (value === undefined) return undefined;
    const line = cleanLine(value ?? "");
    if (line === "") {
      if (required) problems.push(problem(field, "content-error-required"));
      return null;
    }
    if (line.length > MAX_TEXT) problems.push(problem(field, "content-error-too-long", { max: MAX_TEXT }));
    return line;
  };

  const u = patch.unit;
  if (u) {
    const name = text("unit.name", u.name, true);
    if (name) next.unit.name = name;
    const address = text("unit.address", u.address, false);
    if (address !== undefined) next.unit.address = address;
    const phone = text("unit.phone", u.phone, false);
    if (phone) {
      const read = parsePhone(phone);
      if (read.ok) next.unit.phone = formatPhone(read.value);
      else problems.push(problem("unit.phone", read.error.key, read.error.args));
    } else if (phone === null) next.unit.phone = null;
    const email = text("unit.email", u.email, false);
    if (email) {
      const read = parseEmail(email);
      if (read.ok) next.unit.email = read.value;
      else problems.push(problem("unit.email", read.error.key, read.error.args));
    } else if (email === null) next.unit.email = null;
    const website = text("unit.website", u.website, false);
    if (website) {
      if (isWebAddress(website)) next.unit.website = website;
      else problems.push(problem("unit.website", "content-error-url", { url: website }));
    } else if (website === null) next.unit.website = null;
    for (const key of ["name", "address", "phone", "email", "website"] as const) if (next.unit[key] !== current.unit[key]) changed.push(`unit.${key}`);
  }

  if (patch.officeHours === null) {
    next.officeHours = null;
  } else if (patch.officeHours) {
    const h = patch.officeHours;
    const weekdays = h.weekdays ?? current.officeHours?.weekdays ?? [1, 2, 3, 4, 5];
    if (weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push(problem("officeHours.weekdays", "content-error-weekdays"));
    const open = h.open === undefined ? (current.officeHours?.open ?? null) : cleanLine(h.open ?? "") || null;
    const close = h.close === undefined ? (current.officeHours?.close ?? null) : cleanLine(h.close ?? "") || null;
    if (open !== null && !HHMM.test(open)) problems.push(problem("officeHours.open", "content-error-time", { value: open }));
    if (close !== null && !HHMM.test(close)) problems.push(problem("officeHours.close", "content-error-time", { value: close }));
    if ((open === null) !== (close === null)) problems.push(problem(open === null ? "officeHours.open" : "officeHours.close", "content-error-hours-both"));
    else if (open !== null && close !== null && HHMM.test(open) && HHMM.test(close) && open >= close) problems.push(problem("officeHours.close", "content-error-hours-order", { open, close }));
    const hoursChanged = open !== (current.officeHours?.open ?? null) || close !== (current.officeHours?.close ?? null) || weekdays.join() !== (current.officeHours?.weekdays ?? []).join();
    next.officeHours = { weekdays: [...new Set(weekdays)].sort((a, b) => a - b), open, close, source: hoursChanged || !current.officeHours ? source : current.officeHours.source };
  }
  if (JSON.stringify(next.officeHours) !== JSON.stringify(current.officeHours)) changed.push("officeHours");

  const editCycle = (programme: Programme, year: number, phases: Partial<Record<PhaseId, PhaseDates>>, field: string) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      problems.push(problem(`${field}.year`, "content-error-year"));
      return;
    }
    const cycles = next.timeline.cycles;
    let cycle: Cycle | undefined = cycles.find((c) => c.programme === programme && c.year === year);
    if (!cycle) {
      // Award years from 2026 are taken to follow the 2026 rules, not confirmed until an official says so (as in data/).
      cycle = { programme, year, rules: year >= 2026 ? "2026" : "legacy", rulesConfirmed: false, phases: [], source, reviewed: today };
      cycles.push(cycle);
    }
    const dates = new Map<PhaseId, { start: string | null; end: string | null }>();
    for (const id of PHASE_IDS) {
      const edit = phases[id];
      const old = cycle.phases.find((p) => p.id === id);
      if (!edit) {
        if (old) dates.set(id, { start: old.start, end: old.end });
        continue;
      }
      const read = (which: "start" | "end"): string | null => {
        const value = edit[which];
        if (value === undefined) return old?.[which] ?? null;
        const day = readDay(value);
        if (!day.ok) {
          problems.push(problem(`${field}.phases.${id}.${which}`, day.key, { value: cleanLine(value ?? "") }));
          return null;
        }
        if (day.date && (Number(day.date.slice(0, 4)) < year - 1 || Number(day.date.slice(0, 4)) > year + 2)) {
          problems.push(problem(`${field}.phases.${id}.${which}`, "content-error-date-far", { date: vnDate(day.date), year }));
        }
        return day.date;
      };
      const start = read("start");
      const end = read("end");
      if (start && end && start > end) problems.push(problem(`${field}.phases.${id}.end`, "content-error-phase-order", { start: vnDate(start), end: vnDate(end) }));
      dates.set(id, { start, end });
      if (!old || old.start !== start || old.end !== end) changed.push(`${field}.${id}`);
    }
    // A deadline (or the registration) that ends before the launch begins cannot be right.
    const launch = dates.get("launch")?.start ?? null;
    if (launch) {
      for (const [id, key] of [
        ["dossier-deadline", "content-error-deadline-before-launch"],
        ["registration", "content-error-registration-before-launch"],
      ] as const) {
        const d = dates.get(id);
        const last = d?.end ?? d?.start ?? null;
        if (last && last < launch) problems.push(problem(`${field}.phases.${id}.${d?.end ? "end" : "start"}`, key, { date: vnDate(last), launch: vnDate(launch) }));
      }
    }
    const phasesNext: Phase[] = [];
    for (const id of PHASE_IDS) {
      const d = dates.get(id);
      if (!d) continue;
      const old = cycle.phases.find((p) => p.id === id);
      const edited = !old || old.start !== d.start || old.end !== d.end;
      // An edited phase loses its old note ("Quý I/2024" would contradict the new dates).
      phasesNext.push(edited ? { id, start: d.start, end: d.end, source } : old);
    }
    // The phases keep their order in the file; new ones go where PHASE_IDS puts them.
    cycle.phases = phasesNext;
    cycle.reviewed = today;
  };
  if (patch.award) editCycle("gtclqg", patch.award.year, patch.award.phases, "award");
  if (patch.nsclIntake) {
    const { year, start, end } = patch.nsclIntake;
    editCycle("nscl", year, { registration: { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) } }, "nsclIntake");
  }

  if (problems.length) return { ok: false, problems };
  next.reviewed = today;
  // THE profile schema (whatever members it has by now), then the checks `kb check` makes of a profile file.
  const parsed = provinceSchema.safeParse(next);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => problem(fieldOf(i.path), "content-error-schema", { message: i.message })) };
  const key = (p: { message: string }) => p.message;
  const before = new Set(checkProvince(current, "profile", today).map(key));
  const found = checkProvince(parsed.data, "profile", today).filter((p) => !before.has(key(p)));
  if (found.length) return { ok: false, problems: found.map((p) => checkProblem(null, p)) };
  return { ok: true, profile: parsed.data, changed };
}
