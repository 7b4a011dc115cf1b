import { z } from "zod";
import { channelNameSchema } from "../../core/events.js";

/**
 * A request to follow a submission from another channel, waiting for the owner's yes. A tracking
 * code can be guessed (it is sequential), so holding it is never enough: the identity that
 * registered must confirm on its own channel.
 */
export const linkRequestSchema = z.object({
  code: z.string().min(1).max(32),
  requester: z.object({ userKey: z.string().min(3).max(200), channel: channelNameSchema, userId: z.string().min(1).max(128) }),
  at: z.iso.datetime(),
  /**
   * Set once the request is over (answered, or the owner could not be asked). A closed request
   * is kept until it expires: it still counts against the rate limits.
   */
  closed: z.enum(["accepted", "declined", "undelivered"]).optional(),
});
export type LinkRequest = z.infer<typeof linkRequestSchema>;
