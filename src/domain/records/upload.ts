import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * A file a user sent through a channel that gives us the bytes themselves (the web chat), kept by
 * the bot so officials on any channel can open it. Its id is the SHA-256 of its bytes (hex): the
 * same file sent twice is kept once.
 */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{64}$/;

/** The id of these bytes, the same on every backend (a file moved between them keeps its references). */
export function uploadIdOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What is kept beside the bytes: the name made safe and the type the server decided (never the sender's say). */
export const uploadMetaSchema = z.object({
  name: z.string().min(1).max(512),
  mime: z.string().min(1).max(256),
});
export type UploadMeta = z.infer<typeof uploadMetaSchema>;

export interface StoredUpload extends UploadMeta {
  bytes: Uint8Array;
}
