import { z } from "zod";

/**
 * The OA API and OAuth v4 as zod schemas (tech-notes §6.2–6.3). Requests are checked before
 * they leave, so a bug on our side is caught here, not by a puzzling Zalo error; responses
 * are checked before anything in them is used.
 */

/** Zalo's documented limits for consultation messages. */
export const ZALO_TEXT_LIMIT = 2000;
export const ZALO_MAX_BUTTONS = 5;
export const ZALO_BUTTON_TITLE_LIMIT = 100;
export const ZALO_QUERY_PAYLOAD_LIMIT = 1000;
/** Upload limits: images jpg/png ≤ 1 MB, files pdf/doc/docx ≤ 5 MB (verify on a live OA). */
export const ZALO_IMAGE_UPLOAD_LIMIT = 1024 * 1024;
export const ZALO_FILE_UPLOAD_LIMIT = 5 * 1024 * 1024;
export const ZALO_IMAGE_MIMES = ["image/png", "image/jpeg"] as const;
export const ZALO_FILE_MIMES = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;

export const queryButtonSchema = z.object({
  title: z.string().min(1).max(ZALO_BUTTON_TITLE_LIMIT),
  type: z.literal("oa.query.hide"),
  payload: z.string().min(1).max(ZALO_QUERY_PAYLOAD_LIMIT),
});
export type QueryButton = z.infer<typeof queryButtonSchema>;

const recipient = z.object({ user_id: z.string().regex(/^\d{1,32}$/) });

/** `POST /v3.0/oa/message/cs`: text, text with buttons, an uploaded image, an uploaded file. */
export const csRequestSchema = z.object({
  recipient,
  message: z.union([
    z.object({
      text: z.string().min(1).max(ZALO_TEXT_LIMIT),
      attachment: z
        .object({
          type: z.literal("template"),
          // No template_type: repos send buttons both with and without it (verify on a live OA).
          payload: z.object({ buttons: z.array(queryButtonSchema).min(1).max(ZALO_MAX_BUTTONS) }),
        })
        .optional(),
    }),
    z.object({
      attachment: z.object({
        type: z.literal("template"),
        payload: z.object({
          template_type: z.literal("media"),
          elements: z.array(z.object({ media_type: z.literal("image"), attachment_id: z.string().min(1) })).length(1),
        }),
      }),
    }),
    z.object({
      attachment: z.object({ type: z.literal("file"), payload: z.object({ token: z.string().min(1) }) }),
    }),
  ]),
});
export type CsRequest = z.infer<typeof csRequestSchema>;
export type CsMessage = CsRequest["message"];

/** Every OA API answer: HTTP 200 with `error` 0 on success, a negative code otherwise. */
export const apiEnvelopeSchema = z.object({
  error: z.number().int(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});

export const csResponseDataSchema = z.object({
  message_id: z.string(),
  user_id: z.string().optional(),
});
export const imageUploadDataSchema = z.object({ attachment_id: z.string().min(1) });
export const fileUploadDataSchema = z.object({ token: z.string().min(1) });

/** OAuth v4 `POST /v4/oa/access_token`, form-encoded, header `secret_key`. */
export const refreshRequestSchema = z.object({
  app_id: z.string().regex(/^\d+$/),
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string().min(1),
});

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // A string of seconds ("90000") in the docs; a number is accepted too.
  expires_in: z.union([z.string().regex(/^\d{1,9}$/).transform(Number), z.number().int().positive()]),
});

export const oauthErrorSchema = z.object({
  error: z.number().int(),
  error_name: z.string().optional(),
  error_reason: z.string().optional(),
  error_description: z.string().optional(),
});

/** Error codes the channel acts on (tech-notes §6.2; `phu-luc/ma-loi`). */
export const ZaloErrorCode = {
  RATE_LIMITED: -32,
  TOKEN_INVALID: -216,
  TOKEN_EXPIRED: -220,
  NOT_FOLLOWER: -213,
  USER_INACTIVE: -227,
  OUTSIDE_WINDOW: -230,
  OUTSIDE_WINDOW_ALT: -232,
} as const;

/** Codes meaning "this user cannot be written to now"; retrying does not help. */
export function isOutsideWindow(code: number): boolean {
  return code === ZaloErrorCode.OUTSIDE_WINDOW || code === ZaloErrorCode.OUTSIDE_WINDOW_ALT;
}

export function isTokenRejected(code: number): boolean {
  return code === ZaloErrorCode.TOKEN_INVALID || code === ZaloErrorCode.TOKEN_EXPIRED;
}
