import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { say, type FlowHandler, type JsonValue, type Turn } from "../../core/feature.js";
import { toPlainText } from "../../core/markup.js";
import type { FileRef, InboundEvent } from "../../core/types.js";
import { isOpen } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { fileRefSchema } from "../../core/events.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { afterAttach, refusedFile, storedFile } from "./dossier-item.js";

/**
 * A file sent outside a form, by someone with open submissions: which one is it for? The file's
 * reference waits in the dialog until a button says; nothing is attached without that.
 */
export const ATTACH_FLOW = "attach-file";
/** `att:<code>` attaches the waiting files to that submission, `att:no` lets them go. */
export const attachButton = buttonCodec("att", z.tuple([z.string().min(1).max(32)]));

const attachStateSchema = z.object({
  files: z.array(fileRefSchema).min(1).max(10),
  codes: z.array(z.string().max(32)).min(1).max(20),
});
type AttachState = z.infer<typeof attachStateSchema>;

/** Plain JSON by construction (checked by attachStateSchema on the way back in); FileRef is an interface. */
const asJson = (state: AttachState): JsonValue => state as unknown as JsonValue;

function ask(ctx: Ctx, state: AttachState): Turn {
  return {
    messages: [
      {
        text: ctx.t("attach-which", { names: state.files.map((f) => f.name).join(", "), count: state.files.length }),
        buttons: [
          ...state.codes.map((code) => [{ label: toPlainText(ctx.t("attach-button", { code })), data: attachButton.encode([code]) }]),
          [{ label: toPlainText(ctx.t("attach-button-none")), data: attachButton.encode(["no"]) }],
        ],
      },
    ],
    dialog: ctx.dialog?.flow === ATTACH_FLOW ? ctx.advance(asJson(state)) : ctx.begin(ATTACH_FLOW, asJson(state)),
  };
}

/** A file with no form open: offer the user's open submissions, or say where files can go. */
export async function onFreeFile(ctx: Ctx, event: Extract<InboundEvent, { kind: "file" }>): Promise<Turn> {
  const refused = refusedFile(ctx, event.file);
  if (refused) return refused;
  const open = (await ctx.services.submissions.byOwner(ctx.userKey)).filter((s) => isOpen(s.programme, s.status));
  if (open.length === 0) return say(ctx.t("file-without-context"), ctx.menu());
  return ask(ctx, { files: [storedFile(event.file)], codes: open.slice(0, 20).map((s) => s.code) });
}

async function attachAll(ctx: Ctx, state: AttachState, code: string): Promise<Turn> {
  let saved: Submission | null = null;
  for (const file of state.files) {
    const result = await ctx.services.submissions.attach(code, ctx.userKey, file, ctx.now);
    if (!result.ok) return { messages: [{ text: ctx.t(result.error.key, result.error.args) }], dialog: null };
    saved = result.submission;
  }
  const done = { text: ctx.t("attach-done", { code, names: state.files.map((f: FileRef) => f.name).join(", "), count: saved?.documents.length ?? 0 }) };
  // A GTCLQG dossier has items: which one are these files for?
  const next = saved ? afterAttach(ctx, saved, state.files.map((f) => f.ref)) : null;
  return next ? { messages: [done, ...next.messages], dialog: next.dialog ?? null } : { messages: [done], dialog: null };
}

export const attachFlow: FlowHandler<Services> = {
  id: ATTACH_FLOW,
  buttons: [attachButton],
  async onEvent(ctx, event, dialog) {
    const parsed = attachStateSchema.safeParse(dialog.data);
    if (!parsed.success) return { messages: [{ text: ctx.t("file-without-context") }], dialog: null };
    const state = parsed.data;
    if (event.kind === "file") {
      const refused = refusedFile(ctx, event.file);
      if (refused) return { messages: [...refused.messages, ...ask(ctx, state).messages], dialog: ctx.advance(asJson(state)) };
      if (state.files.some((f) => f.ref === event.file.ref) || state.files.length >= 10) return ask(ctx, state);
      return ask(ctx, { ...state, files: [...state.files, storedFile(event.file)] });
    }
    if (event.kind === "button") {
      const [rest] = attachButton.decode(event.data) ?? [""];
      if (rest === "no") return { messages: [{ text: ctx.t("attach-not-kept") }], dialog: null };
      // Only a code offered in this dialog (and still the user's own, checked by the service).
      if (!state.codes.includes(rest)) return ask(ctx, state);
      return attachAll(ctx, state, rest);
    }
    // Anything typed instead: the files are let go, and the text is not lost on an old question.
    return { messages: [{ text: ctx.t("attach-not-kept") }, { text: ctx.t("not-understood"), buttons: ctx.menu() }], dialog: null };
  },
};
