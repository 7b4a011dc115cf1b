import type { Role } from "../core/feature.js";
import type { MessageRef } from "../core/i18n.js";
import { userKeyOf, type ChannelName, type UserRef } from "../core/types.js";
import type { RoleGrant } from "../domain/records/role-grant.js";
import type { RolesRepository } from "../store/repositories.js";

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
  roleOf(user: Pick<UserRef, "channel" | "id">): Promise<Role | null>;
  /** The same by user key (`telegram:123`), e.g. for whoever made an audited change. */
  roleOfKey(userKey: string): Promise<Role | null>;
  /** Gives or changes a role; an admin's act (the caller checks that `by` is an admin). */
  grant(userKey: string, role: Role, by: string, now: Date, via?: "web"): Promise<RoleChange>;
  /** Takes a role given in the bot away. */
  revoke(userKey: string, by: string, now: Date, via?: "web"): Promise<RoleChange>;
  /** Everyone with a role: the bootstrap admins first, then the grants, oldest first. */
  holders(): Promise<RoleHolder[]>;
  /** Told of every grant and revocation within its unit of work (the audit log listens). */
  subscribe(listener: (event: RoleEvent) => Promise<void>): () => void;
}

/** `via`: given or taken on the officials' web desk. */
export type RoleEvent = { kind: "granted" | "revoked"; userKey: string; role: Role; previous: Role | null; by: string; at: string; via?: "web" };

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
export function createRoles(bootstrapTelegramAdmins: readonly string[], grants?: RolesRepository): Roles {
  const bootstrap = new Set(bootstrapTelegramAdmins.map((id) => `telegram:${id}`));
  const listeners = new Set<(event: RoleEvent) => Promise<void>>();
  const roleOfKey = async (key: string): Promise<Role | null> => (bootstrap.has(key) ? "admin" : ((await grants?.get(key))?.role ?? null));
  const emit = async (event: RoleEvent) => {
    for (const listener of listeners) await listener(event);
  };
  const bootstrapHolder = (key: string): RoleHolder => ({ userKey: key, role: "admin", bootstrap: true, grantedBy: null, grantedAt: null });
  const granted = (key: string, g: RoleGrant): RoleHolder => ({ userKey: key, role: g.role, bootstrap: false, grantedBy: g.grantedBy, grantedAt: g.grantedAt });
  const store = () => {
    if (!grants) throw new Error("roles: no repository to store grants in");
    return grants;
  };

  return {
    roleOf: (user) => roleOfKey(userKeyOf(user)),
    roleOfKey,
    async grant(userKey, role, by, now, via) {
      if (bootstrap.has(userKey)) return { ok: false, error: { key: "roles-bootstrap-fixed", args: { user: userKey } } };
      if (userKey === by) return { ok: false, error: { key: "roles-not-self" } };
      const at = now.toISOString();
      let previous: Role | null = null;
      let same = false;
      const stored = await store().update(userKey, (current) => {
        previous = current?.role ?? null;
        same = previous === role;
        return same ? undefined : { role, grantedBy: by, grantedAt: at };
      });
      if (same) return { ok: false, error: { key: "roles-already", args: { user: userKey } } };
      await emit({ kind: "granted", userKey, role, previous, by, at, ...(via ? { via } : {}) });
      return { ok: true, holder: granted(userKey, stored!), previous };
    },
    async revoke(userKey, by, now, via) {
      if (bootstrap.has(userKey)) return { ok: false, error: { key: "roles-bootstrap-fixed", args: { user: userKey } } };
      if (userKey === by) return { ok: false, error: { key: "roles-not-self" } };
      let existing: RoleGrant | undefined;
      await store().update(userKey, (current) => {
        existing = current;
        return current ? null : undefined;
      });
      if (!existing) return { ok: false, error: { key: "roles-none", args: { user: userKey } } };
      const holder = granted(userKey, existing);
      await emit({ kind: "revoked", userKey, role: holder.role, previous: holder.role, by, at: now.toISOString(), ...(via ? { via } : {}) });
      return { ok: true, holder, previous: holder.role };
    },
    async holders() {
      const list = (await grants?.all()) ?? [];
      const given = list
        .filter(({ userKey }) => !bootstrap.has(userKey))
        .map(({ userKey, grant }) => granted(userKey, grant))
        .sort((a, b) => (a.grantedAt ?? "").localeCompare(b.grantedAt ?? "") || a.userKey.localeCompare(b.userKey));
      return [...[...bootstrap].map(bootstrapHolder), ...given];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
