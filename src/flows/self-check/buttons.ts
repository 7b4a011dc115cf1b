import { z } from "zod";
import { buttonCodec, digits, type ButtonValue } from "../../core/button-data.js";
import { TRACKING_CODE_PATTERN } from "../../domain/tracking-code.js";

const statementId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(16);

/**
 * `tdg:…`, the self-check's buttons. While it is asked: `a:<statement>:<level>` (an answer to that
 * statement), `b` (back), `x` (stop; the answers are kept), `c` / `r` (continue / start again).
 * After a result: `ns` (request NSCL support for the weakest criteria), `u` (the unit's contact),
 * `at:<code>` / `na` (attach the result to a submission, or not), `d` / `dy` / `dn` (delete the
 * results: ask, yes, no). Everything is checked again on the server: the dialog, the owner.
 */
export const selfCheckButton = buttonCodec(
  "tdg",
  z.union([
    z.tuple([z.literal("a"), statementId, digits(1).pipe(z.number().int().min(0).max(4))]),
    z.tuple([z.enum(["b", "x", "c", "r", "ns", "u", "na", "d", "dy", "dn"])]),
    z.tuple([z.literal("at"), z.string().regex(TRACKING_CODE_PATTERN)]),
  ]),
);
export type SelfCheckButton = ButtonValue<typeof selfCheckButton>;
