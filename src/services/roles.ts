import { z } from "zod";
import type { Role } from "../core/feature.js";
import type { MessageRef } from "../core/i18n.js";
import { userKeyOf, type ChannelName, type UserRef } from "../core/types.js";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

export const ROLES = ["official", "admin"] as const satisfies readonly Role[];

/** A role given in the bot (`/quyen`): who gave it and when. Revoking deletes it; the audit log keeps both. */
export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  grantedBy: z.string().min(3).max(200),
  grantedAt: z.iso.datetime(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** Keyed by user key (`telegram:123456`); a handful of records, one small file. */
export const rolesCollection = defineCollection({ name: "roles", version: 1, record: roleGrantSchema, shards: 1 });

/**
 * Channels whose user ids the platform vouches for, so a role can be given to one. Web chat
 * sessions are ids a browser made up, and the terminal is whoever sits at the server: neither
 * can hold a role until they get a sign-in of their own.
 */
export const GRANTABLE_CHANNELS: readonly ChannelName[] = ["telegram", "zalo"];

export interface RoleHolder {
  userKey: string;
  role: Role;
  /** From OFFICIAL_TELEGRAM_IDS: cannot be changed in the bot. */
  bootstrap: boolean;
  grantedBy: string | null;
  grantedAt: string | null;
}

export type RoleChange = { ok: true; holder: RoleHolder; previous: Role | null } | { ok: false; error: MessageRef };

export interface Roles {
  /** The role of this user now; asked again for every command and button press. */
  roleOf(user: Pick<UserRef, "channel" | "id">): Role | null;
  /** The same by user key (`telegram:123`), e.g. for whoever made an audited change. */
  roleOfKey(userKey: string): Role | null;
  /** Gives or changes a role; an admin's act (the caller checks that `by` is an admin). */
  grant(userKey: string, role: Role, by: string, now: Date): RoleChange;
  /** Takes a role given in the bot away. */
  revoke(userKey: string, by: string, now: Date): RoleChange;
  /** Everyone with a role: the bootstrap admins first, then the grants, oldest first. */
  holders(): RoleHolder[];
  /** Told synchronously of every grant and revocation (the audit log listens). */
  subscribe(listener: (event: RoleEvent) => void): () => void;
}

export type RoleEvent = { kind: "granted" | "revoked"; userKey: string; role: Role; previous: Role | null; by: string; at: string };

/** `123456`, `telegram:123456` or `zalo:…` → a user key a role may be given to, or why not. */
export function parseRoleTarget(input: string): { ok: true; userKey: string } | { ok: false; error: MessageRef } {
  const text = input.trim();
  const m = /^(?:([a-z]+):)?(\d{1,25})$/.exec(text);
  if (!m) return { ok: false, error: { key: "roles-target-invalid", args: { input: text } } };
  const channel = (m[1] ?? "telegram") as ChannelName;
  if (!GRANTABLE_CHANNELS.includes(channel)) return { ok: false, error: { key: "roles-channel-not-grantable", args: { channel } } };
  return { ok: true, userKey: `${channel}:${m[2]}` };
}

/**
 * Who may use officials' commands. The bootstrap admins come from OFFICIAL_TELEGRAM_IDS (always
 * admins, whatever is stored); everyone else holds the role an admin gave them in the bot. The
 * check runs on the server for every command and button, whatever the client sent.
 */
export function createRoles(bootstrapTelegramAdmins: readonly string[], grants?: Collection<RoleGrant>): Roles {
  const bootstrap = new Set(bootstrapTelegramAdmins.map((id) => `telegram:${id}`));
  const listeners = new Set<(event: RoleEvent) => void>();
  const roleOfKey = (key: string): Role | null => (bootstrap.has(key) ? "admin" : (grants?.get(key)?.role ?? null));
  const emit = (event: RoleEvent) => {
    for (const listener of listeners) listener(event);
  };
  const holderOf = (key: string): RoleHolder | null => {
    if (bootstrap.has(key)) return { userKey: key, role: "admin", bootstrap: true, grantedBy: null, grantedAt: null };
    const g = grants?.get(key);
    return g ? { userKey: key, role: g.role, bootstrap: false, grantedBy: g.grantedBy, grantedAt: g.grantedAt } : null;
  };

  return {
    roleOf: (user) => roleOfKey(userKeyOf(user)),
    roleOfKey,
    grant(userKey, role, by, now) {
      if (!grants) throw new Error("roles: no collection to store grants in");
      if (bootstrap.has(userKey)) return { ok: false, error: { key: "roles-bootstrap-fixed", args: { user: userKey } } };
      if (userKey === by) return { ok: false, error: { key: "roles-not-self" } };
      const previous = grants.get(userKey)?.role ?? null;
      if (previous === role) return { ok: false, error: { key: "roles-already", args: { user: userKey } } };
      const at = now.toISOString();
      grants.set(userKey, { role, grantedBy: by, grantedAt: at });
      emit({ kind: "granted", userKey, role, previous, by, at });
      return { ok: true, holder: holderOf(userKey)!, previous };
    },
    revoke(userKey, by, now) {
      if (!grants) throw new Error("roles: no collection to store grants in");
      if (bootstrap.has(userKey)) return { ok: false, error: { key: "roles-bootstrap-fixed", args: { user: userKey } } };
      if (userKey === by) return { ok: false, error: { key: "roles-not-self" } };
      const existing = holderOf(userKey);
      if (!existing) return { ok: false, error: { key: "roles-none", args: { user: userKey } } };
      grants.delete(userKey);
      emit({ kind: "revoked", userKey, role: existing.role, previous: existing.role, by, at: now.toISOString() });
      return { ok: true, holder: existing, previous: existing.role };
    },
    holders() {
      const granted = [...(grants?.entries() ?? [])]
        .filter(([key]) => !bootstrap.has(key))
        .map(([key]) => holderOf(key)!)
        .sort((a, b) => (a.grantedAt ?? "").localeCompare(b.grantedAt ?? "") || a.userKey.localeCompare(b.userKey));
      return [...[...bootstrap].map((key) => holderOf(key)!), ...granted];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
