import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { allowed, type FlowHandler, type JsonValue, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import { LOCALES, type Button, type InboundEvent, type OutboundMessage } from "../../core/types.js";
import {
  ANNOUNCEMENT_CAPTION_MAX,
  ANNOUNCEMENT_TEXT_MAX,
  announcementFileSchema,
  announcementMessage,
  checkAnnouncementText,
  segmentSchema,
  type Segment,
} from "../../domain/broadcast.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { PROGRAMME_INFO, PROGRAMMES } from "../../domain/programmes.js";
import { SCHEDULE_EXAMPLE, parseScheduleTime } from "../../domain/schedule-time.js";
import { STATUSES, statusIdSchema, statusInfo } from "../../domain/statuses.js";
import { SECTOR_GROUPS } from "../../domain/submission.js";
import { fold } from "../../domain/text.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { auditBroadcast } from "./audit-entry.js";
import { announcementFrame, describeSegment } from "../../services/broadcasts/notices.js";

/**
 * /thongbao: an official writes an announcement (text, optionally a file), picks who gets it,
 * sees it exactly as recipients will, and sends it now or at a time. Officials only: the
 * dispatcher checks the flow's audience on every event, and the role is checked again at the
 * moment a job is created.
 */
export const COMPOSE_FLOW = "broadcast-compose";

/** `bc:<action>[:<value>]`: the composer's buttons; which are valid depends on the step (checked in `onButton`). */
export const composeButton = buttonCodec(
  "bc",
  z.union([
    z.tuple([z.enum(["quit", "noatt", "edit", "now", "sched", "confirm"])]),
    z.tuple([z.literal("seg"), z.enum(["all", "prog", "st", "sec", "cm", "lang"]).optional()]),
    z.tuple([z.enum(["prog", "stp"]), z.enum(PROGRAMMES)]),
    z.tuple([z.literal("st"), statusIdSchema]),
    z.tuple([z.literal("sec"), z.enum(SECTOR_GROUPS)]),
    z.tuple([z.literal("cm"), digits(1)]),
    z.tuple([z.literal("lang"), z.enum(LOCALES)]),
  ]),
);
type ComposeButton = ButtonValue<typeof composeButton>;

const STEPS = ["text", "attach", "segment", "seg-programme", "seg-status-programme", "seg-status", "seg-sector", "seg-commune", "seg-language", "preview", "schedule", "confirm-schedule"] as const;
type Step = (typeof STEPS)[number];

const draftSchema = z.object({
  step: z.enum(STEPS),
  text: z.string().max(ANNOUNCEMENT_TEXT_MAX).nullable(),
  attachment: announcementFileSchema.nullable(),
  segment: segmentSchema.nullable(),
  statusProgramme: z.enum(PROGRAMMES).nullable(),
  /** Commune keys offered as buttons (`bc:cm:<index>`), so no key travels in button data. */
  communes: z.array(z.string().max(120)).max(8),
  scheduledAt: z.iso.datetime().nullable(),
});
type Draft = z.infer<typeof draftSchema>;

const EMPTY: Draft = { step: "text", text: null, attachment: null, segment: null, statusProgramme: null, communes: [], scheduledAt: null };
const NO_WORDS = new Set(["khong", "ko", "k", "no", "none", "bo qua", "khong dinh kem", "skip"]);

const asJson = (d: Draft): JsonValue => d as unknown as JsonValue;
const button = (ctx: Ctx, key: string, value: ComposeButton, args?: Record<string, string | number>): Button => ({ label: toPlainText(ctx.t(key, args)), data: composeButton.encode(value) });
const pairs = (buttons: Button[]): Button[][] => buttons.reduce<Button[][]>((rows, b, i) => (i % 2 ? rows[rows.length - 1]!.push(b) : rows.push([b]), rows), []);

async function go(ctx: Ctx, draft: Draft, before: Markup[] = []): Promise<Turn> {
  const prompt = await promptFor(ctx, draft);
  const messages: OutboundMessage[] = [...before.map((text) => ({ text })), ...prompt.messages];
  const dialog = ctx.dialog?.flow === COMPOSE_FLOW ? ctx.advance(asJson(prompt.draft)) : ctx.begin(COMPOSE_FLOW, asJson(prompt.draft));
  return { messages, dialog };
}

/** What the official sees at each step (and the draft, when a step fills in what it shows). */
async function promptFor(ctx: Ctx, draft: Draft): Promise<{ messages: OutboundMessage[]; draft: Draft }> {
  const one = (text: Markup, buttons?: Button[][]) => ({ messages: [buttons ? { text, buttons } : { text }], draft });
  const cancel = [button(ctx, "bc-button-quit", ["quit"])];
  switch (draft.step) {
    case "text":
      return one(ctx.t(draft.attachment ? "bc-ask-text-for-file" : "bc-ask-text", { max: draft.attachment ? ANNOUNCEMENT_CAPTION_MAX : ANNOUNCEMENT_TEXT_MAX, caption: ANNOUNCEMENT_CAPTION_MAX }), [cancel]);
    case "attach":
      return one(ctx.t("bc-ask-attachment"), [[button(ctx, "bc-button-no-attachment", ["noatt"])], cancel]);
    case "segment":
      return one(ctx.t("bc-ask-segment"), [
        ...pairs([
          button(ctx, "bc-seg-all", ["seg", "all"]),
          button(ctx, "bc-seg-programme", ["seg", "prog"]),
          button(ctx, "bc-seg-status", ["seg", "st"]),
          button(ctx, "bc-seg-sector", ["seg", "sec"]),
          button(ctx, "bc-seg-commune", ["seg", "cm"]),
          button(ctx, "bc-seg-language", ["seg", "lang"]),
        ]),
        cancel,
      ]);
    case "seg-programme":
    case "seg-status-programme":
      return one(ctx.t(draft.step === "seg-programme" ? "bc-ask-programme" : "bc-ask-status-programme"), [
        ...PROGRAMMES.map((p) => [{ label: toPlainText(ctx.t(PROGRAMME_INFO[p].nameKey)), data: composeButton.encode([draft.step === "seg-programme" ? "prog" : "stp", p]) }]),
        cancel,
      ]);
    case "seg-status": {
      const programme = draft.statusProgramme ?? "gtclqg";
      const statuses = STATUSES[programme].map((s) => ({ label: toPlainText(ctx.t(s.labelKey)), data: composeButton.encode(["st", s.id]) }));
      return one(ctx.t("bc-ask-status", { programme: raw(ctx.t(PROGRAMME_INFO[programme].nameKey)) }), [...pairs(statuses), cancel]);
    }
    case "seg-sector":
      return one(ctx.t("bc-ask-sector"), [SECTOR_GROUPS.map((g) => ({ label: toPlainText(ctx.t(`reg-sector-${g}`)), data: composeButton.encode(["sec", g]) })), cancel]);
    case "seg-commune": {
      const all = await ctx.services.audience.communes();
      const known = draft.communes.length ? all.filter((c) => draft.communes.includes(c.key)) : all.slice(0, 8);
      const communes = known.map((c) => c.key);
      const buttons = known.map((c, i) => ({ label: toPlainText(ctx.t("bc-commune-button", { commune: c.label, count: c.count })).slice(0, 60), data: composeButton.encode(["cm", i]) }));
      return { messages: [{ text: ctx.t(known.length ? "bc-ask-commune" : "bc-ask-commune-none-known"), buttons: [...pairs(buttons), cancel] }], draft: { ...draft, communes } };
    }
    case "seg-language":
      return one(ctx.t("bc-ask-language"), [LOCALES.map((l) => ({ label: toPlainText(ctx.t(`bc-language-${l}`)), data: composeButton.encode(["lang", l]) })), cancel]);
    case "preview":
      return { messages: await preview(ctx, draft), draft };
    case "schedule":
      return one(ctx.t("bc-ask-when", { example: SCHEDULE_EXAMPLE }), [cancel]);
    case "confirm-schedule":
      return one(ctx.t("bc-confirm-schedule", { when: formatDateTime(draft.scheduledAt!, ctx.locale) }), [
        [button(ctx, "bc-button-confirm-schedule", ["confirm"])],
        [button(ctx, "bc-button-other-time", ["sched"]), ...cancel],
      ]);
  }
}

/** The announcement exactly as recipients get it, then who gets it and the choices. */
async function preview(ctx: Ctx, draft: Draft): Promise<OutboundMessage[]> {
  const segment = draft.segment!;
  const message = announcementMessage({ text: draft.text!, attachment: draft.attachment }, announcementFrame((k, a) => ctx.t(k, a), ctx.services.province));
  const summary = await ctx.services.audience.summary(segment);
  const lines: Markup[] = [ctx.t("bc-summary-segment", { segment: raw(describeSegment((k, a) => ctx.t(k, a), segment)) }), ctx.t("bc-summary-count", { count: summary.recipients })];
  const channels = Object.entries(summary.byChannel).map(([channel, n]) => ctx.t("bc-summary-channel", { channel, count: n }));
  if (channels.length > 1) lines.push(joinMarkup(channels, ", "));
  if (summary.billed) lines.push(ctx.t("bc-summary-billed", { count: summary.billed }));
  if (draft.attachment && summary.byChannel.zalo) lines.push(ctx.t("bc-summary-zalo-file"));
  const { unsubscribed, blocked, unreachable } = summary.skipped;
  if (unsubscribed + blocked + unreachable > 0) lines.push(ctx.t("bc-summary-skipped", { unsubscribed, blocked, unreachable }));
  const buttons: Button[][] = summary.recipients
    ? [[button(ctx, "bc-button-send-now", ["now"]), button(ctx, "bc-button-schedule", ["sched"])]]
    : [];
  buttons.push([button(ctx, "bc-button-change-segment", ["seg"]), button(ctx, "bc-button-edit", ["edit"])], [button(ctx, "bc-button-quit", ["quit"])]);
  if (!summary.recipients) lines.push(ctx.t("bc-summary-nobody"));
  return [{ text: ctx.t("bc-preview-intro") }, message, { text: joinMarkup(lines), buttons }];
}

async function stillOfficial(ctx: Ctx): Promise<boolean> {
  return allowed("official", await ctx.services.roles.roleOf(ctx.user));
}

async function create(ctx: Ctx, draft: Draft, scheduledAt: string | null): Promise<Turn> {
  // The role is checked at the moment of acting, not only when the flow began.
  if (!(await stillOfficial(ctx))) return { messages: [{ text: ctx.t("bc-not-allowed") }], dialog: null };
  if (!draft.text || !draft.segment) return go(ctx, { ...draft, step: draft.text ? "segment" : "text" });
  if (scheduledAt && Date.parse(scheduledAt) <= ctx.now.getTime()) return go(ctx, { ...draft, step: "schedule" }, [ctx.t("bc-when-past", { example: SCHEDULE_EXAMPLE })]);
  const job = await ctx.services.broadcasts.createAnnouncement(
    { content: { text: draft.text, attachment: draft.attachment }, segment: draft.segment, createdBy: { channel: ctx.user.channel, id: ctx.user.id }, scheduledAt },
    ctx.now,
  );
  await auditBroadcast(ctx, "broadcastCreated", job.id, `${JSON.stringify(draft.segment)}${scheduledAt ? ` @ ${scheduledAt}` : ""}`);
  const text = scheduledAt ? ctx.t("bc-scheduled", { id: job.id, when: formatDateTime(scheduledAt, ctx.locale) }) : ctx.t("bc-started", { id: job.id });
  return { messages: [{ text }], dialog: null };
}

/** A file the official sent, if it can be an announcement's attachment. */
function fileOf(event: Extract<InboundEvent, { kind: "file" }>): Draft["attachment"] {
  const parsed = announcementFileSchema.safeParse(event.file);
  return parsed.success ? parsed.data : null;
}

async function onText(ctx: Ctx, draft: Draft, text: string): Promise<Turn> {
  switch (draft.step) {
    case "text": {
      const checked = checkAnnouncementText(text, draft.attachment !== null);
      if (!checked.ok) return go(ctx, draft, [ctx.t(checked.error.key, checked.error.args)]);
      return go(ctx, { ...draft, text: checked.value, step: draft.attachment ? "segment" : "attach" });
    }
    case "attach":
      if (NO_WORDS.has(fold(text))) return go(ctx, { ...draft, step: "segment" });
      return go(ctx, draft, [ctx.t("bc-attach-or-skip")]);
    case "seg-commune": {
      const found = await ctx.services.audience.findCommunes(text);
      if (found.length === 1) return go(ctx, { ...draft, segment: { kind: "commune", communeKey: found[0]!.key, label: found[0]!.label }, step: "preview" });
      if (found.length > 1) return go(ctx, { ...draft, communes: found.slice(0, 8).map((c) => c.key) }, [ctx.t("bc-commune-several", { count: found.length })]);
      return go(ctx, { ...draft, communes: [] }, [ctx.t("bc-commune-not-found", { commune: text.slice(0, 100) })]);
    }
    case "schedule": {
      const when = parseScheduleTime(text, ctx.now);
      if (!when.ok) return go(ctx, draft, [ctx.t(when.error.key, when.error.args)]);
      return go(ctx, { ...draft, scheduledAt: when.value, step: "confirm-schedule" });
    }
    default:
      // Buttons are expected here; say so and show them again.
      return go(ctx, draft, [ctx.t("bc-use-buttons")]);
  }
}

async function onFile(ctx: Ctx, draft: Draft, event: Extract<InboundEvent, { kind: "file" }>): Promise<Turn> {
  if (draft.step !== "text" && draft.step !== "attach") return go(ctx, draft, [ctx.t("bc-use-buttons")]);
  const attachment = fileOf(event);
  if (!attachment) return go(ctx, draft, [ctx.t("bc-file-not-usable")]);
  const text = event.caption.trim() !== "" ? event.caption : draft.text;
  if (text === null) return go(ctx, { ...draft, attachment, step: "text" }, [ctx.t("bc-file-received", { name: attachment.name })]);
  const checked = checkAnnouncementText(text, true);
  // Too long for a caption: keep the file, ask for a shorter text.
  if (!checked.ok) return go(ctx, { ...draft, attachment, text: null, step: "text" }, [ctx.t(checked.error.key, checked.error.args)]);
  return go(ctx, { ...draft, attachment, text: checked.value, step: "segment" });
}

async function onButton(ctx: Ctx, draft: Draft, data: string): Promise<Turn> {
  const pressed = composeButton.decode(data);
  const turn = pressed && (await onPressed(ctx, draft, pressed));
  // A button of another step (an old message) or forged data: show where we are.
  return turn ?? go(ctx, draft, [ctx.t("bc-button-stale")]);
}

/** A decoded button, if it belongs to the step the draft is at (undefined otherwise). */
async function onPressed(ctx: Ctx, draft: Draft, pressed: ComposeButton): Promise<Turn | undefined> {
  const at = (steps: Step[]) => steps.includes(draft.step);
  const seg = (segment: Segment): Promise<Turn> => go(ctx, { ...draft, segment, step: "preview" });
  switch (pressed[0]) {
    case "quit":
      return { messages: [{ text: ctx.t("bc-cancelled") }], dialog: null };
    case "noatt":
      return at(["attach"]) ? go(ctx, { ...draft, step: "segment" }) : undefined;
    case "seg": {
      const value = pressed[1];
      if (value === undefined) return at(["preview"]) ? go(ctx, { ...draft, segment: null, step: "segment" }) : undefined;
      if (!at(["segment"])) return undefined;
      if (value === "all") return seg({ kind: "all" });
      const next = { prog: "seg-programme", st: "seg-status-programme", sec: "seg-sector", cm: "seg-commune", lang: "seg-language" } as const;
      return go(ctx, { ...draft, communes: [], step: next[value] });
    }
    case "prog":
      return at(["seg-programme"]) ? seg({ kind: "programme", programme: pressed[1] }) : undefined;
    case "stp":
      return at(["seg-status-programme"]) ? go(ctx, { ...draft, statusProgramme: pressed[1], step: "seg-status" }) : undefined;
    case "st": {
      const programme = draft.statusProgramme;
      const status = pressed[1];
      return at(["seg-status"]) && programme && statusInfo(programme, status) ? seg({ kind: "status", programme, status }) : undefined;
    }
    case "sec":
      return at(["seg-sector"]) ? seg({ kind: "sector", sectorGroup: pressed[1] }) : undefined;
    case "cm": {
      const key = draft.communes[pressed[1]];
      const commune = key ? (await ctx.services.audience.communes()).find((c) => c.key === key) : undefined;
      return at(["seg-commune"]) && commune ? seg({ kind: "commune", communeKey: commune.key, label: commune.label }) : undefined;
    }
    case "lang":
      return at(["seg-language"]) ? seg({ kind: "language", locale: pressed[1] }) : undefined;
    case "edit":
      return at(["preview"]) ? go(ctx, { ...draft, text: null, attachment: null, step: "text" }) : undefined;
    case "now":
      return at(["preview"]) ? create(ctx, draft, null) : undefined;
    case "sched":
      return at(["preview", "confirm-schedule"]) ? go(ctx, { ...draft, scheduledAt: null, step: "schedule" }) : undefined;
    case "confirm":
      return at(["confirm-schedule"]) && draft.scheduledAt ? create(ctx, draft, draft.scheduledAt) : undefined;
  }
}

/** /thongbao (/broadcast): starts a new announcement. */
export function startCompose(ctx: Ctx): Promise<Turn> {
  return go(ctx, EMPTY);
}

export const composeFlow: FlowHandler<Services> = {
  id: COMPOSE_FLOW,
  buttons: [composeButton],
  audience: "official",
  async onEvent(ctx, event, dialog) {
    const parsed = draftSchema.safeParse(dialog.data);
    if (!parsed.success) return { messages: [{ text: ctx.t("bc-draft-lost") }], dialog: null };
    const draft = parsed.data;
    switch (event.kind) {
      case "text":
        return onText(ctx, draft, event.text);
      case "file":
        return onFile(ctx, draft, event);
      case "button":
        return onButton(ctx, draft, event.data);
      default:
        return go(ctx, draft, [ctx.t("bc-use-buttons")]);
    }
  },
  onCancel: (ctx) => ({ messages: [{ text: ctx.t("bc-cancelled") }], dialog: null }),
};
