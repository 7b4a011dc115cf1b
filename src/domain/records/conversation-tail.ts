import { z } from "zod";

/** How many turns are kept: the user's last three questions and what the bot did with each. */
export const TAIL_TURNS = 6;
export const TAIL_TEXT_MAX = 300;

export const tailTurnSchema = z.object({
  at: z.iso.datetime(),
  from: z.enum(["user", "bot"]),
  text: z.string().max(TAIL_TEXT_MAX),
});
export type TailTurn = z.infer<typeof tailTurnSchema>;

/**
 * The last few FAQ exchanges of one user (keyed by user key), so an inbox item shows the official
 * what came before the question. Deleted with the user's questions under /dulieu.
 */
export const conversationTailSchema = z.object({ turns: z.array(tailTurnSchema).max(TAIL_TURNS) });
export type ConversationTail = z.infer<typeof conversationTailSchema>;
