import type { ChannelName } from "../../core/types.js";
import type { Storage } from "../../store/port.js";
import type { Repositories } from "../../store/repositories.js";

/** What the shared channel utilities need of storage: units of work and the channel state records. */
export type ChannelStorage = Pick<Storage, "unit"> & { readonly repos: Pick<Repositories, "channels"> };

/**
 * Where a channel's records sit among every channel's (`repos.channels`): its name and a colon
 * before the platform's id, so a user's key is their user key (`messenger:123`).
 */
export function scopeOf(channel: ChannelName): string {
  return `${channel}:`;
}
