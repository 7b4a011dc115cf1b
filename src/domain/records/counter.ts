import { z } from "zod";

/** Sequences that only go up (tracking codes, broadcast ids): a number once handed out is never handed out again. */
export const counterRecordSchema = z.object({ last: z.number().int().min(0) });
export type CounterRecord = z.infer<typeof counterRecordSchema>;
