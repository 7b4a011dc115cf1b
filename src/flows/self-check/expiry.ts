import type { ExpiringForms } from "../../services/form-expiry.js";
import { FORM_EXPIRY_MS } from "../forms/engine.js";
import { SELF_CHECK_FLOW } from "./state.js";

/** An unfinished self-check is deleted like an unfinished form: after 30 days untouched, with a notice. */
export const selfCheckExpiry: ExpiringForms = {
  afterMs: FORM_EXPIRY_MS,
  notices: new Map([[SELF_CHECK_FLOW, { noticeKey: "selfcheck-expired" }]]),
};
