import { appendFile, readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { StoreError } from "../errors.js";

export interface JsonLine {
  lineNo: number;
  value: unknown;
}

/**
 * Reads a JSON Lines file written by appends. The last line may have been cut short by a crash
 * (it has no newline and is not valid JSON): it is moved to `<file>.torn` and cut off, and
 * `onTorn` is told. A complete last line without its newline gets the newline. Any other bad
 * line is an error naming the file and line. `readOnly` (a reader beside the running bot) changes
 * nothing on disk and skips an incomplete last line.
 */
export async function readJsonLines(file: string, onTorn: (message: string) => void, readOnly = false): Promise<JsonLine[]> {
  const text = await readFile(file, "utf8");
  const lines = text.split("\n");
  const tail = lines.pop() ?? "";
  if (tail !== "") {
    if (parses(tail)) {
      lines.push(tail);
      if (!readOnly) await appendFile(file, "\n");
    } else if (readOnly) {
      // Being written right now by the running bot, or left by a crash: not part of any completed commit.
      onTorn(`ignored an incomplete last line (${tail.length} characters)`);
    } else {
      await writeFile(`${file}.torn`, tail, { flag: "a" });
      await truncate(file, Buffer.byteLength(text) - Buffer.byteLength(tail));
      onTorn(`cut off a line left incomplete by a crash (${tail.length} characters, kept in ${path.basename(file)}.torn)`);
    }
  }
  const out: JsonLine[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      out.push({ lineNo: i + 1, value: JSON.parse(line) });
    } catch (error) {
      throw new StoreError(`${file}:${i + 1}`, `is not valid JSON (${(error as Error).message})`);
    }
  });
  return out;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Appends `text` to `file` whole or not at all: when the write fails part-way (a full disk), the
 * file is cut back to its length before, so no partial line is followed by later ones. Returns
 * the bytes written.
 */
export async function appendWhole(file: string, text: string): Promise<number> {
  const before = await stat(file).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return 0;
      throw e;
    },
  );
  try {
    await appendFile(file, text);
  } catch (error) {
    // Not cut back, later lines would follow a partial one: say so rather than carry on as if it were.
    await truncate(file, before).catch((cut: unknown) => {
      throw new AggregateError([error, cut], `${file}: an append failed and the file could not be cut back to ${before} bytes`);
    });
    throw error;
  }
  return Buffer.byteLength(text);
}
