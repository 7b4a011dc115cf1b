import { randomBytes } from "node:crypto";
import { link, open, readFile, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { UPLOAD_ID_PATTERN, uploadIdOf, uploadMetaSchema, type StoredUpload, type UploadMeta } from "../../../domain/records/upload.js";
import { StoreError, describeZodIssue } from "../../errors.js";
import type { UploadsRepository } from "../../repositories.js";
import { ensurePrivateDir } from "../private-dir.js";

/**
 * One file per upload under DATA_DIR/uploads/, named by the SHA-256 of its bytes: a line of JSON
 * (the name and type) and the bytes after it. The folder is 0700 and each file 0600 whatever the
 * umask; a file appears whole (written aside, then linked into place), so a crash leaves at most
 * a hidden `.part-*` file, which backups skip.
 */
export function jsonUploads(dataDir: string, options: { readOnly: boolean }): UploadsRepository {
  const dir = path.join(dataDir, "uploads");
  const fileOf = (id: string) => path.join(dir, id);
  let made: Promise<void> | null = null;
  const ensureDir = () => (made ??= ensurePrivateDir(dir).catch((error: unknown) => {
    made = null;
    throw error;
  }));
  const writable = (what: string) => {
    if (options.readOnly) throw new Error(`uploads: ${what} on a read-only store`);
  };

  return {
    async put(bytes, meta: UploadMeta) {
      writable("put");
      const checked = uploadMetaSchema.parse(meta);
      const id = uploadIdOf(bytes);
      await ensureDir();
      const part = path.join(dir, `.part-${randomBytes(8).toString("hex")}`);
      const handle = await open(part, "wx", 0o600);
      try {
        await handle.writeFile(Buffer.concat([Buffer.from(`${JSON.stringify(checked)}\n`, "utf8"), Buffer.from(bytes)]));
        // The mode asked for at creation is narrowed by the umask only; make sure of it.
        await handle.chmod(0o600);
      } catch (error) {
        await handle.close();
        await rm(part, { force: true });
        throw error;
      }
      await handle.close();
      try {
        // Into place only if absent: the same bytes already kept stay as they were (their first name).
        await link(part, fileOf(id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      } finally {
        await rm(part, { force: true });
      }
      return id;
    },
    async get(id) {
      if (!UPLOAD_ID_PATTERN.test(id)) return undefined;
      let content: Buffer;
      try {
        content = await readFile(fileOf(id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
      const newline = content.indexOf(0x0a);
      let meta: unknown;
      try {
        meta = JSON.parse(content.subarray(0, newline < 0 ? 0 : newline).toString("utf8"));
      } catch {
        throw new StoreError(fileOf(id), "the first line is not JSON");
      }
      const checked = uploadMetaSchema.safeParse(meta);
      if (!checked.success) throw new StoreError(fileOf(id), describeZodIssue(checked.error));
      const upload: StoredUpload = { ...checked.data, bytes: new Uint8Array(content.subarray(newline + 1)) };
      return upload;
    },
    async delete(id) {
      writable("delete");
      if (!UPLOAD_ID_PATTERN.test(id)) return false;
      try {
        await unlink(fileOf(id));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
  };
}
