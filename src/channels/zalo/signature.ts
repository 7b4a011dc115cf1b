import { createHash, timingSafeEqual } from "node:crypto";

/** What goes into a webhook signature: our app id, the body exactly as received, its `timestamp` field, a secret. */
export interface SignatureInput {
  appId: string;
  rawBody: Uint8Array;
  timestamp: string;
  secretKey: string;
}

/**
 * THE recipe (tech-notes §6.1, Chatwoot's working channel): `mac=` + hex SHA-256 — plain, not
 * HMAC — of app_id + raw body + timestamp + OA Secret Key. Sources disagree on details (App
 * Secret instead of the OA Secret Key, oa_id instead of app_id, a timestamp header): if the
 * first live event is refused, `signatureVariants` logs which variant matched; change this one
 * function accordingly.
 */
export function webhookSignature({ appId, rawBody, timestamp, secretKey }: SignatureInput): string {
  const hash = createHash("sha256");
  hash.update(appId, "utf8");
  hash.update(rawBody);
  hash.update(timestamp, "utf8");
  hash.update(secretKey, "utf8");
  return `mac=${hash.digest("hex")}`;
}

/** Compares a received `X-ZEvent-Signature` with the expected one in constant time. */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received.trim().toLowerCase(), "utf8");
  const b = Buffer.from(expected.toLowerCase(), "utf8");
  // Lengths are not secret (always mac= + 64 hex); only equal-length buffers can be compared.
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface VariantInputs {
  appIdFromConfig: string;
  appIdFromBody: string | undefined;
  oaIdFromBody: string | undefined;
  timestampFromBody: string;
  timestampHeader: string | undefined;
  oaSecretKey: string;
  appSecret: string;
  rawBody: Uint8Array;
}

/**
 * For a refused event only: the names of the recipe variants other sources describe that WOULD
 * have matched, so the log says how to adjust `webhookSignature` after the first live event.
 * Never logs a secret or a hash.
 */
export function signatureVariants(received: string, v: VariantInputs): string[] {
  const ids: [string, string | undefined][] = [
    ["app_id from config", v.appIdFromConfig],
    ["app_id from body", v.appIdFromBody],
    ["oa_id from body", v.oaIdFromBody],
  ];
  const stamps: [string, string | undefined][] = [
    ["timestamp field", v.timestampFromBody],
    ["X-ZEvent-Timestamp header", v.timestampHeader],
  ];
  const keys: [string, string][] = [
    ["OA Secret Key", v.oaSecretKey],
    ["App Secret", v.appSecret],
  ];
  const matches: string[] = [];
  for (const [idName, appId] of ids) {
    if (appId === undefined) continue;
    for (const [stampName, timestamp] of stamps) {
      if (timestamp === undefined) continue;
      for (const [keyName, secretKey] of keys) {
        if (signatureMatches(received, webhookSignature({ appId, rawBody: v.rawBody, timestamp, secretKey }))) {
          matches.push(`${idName} + raw body + ${stampName} + ${keyName}`);
        }
      }
    }
  }
  return matches;
}
