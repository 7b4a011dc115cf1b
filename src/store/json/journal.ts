import { appendFile, mkdir, readdir, truncate, unlink } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { StoreError, describeZodIssue } from "../errors.js";
import { readJsonLines } from "./json-lines.js";

/**
 * The store's write-ahead journal. A commit appends one line per unit of work — every record it
 * changed and every audit entry it made — to the current segment and returns once the append is
 * done: one small write per batch of units, whatever the size of the collections. A line cut
 * short by a crash or a full disk loses its whole unit, never part of one. The collection files
 * are brought up to date later, by a checkpoint, after which the segments it covers are deleted.
 * At start-up every remaining segment is replayed over the collection files, in order; each item
 * holds a whole record (or a deletion), so replaying a line twice changes nothing.
 */
const recordItemSchema = z.union([
  z.object({ c: z.string(), v: z.number().int().min(1), k: z.string(), r: z.unknown() }).strict(),
  z.object({ c: z.string(), v: z.number().int().min(1), k: z.string(), d: z.literal(1) }).strict(),
]);
export type RecordItem = z.infer<typeof recordItemSchema>;
/** An entry of a journaled log (the audit trail) and its position in that log. */
const logItemSchema = z.object({ l: z.string(), v: z.number().int().min(1), n: z.number().int().min(1), e: z.unknown() }).strict();
export type LogItem = z.infer<typeof logItemSchema>;

export const journalLineSchema = z.union([
  z.object({ t: z.array(recordItemSchema), a: z.array(logItemSchema).optional() }).strict(),
  // A line of the journal before units of work: one record.
  recordItemSchema,
]);

export interface JournalEntry {
  where: string;
  records: RecordItem[];
  logs: LogItem[];
}

const SEGMENT = /^(\d{6,})\.jsonl$/;

export class Journal {
  readonly dir: string;
  #seq = 0;
  #bytes = 0;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, "journal");
  }

  async #segments(): Promise<number[]> {
    const names = await readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [] as string[];
      throw e;
    });
    return names
      .map((n) => SEGMENT.exec(n)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  #file(seq: number): string {
    return path.join(this.dir, `${String(seq).padStart(6, "0")}.jsonl`);
  }

  /** The segments on disk now, oldest first (a reader beside the running bot compares two listings). */
  segments(): Promise<number[]> {
    return this.#segments();
  }

  /** The file of segment `seq`. */
  fileOf(seq: number): string {
    return this.#file(seq);
  }

  /**
   * Reads the given segments in order. `readOnly` (a reader beside the running bot) repairs
   * nothing, and a segment a checkpoint deleted since it was listed is reported in `missing`.
   */
  async read(seqs: readonly number[], onTorn: (file: string, message: string) => void, readOnly = false): Promise<{ entries: JournalEntry[]; missing: number[] }> {
    const entries: JournalEntry[] = [];
    const missing: number[] = [];
    for (const seq of seqs) {
      const file = this.#file(seq);
      let lines;
      try {
        lines = await readJsonLines(file, (m) => onTorn(file, m), readOnly);
      } catch (error) {
        if (readOnly && (error as NodeJS.ErrnoException).code === "ENOENT") {
          missing.push(seq);
          continue;
        }
        throw error;
      }
      for (const { lineNo, value } of lines) {
        const parsed = journalLineSchema.safeParse(value);
        if (!parsed.success) throw new StoreError(`${file}:${lineNo}`, describeZodIssue(parsed.error));
        const line = parsed.data;
        entries.push({ where: `${file}:${lineNo}`, ...("t" in line ? { records: line.t, logs: line.a ?? [] } : { records: [line], logs: [] }) });
      }
    }
    return { entries, missing };
  }

  /** Reads what earlier runs left, oldest first, and starts a fresh segment for this run. */
  async open(onTorn: (file: string, message: string) => void): Promise<JournalEntry[]> {
    await mkdir(this.dir, { recursive: true });
    const seqs = await this.#segments();
    const { entries } = await this.read(seqs, onTorn);
    this.#seq = (seqs[seqs.length - 1] ?? 0) + 1;
    return entries;
  }

  /**
   * Appends lines to the current segment; resolves when the write is done. A write that fails
   * part-way (a full disk) is cut back, so the segment never holds half a line before later ones.
   */
  async append(lines: readonly string[]): Promise<number> {
    if (lines.length === 0) return 0;
    const text = `${lines.join("\n")}\n`;
    const file = this.#file(this.#seq);
    try {
      await appendFile(file, text);
    } catch (error) {
      await truncate(file, this.#bytes).catch(() => {
        // Cannot even cut it back: later lines go to a new segment, and the torn tail stays the
        // last line of this one, set aside at the next start.
        this.#seq++;
        this.#bytes = 0;
      });
      throw error;
    }
    const bytes = Buffer.byteLength(text);
    this.#bytes += bytes;
    return bytes;
  }

  /** Bytes in the current segment. */
  get size(): number {
    return this.#bytes;
  }

  /** Starts a new segment; returns the segments that a checkpoint started now will cover. Call between appends. */
  async rotate(): Promise<number[]> {
    const covered = (await this.#segments()).filter((s) => s <= this.#seq);
    this.#seq++;
    this.#bytes = 0;
    return covered;
  }

  async remove(seqs: readonly number[]): Promise<void> {
    for (const seq of seqs) {
      await unlink(this.#file(seq)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
      });
      // A torn line set aside beside the segment, if any: kept for a person to read, gone with the segment when it can be.
      await unlink(`${this.#file(seq)}.torn`).catch(() => undefined);
    }
  }
}
