import { UPLOAD_ID_PATTERN, uploadIdOf, uploadMetaSchema, type UploadMeta } from "../../../domain/records/upload.js";
import type { UploadsRepository } from "../../repositories.js";
import type { PgContext } from "../context.js";

const PUT = `INSERT INTO uploads (id, name, mime, size, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`;
const GET = `SELECT name, mime, bytes FROM uploads WHERE id = $1`;
const DELETE = `DELETE FROM uploads WHERE id = $1`;

/**
 * A row per upload with its bytes (`bytea`), on the pool: not part of the caller's unit of work, so
 * the file is there for every instance as soon as `put` resolves.
 */
export function pgUploads(ctx: PgContext, options: { readOnly: boolean }): UploadsRepository {
  const writable = (what: string) => {
    if (options.readOnly) throw new Error(`uploads: ${what} on a read-only store`);
  };
  return {
    async put(bytes, meta: UploadMeta) {
      writable("put");
      const checked = uploadMetaSchema.parse(meta);
      const id = uploadIdOf(bytes);
      await ctx.pool.query(PUT, [id, checked.name, checked.mime, bytes.length, Buffer.from(bytes)]);
      return id;
    },
    async get(id) {
      if (!UPLOAD_ID_PATTERN.test(id)) return undefined;
      const { rows } = await ctx.pool.query<{ name: string; mime: string; bytes: Buffer }>(GET, [id]);
      const row = rows[0];
      if (!row) return undefined;
      const meta = ctx.checkRead(uploadMetaSchema, { name: row.name, mime: row.mime }, `uploads[${id}]`);
      return { ...meta, bytes: new Uint8Array(row.bytes) };
    },
    async delete(id) {
      writable("delete");
      if (!UPLOAD_ID_PATTERN.test(id)) return false;
      const { rowCount } = await ctx.pool.query(DELETE, [id]);
      return (rowCount ?? 0) > 0;
    },
  };
}
