/**
 * Journeys as data (issue 15): what a person types or presses, in order, with what the bot should
 * say back. Replayed by the suite (test/flows/journeys.test.ts, on the core and through the web
 * endpoint) and by `npm run bench:conversation`, which prints turns, refusals and characters.
 */
export interface JourneyStep {
  /** Typed text… */
  say?: string;
  /** …or a button pressed, found by a part of its label (case-insensitive). */
  press?: string;
  /**
   * The same question is expected back: a question asked mid-form, an item added to a multi-select,
   * an amount in a foreign currency asked again in đồng. Any other re-asked question is a refusal.
   */
  stays?: true;
  /** Words the bot's answer must contain. */
  expect?: string;
  /**
   * Played only when the last reply contains these words: a question that depends on the date
   * (the award year is asked only once the usual intake of the year is over).
   */
  ifAsked?: string;
}

export interface Journey {
  name: string;
  /** Who plays it: channel and id (the official's id is made an official by the replay's setup). */
  who: { channel: "telegram" | "web" | "zalo"; id: string };
  /** At most this many turns (the budget). */
  maxTurns: number;
  steps: readonly JourneyStep[];
}

/** One reply message as every transport can give it: plain text and button rows. */
export interface ReplyMessage {
  text: string;
  buttons: readonly (readonly { label: string; data: string }[])[];
}

/** Sends one turn: typed text or a button's data; returns the replies. */
export type Transport = (input: { text: string } | { button: string }) => Promise<ReplyMessage[]>;

export interface JourneyResult {
  turns: number;
  /** Steps whose question came back when no re-ask was expected: answers refused. */
  refusals: { step: number; typed: string; reply: string }[];
  /** Steps whose reply lacked the expected words. */
  missed: { step: number; expected: string; reply: string }[];
  /** Characters the bot sent (plain text), and the longest single message. */
  chars: number;
  longest: number;
  /** The last replies, for a final check. */
  last: string;
}

const PROGRESS = /(?:Câu (\d+)\/(\d+)|Question (\d+) of (\d+))\s*\n+([^\n]*)/;

/** Which question the replies leave the person at: its number and first line, "summary"-like text otherwise. */
function questionAt(replies: readonly ReplyMessage[]): string | null {
  for (let i = replies.length - 1; i >= 0; i--) {
    const m = PROGRESS.exec(replies[i]!.text);
    if (m) return `${m[1] ?? m[3]}:${m[5]}`;
  }
  return null;
}

export async function replay(journey: Journey, send: Transport): Promise<JourneyResult> {
  const result: JourneyResult = { turns: 0, refusals: [], missed: [], chars: 0, longest: 0, last: "" };
  let replies: ReplyMessage[] = [];
  let at: string | null = null;
  for (const [i, step] of journey.steps.entries()) {
    if (step.ifAsked !== undefined && !replies.some((m) => m.text.includes(step.ifAsked!))) continue;
    if (step.press !== undefined) {
      const wanted = step.press.toLowerCase();
      const button = replies.flatMap((m) => m.buttons.flat()).find((b) => b.label.toLowerCase().includes(wanted));
      if (!button) throw new Error(`${journey.name}, step ${i + 1}: no button "${step.press}" among ${replies.flatMap((m) => m.buttons.flat()).map((b) => b.label).join(" | ")}`);
      replies = await send({ button: button.data });
    } else {
      replies = await send({ text: step.say ?? "" });
    }
    result.turns++;
    const text = replies.map((m) => m.text).join("\n---\n");
    for (const m of replies) {
      result.chars += m.text.length;
      result.longest = Math.max(result.longest, m.text.length);
    }
    const now = questionAt(replies);
    if (now !== null && now === at && !step.stays) result.refusals.push({ step: i + 1, typed: step.say ?? `[${step.press}]`, reply: text });
    if (step.expect && !text.toLowerCase().includes(step.expect.toLowerCase())) result.missed.push({ step: i + 1, expected: step.expect, reply: text });
    at = now;
    result.last = text;
  }
  return result;
}
