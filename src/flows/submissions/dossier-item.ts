import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { say, type FlowHandler, type JsonValue, type Turn } from "../../core/feature.js";
import { joinMarkup, toPlainText } from "../../core/markup.js";
import type { Button, FileRef } from "../../core/types.js";
import { checkDossierFile, DOSSIER_FILE_MAX_MB, DOSSIER_FILE_TYPE_LIST } from "../../domain/dossier-file.js";
import { dossierItemIdSchema, itemsFor } from "../../domain/dossier-checklist.js";
import { holds, type Submission } from "../../domain/submission.js";
import { TRACKING_CODE_PATTERN } from "../../domain/tracking-code.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { checklistOfCtx } from "./checklist-view.js";

/**
 * Which dossier item do these files belong to? Asked after files reach a GTCLQG submission (sent
 * during the form, or later and attached to the submission the user chose). The files are kept
 * already, without an item, until a button says; more files sent meanwhile join the question, so
 * several can go to one item.
 */
export const ITEM_FLOW = "dossier-item";

/** `di:i:<item>` puts the waiting files under that item, `di:later` leaves them unsorted, `di:s:<code>` sorts a submission's unsorted files. */
export const itemButton = buttonCodec(
  "di",
  z.union([z.tuple([z.literal("i"), dossierItemIdSchema]), z.tuple([z.literal("later")]), z.tuple([z.literal("s"), z.string().regex(TRACKING_CODE_PATTERN)])]),
);

const itemStateSchema = z.object({ code: z.string().regex(TRACKING_CODE_PATTERN), refs: z.array(z.string().min(1).max(2048)).min(1).max(20) });
type ItemState = z.infer<typeof itemStateSchema>;
const asJson = (state: ItemState): JsonValue => state as unknown as JsonValue;

/** The file rule, stated wherever files are asked for. */
export const fileRules = (ctx: Ctx) => ctx.t("file-rules", { types: DOSSIER_FILE_TYPE_LIST, max: DOSSIER_FILE_MAX_MB });

/** A file refused by the rule (too large, empty, of another type): the clear answer, and it is not kept. */
export function refusedFile(ctx: Ctx, file: FileRef): Turn | null {
  const checked = checkDossierFile(file);
  return checked.ok ? null : say(joinMarkup([ctx.t(checked.error.key, checked.error.args), ctx.t("file-not-kept", { name: file.name })]));
}

/** The file as it is stored: its name made safe. */
export function storedFile(file: FileRef): FileRef {
  const checked = checkDossierFile(file);
  return checked.ok ? { ...file, name: checked.value.name } : file;
}

/** The question, with one button per item of the submission's list (and "later"). */
export function askItem(ctx: Ctx, s: Submission, refs: readonly string[]): Turn {
  const { items } = itemsFor(ctx.services.dossierItems, s.rules);
  const names = s.documents.filter((d) => refs.includes(d.file.ref)).map((d) => d.file.name);
  const buttons: Button[][] = items.map((item) => [{ label: toPlainText(ctx.t("item-button", { name: item.name[ctx.locale] })), data: itemButton.encode(["i", item.id]) }]);
  buttons.push([{ label: toPlainText(ctx.t("item-button-later")), data: itemButton.encode(["later"]) }]);
  const state: ItemState = { code: s.code, refs: [...refs].slice(-20) };
  return {
    messages: [{ text: ctx.t("item-which", { code: s.code, count: names.length, names: names.join(", ") }), buttons }],
    dialog: ctx.dialog?.flow === ITEM_FLOW ? ctx.advance(asJson(state)) : ctx.begin(ITEM_FLOW, asJson(state)),
  };
}

/** After files reach a submission: ask for their item when it has a checklist (GTCLQG), else nothing more. */
export function afterAttach(ctx: Ctx, s: Submission, refs: readonly string[]): Turn | null {
  if (s.programme !== "gtclqg" || refs.length === 0) return null;
  return askItem(ctx, s, refs);
}

/** `di:s:<code>` from /tracuu: the holder sorts the files of that submission that have no item yet. */
export async function sortUnassigned(ctx: Ctx, code: string): Promise<Turn> {
  const s = await ctx.services.submissions.get(code);
  if (!s || !holds(s, ctx.userKey) || s.programme !== "gtclqg") return say(ctx.t("sub-not-found"));
  const { items } = itemsFor(ctx.services.dossierItems, s.rules);
  const refs = s.documents.filter((d) => d.item === null || !items.some((i) => i.id === d.item)).map((d) => d.file.ref);
  if (refs.length === 0) return say(ctx.t("item-none-unsorted", { code }));
  return askItem(ctx, s, refs);
}

async function onItemButton(ctx: Ctx, state: ItemState, value: NonNullable<ReturnType<typeof itemButton.decode>>): Promise<Turn> {
  if (value[0] === "s") return sortUnassigned(ctx, value[1]);
  if (value[0] === "later") return { ...say(ctx.t("item-later", { code: state.code })), dialog: null };
  const s = await ctx.services.submissions.get(state.code);
  const item = s ? itemsFor(ctx.services.dossierItems, s.rules).items.find((i) => i.id === value[1]) : undefined;
  // Only an item of this submission's list (a forged one is asked again).
  if (!s || !item) return s ? askItem(ctx, s, state.refs) : { ...say(ctx.t("sub-not-found")), dialog: null };
  const result = await ctx.services.submissions.assignItem(state.code, ctx.userKey, state.refs, item.id, ctx.now);
  if (!result.ok) return { ...say(ctx.t(result.error.key, result.error.args)), dialog: null };
  const view = checklistOfCtx(ctx, result.submission);
  return {
    messages: [{ text: joinMarkup([ctx.t("item-done", { count: state.refs.length, name: item.name[ctx.locale], code: state.code }), ...(view ? [view] : [])], "\n\n") }],
    dialog: null,
  };
}

export const itemFlow: FlowHandler<Services> = {
  id: ITEM_FLOW,
  buttons: [itemButton],
  async onEvent(ctx, event, dialog) {
    const parsed = itemStateSchema.safeParse(dialog.data);
    if (!parsed.success) return { ...say(ctx.t("file-without-context")), dialog: null };
    const state = parsed.data;
    if (event.kind === "button") {
      const value = itemButton.decode(event.data);
      if (!value) return { ...say(ctx.t("item-later", { code: state.code })), dialog: null };
      return onItemButton(ctx, state, value);
    }
    if (event.kind === "file") {
      // Another file while the question is open: checked, kept on the same submission, and asked about with the others.
      const refused = refusedFile(ctx, event.file);
      const s = await ctx.services.submissions.get(state.code);
      if (!s) return { ...say(ctx.t("sub-not-found")), dialog: null };
      if (refused) return { messages: [...refused.messages, ...askItem(ctx, s, state.refs).messages], dialog: ctx.advance(asJson(state)) };
      const result = await ctx.services.submissions.attach(state.code, ctx.userKey, storedFile(event.file), ctx.now);
      if (!result.ok) return { ...say(ctx.t(result.error.key, result.error.args)), dialog: null };
      return askItem(ctx, result.submission, state.refs.includes(event.file.ref) ? state.refs : [...state.refs, event.file.ref]);
    }
    // Anything typed: the files stay, without an item, and the text is not lost on an old question.
    return { messages: [{ text: ctx.t("item-later", { code: state.code }) }, { text: ctx.t("not-understood"), buttons: ctx.menu() }], dialog: null };
  },
};
