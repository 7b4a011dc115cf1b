import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { StoreError, describeZodIssue } from "../errors.js";
import { appendWhole, readJsonLines } from "./json-lines.js";
import type { JsonUnit } from "./unit.js";

/**
 * An append-only log: one JSON object per line, one file per period (month by default), so
 * no file grows without bound and nothing is ever rewritten. Used for the audit trail and
 * delivery records. Each line carries the schema version as `v`.
 *
 * A log kept in memory (the audit trail) is part of its unit's journal line: an entry and the
 * change it records reach the disk in one write, and each entry carries its position `n` so that
 * replaying the journal after a crash appends only what the files lack. A `lazy` log (delivery
 * records: many lines, read a file at a time) is appended directly at commit.
 */
export interface LogDefinition<T extends object> {
  name: string;
  version: number;
  entry: z.ZodType<T>;
  /** The file an entry belongs to, e.g. "2026-11" — usually derived from its timestamp. */
  fileOf(entry: T): string;
  migrations?: Record<number, (entry: unknown) => unknown>;
  /**
   * Files are read on demand (`read(file)`) instead of at start, and appended entries are not
   * kept in memory: for logs of many large files, such as a delivery record per broadcast.
   */
  lazy?: boolean;
}

export function defineLog<T extends object>(definition: LogDefinition<T>): LogDefinition<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) throw new Error(`bad log name ${definition.name}`);
  return definition;
}

/** Month of an ISO timestamp, the usual `fileOf`. */
export function monthOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 7);
}

/** A journaled log's line: its version and its position `n` in the log (so its entries may not have an `n` of their own). */
const lineEnvelope = z.object({ v: z.number().int().min(1), n: z.number().int().min(1).optional() }).passthrough();
const lazyEnvelope = z.object({ v: z.number().int().min(1) }).passthrough();

export interface LogWarning {
  file: string;
  message: string;
}

export class AppendLog<T extends object> {
  readonly #entries: T[] = [];
  #pending: { file: string; line: string }[] = [];
  /** The highest position `n` written to the files, and handed out (journaled logs). */
  #lastInFiles = 0;
  #lastN = 0;
  readonly #watchers: ((entry: T, added: boolean) => void)[] = [];
  #warn: (w: LogWarning) => void = () => {};
  #readOnly = false;
  readonly dir: string;

  constructor(
    readonly definition: LogDefinition<T>,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, definition.name);
  }

  get name(): string {
    return this.definition.name;
  }

  /**
   * Reads every file. A last line cut short by a crash (no newline, not valid JSON) is moved to
   * `<file>.torn` and cut off; any other bad line stops the start with the file and line number.
   * `readOnly` (a reader beside the running bot) writes nothing and skips an incomplete last line.
   */
  async load(warn: (w: LogWarning) => void = () => {}, readOnly = false): Promise<void> {
    if (!readOnly) await mkdir(this.dir, { recursive: true });
    this.#warn = warn;
    this.#readOnly = readOnly;
    if (this.definition.lazy) return;
    const names = await readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (readOnly && e.code === "ENOENT") return [] as string[];
      throw e;
    });
    const files = names.filter((f) => f.endsWith(".jsonl")).sort();
    for (const name of files) {
      const file = path.join(this.dir, name);
      const lines = await readJsonLines(file, (message) => warn({ file, message }), readOnly);
      for (const { lineNo, value } of lines) {
        const { entry, n } = this.#parseLine(file, lineNo, value);
        this.#entries.push(entry);
        if (n !== undefined && n > this.#lastInFiles) this.#lastInFiles = n;
      }
    }
    this.#lastN = this.#lastInFiles;
  }

  #parseEntry(file: string, lineNo: number, json: unknown): T {
    return this.#parseLine(file, lineNo, json).entry;
  }

  #parseLine(file: string, lineNo: number, json: unknown): { entry: T; n: number | undefined } {
    // A lazy log's lines carry no position: an `n` there is the entry's own (a delivery attempt).
    if (this.definition.lazy) {
      const env = lazyEnvelope.safeParse(json);
      if (!env.success) throw new StoreError(`${file}:${lineNo}`, describeZodIssue(env.error));
      const { v, ...rest } = env.data;
      return { entry: this.#check(`${file}:${lineNo}`, v, rest), n: undefined };
    }
    const env = lineEnvelope.safeParse(json);
    if (!env.success) throw new StoreError(`${file}:${lineNo}`, describeZodIssue(env.error));
    const { v, n, ...rest } = env.data;
    return { entry: this.#check(`${file}:${lineNo}`, v, rest), n };
  }

  /** Migrates an entry written at version `v` and validates it. */
  #check(where: string, v: number, rest: unknown): T {
    if (v > this.definition.version) {
      throw new StoreError(where, `was written by a newer version of the bot (v${v})`);
    }
    let entry: unknown = rest;
    for (let from = v; from < this.definition.version; from++) {
      const migrate = this.definition.migrations?.[from];
      if (!migrate) throw new StoreError(where, `has schema v${v} and there is no migration from v${from}`);
      entry = migrate(entry);
    }
    const checked = this.definition.entry.safeParse(entry);
    if (!checked.success) throw new StoreError(where, describeZodIssue(checked.error));
    return checked.data;
  }

  /** Whether entries go through the journal with their unit (kept in memory), or straight to the files (lazy). */
  get journaled(): boolean {
    return !this.definition.lazy;
  }

  /** Indexes over a journaled log hear of every entry added, and of one taken back by a failed unit. */
  watch(watcher: (entry: T, added: boolean) => void): void {
    this.#watchers.push(watcher);
  }

  /** Adds an entry as part of `unit`; written by its commit, taken back if the commit fails. */
  append(entry: T, unit: JsonUnit): T {
    if (unit.ended) throw new Error(`${this.name}: the unit of work has ended`);
    const checked = this.definition.entry.safeParse(entry);
    if (!checked.success) throw new Error(`${this.name} entry does not fit its schema: ${describeZodIssue(checked.error)}`);
    const file = this.definition.fileOf(checked.data);
    if (!/^[A-Za-z0-9_-]+$/.test(file)) throw new Error(`${this.name}: bad log file name ${file}`);
    const value = checked.data;
    unit.entries.push({ log: this as unknown as AppendLog<object>, entry: value });
    // A lazy log's lines are taken from the unit by its commit (writeDirect).
    if (this.definition.lazy) return value;
    this.#entries.push(value);
    for (const w of this.#watchers) w(value, true);
    unit.onSettle((committed) => {
      if (committed) return;
      const i = this.#entries.lastIndexOf(value);
      if (i >= 0) this.#entries.splice(i, 1);
      for (const w of this.#watchers) w(value, false);
    });
    return value;
  }

  /** A journaled entry's item in its unit's journal line, with the next position. Call at commit, in commit order. */
  journalItem(entry: T): { n: number; item: string } {
    const n = ++this.#lastN;
    return { n, item: JSON.stringify({ l: this.name, v: this.definition.version, n, e: entry }) };
  }

  /** After the journal line is on disk: the entry goes to its file (at the next flush, retried until it is written). */
  committed(n: number, entry: T): void {
    if (this.#readOnly) return;
    this.#pending.push({ file: this.definition.fileOf(entry), line: JSON.stringify({ v: this.definition.version, n, ...entry }) });
  }

  /**
   * A journaled entry found in the journal at start: kept when the files lack it (a crash came
   * between the journal and the file), ignored when they have it.
   */
  replay(where: string, v: number, n: number, raw: unknown): void {
    if (n <= this.#lastInFiles) return;
    const entry = this.#check(where, v, raw);
    this.#entries.push(entry);
    this.#lastInFiles = n;
    this.#lastN = Math.max(this.#lastN, n);
    this.committed(n, entry);
  }

  /** Every entry, oldest first (not for a lazy log: use `read`). */
  entries(): readonly T[] {
    if (this.definition.lazy) throw new Error(`${this.name} is read file by file (read)`);
    return this.#entries;
  }

  /**
   * The entries of one file as written so far (a lazy log's way to read), oldest first; [] when
   * it does not exist. A last line cut off by a crash is set aside as at start. Entries appended
   * but not yet committed are not included.
   */
  async read(file: string): Promise<T[]> {
    if (!/^[A-Za-z0-9_-]+$/.test(file)) throw new Error(`${this.name}: bad log file name ${file}`);
    const full = path.join(this.dir, `${file}.jsonl`);
    if (this.#pending.some((p) => p.file === file)) throw new Error(`${this.name}/${file}: commit before reading`);
    let lines;
    try {
      lines = await readJsonLines(full, (message) => this.#warn({ file: full, message }), this.#readOnly);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return lines.map(({ lineNo, value }) => this.#parseEntry(full, lineNo, value));
  }

  /** The names of the files written so far (without `.jsonl`), sorted. */
  async files(): Promise<string[]> {
    const names = await readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (this.#readOnly && e.code === "ENOENT") return [] as string[];
      throw e;
    });
    return names
      .filter((f) => f.endsWith(".jsonl"))
      .map((f) => f.slice(0, -".jsonl".length))
      .sort();
  }

  get hasPending(): boolean {
    return this.#pending.length > 0;
  }

  /** A lazy log's entries of committing units, straight to their files (one write per file); returns the bytes written. */
  async writeDirect(entries: readonly T[]): Promise<number> {
    const byFile = new Map<string, string[]>();
    for (const entry of entries) {
      const file = this.definition.fileOf(entry);
      const list = byFile.get(file) ?? [];
      list.push(JSON.stringify({ v: this.definition.version, ...entry }));
      byFile.set(file, list);
    }
    let bytes = 0;
    for (const [file, lines] of byFile) bytes += await appendWhole(path.join(this.dir, `${file}.jsonl`), `${lines.join("\n")}\n`);
    return bytes;
  }

  /** Appends what is pending, one write per file; returns the bytes written. */
  async flush(): Promise<number> {
    const batch = this.#pending;
    this.#pending = [];
    const byFile = new Map<string, string[]>();
    for (const { file, line } of batch) {
      const list = byFile.get(file) ?? [];
      list.push(line);
      byFile.set(file, list);
    }
    let bytes = 0;
    try {
      for (const [file, lines] of byFile) {
        bytes += await appendWhole(path.join(this.dir, `${file}.jsonl`), `${lines.join("\n")}\n`);
        byFile.delete(file);
      }
    } catch (error) {
      // Keep what was not written for the next commit.
      const unwritten = batch.filter((b) => byFile.has(b.file));
      this.#pending = [...unwritten, ...this.#pending];
      throw error;
    }
    return bytes;
  }
}
