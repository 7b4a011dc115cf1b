import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";

/** A step's id (letters, under 12: `Step.id`). */
const stepId = z.string().regex(/^[A-Za-z]{1,12}$/);
/** A choice's value: an option id (`iso22000-haccp`, `he-thong-quan-ly`, `vsic2018:C`, `yes`). */
const choiceValue = z.string().regex(/^[A-Za-z0-9_.:-]{1,40}$/);
/** A gate action's name (`FormDefinition.actions`): the engine still looks it up in the form's own. */
const actionName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

/**
 * Every form's buttons, `rg:<verb>[:<step>[:<value>]]`: the whole form (back, submit, restart,
 * cancel and its answer, a gate's action) or one question (skip, keep, done, edit; pick a choice
 * `c`, toggle one of several `t`). The engine checks that a question's button is the current
 * question's, and a choice one of its options.
 */
export const formButton = buttonCodec(
  "rg",
  z.union([
    z.tuple([z.enum(["back", "submit", "restart", "continue", "cancel"])]),
    z.tuple([z.literal("cancel"), z.enum(["yes", "no"])]),
    z.tuple([z.literal("a"), actionName]),
    z.tuple([z.enum(["skip", "keep", "ok", "edit"]), stepId]),
    z.tuple([z.enum(["c", "t"]), stepId, choiceValue]),
  ]),
  // A value may hold a colon (a VSIC code): the third field takes the rest.
  { maxFields: 3 },
);
export type FormButton = ButtonValue<typeof formButton>;
