import { z } from "zod";

/**
 * The department's own content as officials edit it (src/services/content-*.ts): the province
 * profile, knowledge-base entries and new sources — each a whole document in the data/ format,
 * checked by the service against the same schema data/ is loaded with (the store holds plain JSON,
 * so the domain does not depend on the knowledge loaders).
 */
export const CONTENT_KINDS = ["profile", "entry", "source"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

const contentId = z.string().min(1).max(100);
/** A JSON object (a profile, an entry, a source), as in data/. */
export const contentBodySchema = z.record(z.string(), z.json());
export type ContentBody = z.infer<typeof contentBodySchema>;

/** The document served now, by kind and id. `version` counts its saves (1 = the first edit). */
export const contentDocumentSchema = z.object({
  kind: z.enum(CONTENT_KINDS),
  id: contentId,
  version: z.number().int().min(1),
  document: contentBodySchema,
  /** An entry (or source) officials added; false for one of data/ edited in place. */
  added: z.boolean().default(false),
  savedAt: z.iso.datetime(),
  /** The official's user key (`telegram:123`), as in the audit trail. */
  savedBy: z.string().min(1).max(200),
});
export type ContentDocument = z.infer<typeof contentDocumentSchema>;

/** One save: who, when, the document before (null: data/'s, or none for an added one) and after. */
export const contentHistoryStepSchema = z.object({
  kind: z.enum(CONTENT_KINDS),
  id: contentId,
  version: z.number().int().min(1),
  at: z.iso.datetime(),
  by: z.string().min(1).max(200),
  role: z.enum(["official", "admin"]),
  /** Where the save came from: the bot, the web desk, the command line. */
  via: z.enum(["bot", "web", "cli"]).default("web"),
  previous: contentBodySchema.nullable(),
  next: contentBodySchema,
});
export type ContentHistoryStep = z.infer<typeof contentHistoryStepSchema>;

/** Store keys: `entry:gt-la-gi` for a document, `entry:gt-la-gi:000003` for its third save. */
export const contentKey = (kind: ContentKind, id: string): string => `${kind}:${id}`;
export const contentHistoryKey = (kind: ContentKind, id: string, version: number): string => `${kind}:${id}:${String(version).padStart(6, "0")}`;
