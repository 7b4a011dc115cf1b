import { createHash } from "node:crypto";
import type { DumpItem, Storage } from "./port.js";

/** How many records of each kind, and a checksum over them in key order. */
export type Inventory = Record<string, { count: number; sha256: string }>;

/** JSON with object keys sorted at every level: the same record gives the same text on every backend. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Counts and checksums every kind of record in a store (read through its dump). */
export async function inventory(storage: Storage): Promise<Inventory> {
  const hashes = new Map<string, { count: number; hash: ReturnType<typeof createHash> }>();
  for await (const item of storage.dump()) {
    let entry = hashes.get(item.kind);
    if (!entry) {
      entry = { count: 0, hash: createHash("sha256") };
      hashes.set(item.kind, entry);
    }
    entry.count++;
    entry.hash.update(`${item.key}\u0000${canonicalJson(item.record)}\n`);
  }
  return Object.fromEntries([...hashes].map(([kind, e]) => [kind, { count: e.count, sha256: e.hash.digest("hex") }]));
}

export type CopyResult =
  | { ok: true; records: number; inventory: Inventory }
  | { ok: false; reason: "target-not-empty" }
  | { ok: false; reason: "mismatch"; records: number; differences: { kind: string; source: { count: number; sha256: string } | null; target: { count: number; sha256: string } | null }[] };

/**
 * Copies every record of `from` into `to` (checked against its schema on the way in), then
 * compares the two: the same count and checksum for every kind of record, or a list of what
 * differs. A target that holds anything is refused (copying into a used store would mix two
 * histories); make a new DATA_DIR or empty the database first.
 */
export async function copyStore(from: Storage, to: Storage): Promise<CopyResult> {
  if (!(await to.isEmpty())) return { ok: false, reason: "target-not-empty" };
  const records = await to.restore(from.dump());
  const [source, target] = await Promise.all([inventory(from), inventory(to)]);
  const kinds = [...new Set([...Object.keys(source), ...Object.keys(target)])].sort();
  const differences = kinds
    .filter((k) => source[k]?.count !== target[k]?.count || source[k]?.sha256 !== target[k]?.sha256)
    .map((kind) => ({ kind, source: source[kind] ?? null, target: target[kind] ?? null }));
  if (differences.length) return { ok: false, reason: "mismatch", records, differences };
  return { ok: true, records, inventory: source };
}

/** For the dump of a storage: how many items of each kind (for messages). */
export function describeInventory(inv: Inventory): string {
  return Object.entries(inv)
    .map(([kind, { count }]) => `${kind} ${count}`)
    .join(", ");
}

export type { DumpItem };
