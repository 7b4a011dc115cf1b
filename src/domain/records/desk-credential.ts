import { z } from "zod";

const iso = z.iso.datetime();
const userKey = z.string().min(3).max(200);

/**
 * What the officials' web desk keeps to sign an official in (src/services/desk-auth.ts). Stored
 * under a hash of the credential (`l:<sha256 of the link token>`, `s:<sha256 of the session id>`):
 * the token and the session id themselves are never stored, logged or shown again.
 */
export const deskCredentialSchema = z.discriminatedUnion("kind", [
  /** A sign-in link made by `/dangnhap`: for one official, valid once, until `expiresAt`. */
  z.object({ kind: z.literal("link"), userKey, createdAt: iso, expiresAt: iso, usedAt: iso.nullable().default(null) }),
  /** A browser signed in: ends when idle too long, or when the official signs out anywhere. */
  z.object({ kind: z.literal("session"), userKey, createdAt: iso, lastSeenAt: iso }),
]);
export type DeskCredential = z.infer<typeof deskCredentialSchema>;
