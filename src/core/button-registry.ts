import type { SomeButtonCodec } from "./button-data.js";

/** Who declared a codec: a feature's name, or "core" for the core's own `cmd:`. */
export interface ButtonClaim {
  owner: string;
  codec: SomeButtonCodec;
}

/**
 * Every button prefix in one place, built at startup from the codecs the features declare: one
 * prefix, one codec, one owner — so two features can never read each other's buttons. A feature
 * may list its own codec more than once (a route and its flows, or several flows).
 */
export function buttonRegistry(claims: Iterable<ButtonClaim>): ReadonlyMap<string, ButtonClaim> {
  const registry = new Map<string, ButtonClaim>();
  for (const claim of claims) {
    const { prefix } = claim.codec;
    const taken = registry.get(prefix);
    if (!taken) registry.set(prefix, claim);
    else if (taken.owner !== claim.owner || taken.codec !== claim.codec) {
      throw new Error(`button prefix "${prefix}" is declared twice: by ${taken.owner} and by ${claim.owner}`);
    }
  }
  return registry;
}
