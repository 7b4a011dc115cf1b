import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Role } from "../core/feature.js";
import type { DeskCredential } from "../domain/records/desk-credential.js";
import type { Storage } from "../store/port.js";
import type { DeskCredentialsRepository } from "../store/repositories.js";
import type { Roles } from "./roles.js";

/** A sign-in link works once, for this long. */
export const LINK_MINUTES = 10;
/** A session ends after this long without a request. */
export const SESSION_IDLE_HOURS = 8;
/** A session's last request is written at most this often (every click would be a write). */
const TOUCH_EVERY_MS = 60_000;

export type RedeemRefusal = "malformed" | "unknown" | "used" | "expired" | "not-official";

/** An official signed in to the web desk, with the role the store gives them at this request. */
export interface DeskOfficial {
  userKey: string;
  role: Role;
  /** The session's CSRF token, which every form carries. */
  csrf: string;
}

export interface DeskAuth {
  /** A new sign-in link token for this official (the caller checked the role); 256 random bits, shown once. */
  issueLink(userKey: string, now: Date): Promise<{ token: string; expiresAt: string }>;
  /** Whether a link would be taken now, without using it (the page a link opens asks for one more click, so a link preview uses nothing). */
  inspect(token: string, now: Date): Promise<{ ok: true } | { ok: false; reason: RedeemRefusal }>;
  /** Uses a link: a new session id for its official, or why not (the link is used up either way once valid). */
  redeem(token: string, now: Date): Promise<{ ok: true; session: string; userKey: string } | { ok: false; reason: RedeemRefusal }>;
  /** The official behind a session id now — their role asked again — or null (unknown, idle too long, no role). */
  check(session: string, now: Date): Promise<DeskOfficial | null>;
  /** Whether `token` is the session's CSRF token (compared in constant time). */
  csrfMatches(official: DeskOfficial, token: string): boolean;
  /** Ends every session of this official, on every browser. */
  signOut(userKey: string): Promise<number>;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const digest = (prefix: string, secret: string) => createHash("sha256").update(`nscl-desk-${prefix}:${secret}`).digest("hex");
export const linkKey = (token: string) => `l:${digest("link", token)}`;
export const sessionKey = (session: string) => `s:${digest("session", session)}`;
/** Derived from the session id (one-way, another domain than the stored key): nothing more to store. */
const csrfOf = (session: string) => createHash("sha256").update(`nscl-desk-csrf:${session}`).digest("base64url");

/**
 * Sign-in to the officials' web desk without passwords (README, "The officials' web desk"): the bot
 * gives an official a link (`/dangnhap`); opening it makes a session. Only hashes of the link token
 * and of the session id are stored — whoever reads the store cannot sign in — so several instances
 * on one database share them. The role is asked of the roles service at every request, and a
 * revoked role ends the official's sessions in the same unit of work.
 */
export function createDeskAuth(repo: DeskCredentialsRepository, units: Pick<Storage, "unit">, roles: Roles): DeskAuth {
  roles.subscribe(async (event) => {
    if (event.kind === "revoked") await repo.endSessions(event.userKey);
  });
  return {
    async issueLink(userKey, now) {
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + LINK_MINUTES * 60_000).toISOString();
      await units.unit(async () => {
        // Old links and sessions go as new ones are made: the table stays a few rows per official.
        await repo.prune(now.toISOString(), new Date(now.getTime() - SESSION_IDLE_HOURS * 3_600_000).toISOString());
        await repo.put(linkKey(token), { kind: "link", userKey, createdAt: now.toISOString(), expiresAt, usedAt: null });
      });
      return { token, expiresAt };
    },
    async inspect(token, now) {
      if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "malformed" };
      const found = await repo.get(linkKey(token));
      if (!found || found.kind !== "link") return { ok: false, reason: "unknown" };
      if (found.usedAt) return { ok: false, reason: "used" };
      if (Date.parse(found.expiresAt) <= now.getTime()) return { ok: false, reason: "expired" };
      if (!(await roles.roleOfKey(found.userKey))) return { ok: false, reason: "not-official" };
      return { ok: true };
    },
    async redeem(token, now) {
      if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "malformed" };
      return units.unit(async () => {
        let refusal: RedeemRefusal | null = null;
        let link: Extract<DeskCredential, { kind: "link" }> | null = null;
        // Under the record's lock: two browsers opening one link cannot both get a session.
        await repo.update(linkKey(token), (current) => {
          if (!current || current.kind !== "link") refusal = "unknown";
          else if (current.usedAt) refusal = "used";
          else if (Date.parse(current.expiresAt) <= now.getTime()) refusal = "expired";
          if (refusal || current?.kind !== "link") return undefined;
          link = current;
          return { ...current, usedAt: now.toISOString() };
        });
        if (refusal || !link) return { ok: false as const, reason: refusal ?? "unknown" };
        const userKey = (link as { userKey: string }).userKey;
        if (!(await roles.roleOfKey(userKey))) return { ok: false as const, reason: "not-official" as const };
        const session = randomBytes(32).toString("base64url");
        await repo.put(sessionKey(session), { kind: "session", userKey, createdAt: now.toISOString(), lastSeenAt: now.toISOString() });
        return { ok: true as const, session, userKey };
      });
    },
    async check(session, now) {
      if (!TOKEN_PATTERN.test(session)) return null;
      const key = sessionKey(session);
      const found = await repo.get(key);
      if (!found || found.kind !== "session") return null;
      const seen = Date.parse(found.lastSeenAt);
      if (seen + SESSION_IDLE_HOURS * 3_600_000 <= now.getTime()) {
        await units.unit(() => repo.delete(key));
        return null;
      }
      const role = await roles.roleOfKey(found.userKey);
      if (!role) return null;
      if (now.getTime() - seen >= TOUCH_EVERY_MS) {
        await units.unit(() => repo.update(key, (c) => (c?.kind === "session" ? { ...c, lastSeenAt: now.toISOString() } : undefined)));
      }
      return { userKey: found.userKey, role, csrf: csrfOf(session) };
    },
    csrfMatches(official, token) {
      const a = Buffer.from(official.csrf);
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    signOut: (userKey) => units.unit(() => repo.endSessions(userKey)),
  };
}
