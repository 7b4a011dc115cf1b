// Shared with the officials' web desk since it needed them too: src/channels/shared/rate-limit.ts.
export { clientAddress, createRateLimiter, type RateLimiter } from "../shared/rate-limit.js";
