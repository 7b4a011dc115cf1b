import { z } from "zod";
import { LOCALES, type ChannelName, type Locale } from "../../core/types.js";
import { FINAL_RESULTS, JOB_ID_PATTERN, zeroCounts, type Counts, type FinalResult } from "./broadcast-job.js";
import { channelNameSchema } from "../../core/events.js";

/**
 * The delivery record of each job in the JSON backend: one append-only file per job
 * (`deliveries/TB-0007.jsonl`), never rewritten, read only when the job (re)starts — so no file
 * grows without bound and the bot does not keep old jobs in memory. (PostgreSQL keeps a row per
 * recipient instead; the runner sees either through the deliveries repository.) Lines, in order:
 *
 *   to      recipient i (channel, id, language; `skip` when it is settled without sending)
 *   listed  the list is complete (n recipients); a list cut short by a crash is `reset`
 *   try     attempt n for recipient i is about to be sent — committed BEFORE the send
 *   again   that attempt did not deliver (429, an error to retry, a stop): i is sent again later
 *   end     recipient i's final result — appended after the send, written with the next commit
 *
 * A `try` with nothing after it means the process died while that send was in flight: the
 * recipient is reported `uncertain`, never sent again.
 */
export const SKIP_REASONS = ["unsubscribed", "blocked", "unreachable"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

const job = z.string().regex(JOB_ID_PATTERN);
const index = z.number().int().min(0);

export const deliveryEntrySchema = z.discriminatedUnion("k", [
  z.object({
    k: z.literal("to"),
    job,
    i: index,
    ch: channelNameSchema,
    id: z.string().min(1).max(128),
    loc: z.enum(LOCALES),
    skip: z.enum(SKIP_REASONS).optional(),
    /** Reminders: the submissions the message is about. */
    codes: z.array(z.string().max(32)).max(20).optional(),
  }),
  z.object({ k: z.literal("listed"), job, n: z.number().int().min(0) }),
  z.object({ k: z.literal("reset"), job }),
  z.object({ k: z.literal("try"), job, i: index, n: z.number().int().min(1) }),
  z.object({ k: z.literal("again"), job, i: index, n: z.number().int().min(1), why: z.enum(["rate-limited", "error", "stopped"]), d: z.string().max(300).optional() }),
  z.object({ k: z.literal("end"), job, i: index, r: z.enum(FINAL_RESULTS), at: z.iso.datetime(), d: z.string().max(300).optional() }),
]);
export type DeliveryEntry = z.infer<typeof deliveryEntrySchema>;

export interface Recipient {
  ch: ChannelName;
  id: string;
  loc: Locale;
  codes?: string[];
}

/** Where a job stands, rebuilt from its file. */
export interface DeliveryState {
  /** null until the list is complete. */
  recipients: Recipient[] | null;
  final: (FinalResult | null)[];
  /** Attempts so far per recipient. */
  tries: number[];
  /** Failed attempts (errors, not 429s) per recipient, for the retry limit. */
  errors: number[];
  /** Recipients whose last line is a `try`: in flight when the file was last written. */
  inFlight: number[];
  /** Recipients settled when listed (not subscribed, blocked, unreachable): the rest are to be sent. */
  skippedAtListing: number;
  counts: Counts;
}

export function foldDeliveries(entries: readonly DeliveryEntry[]): DeliveryState {
  let draft: Recipient[] = [];
  let skips: (FinalResult | null)[] = [];
  let recipients: Recipient[] | null = null;
  let final: (FinalResult | null)[] = [];
  let tries: number[] = [];
  let errors: number[] = [];
  let last: ("try" | "again" | "end" | null)[] = [];
  let skippedAtListing = 0;
  for (const e of entries) {
    switch (e.k) {
      case "to":
        if (recipients) break;
        draft[e.i] = { ch: e.ch, id: e.id, loc: e.loc, ...(e.codes ? { codes: e.codes } : {}) };
        skips[e.i] = e.skip ?? null;
        break;
      case "reset":
        if (!recipients) {
          draft = [];
          skips = [];
        }
        break;
      case "listed":
        if (!recipients && draft.length === e.n && !draft.includes(undefined as never)) {
          recipients = draft;
          final = skips.slice();
          tries = new Array<number>(e.n).fill(0);
          errors = new Array<number>(e.n).fill(0);
          last = final.map((f) => (f ? "end" : null));
          skippedAtListing = final.filter((f) => f !== null).length;
        }
        break;
      case "try":
        if (!recipients || e.i >= recipients.length || final[e.i]) break;
        tries[e.i] = Math.max(tries[e.i]!, e.n);
        last[e.i] = "try";
        break;
      case "again":
        if (!recipients || e.i >= recipients.length || final[e.i]) break;
        if (e.why === "error") errors[e.i]!++;
        last[e.i] = "again";
        break;
      case "end":
        if (!recipients || e.i >= recipients.length || final[e.i]) break;
        final[e.i] = e.r;
        last[e.i] = "end";
        break;
    }
  }
  const counts = zeroCounts();
  for (const f of final) if (f) counts[f]++;
  const inFlight: number[] = [];
  last.forEach((l, i) => {
    if (l === "try") inFlight.push(i);
  });
  return { recipients, final, tries, errors, inFlight, skippedAtListing, counts };
}
