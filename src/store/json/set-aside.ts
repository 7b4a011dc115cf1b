import { rename } from "node:fs/promises";

/**
 * Moves a JSON store's folder aside whole, to `<dir>.replaced-<UTC time>` beside it, and returns
 * where (`store copy --replace`): the records that were there are kept, never deleted — personal
 * data stays where its owner put it, with the folder's own permissions.
 */
export async function setAsideDataDir(dir: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const to = `${dir.replace(/[\\/]+$/, "")}.replaced-${stamp}`;
  await rename(dir, to);
  return to;
}
