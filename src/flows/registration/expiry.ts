import type { ExpiringForms } from "../../services/form-expiry.js";
import { FORM_EXPIRY_MS } from "../forms/engine.js";
import { registrationEngine } from "./engine.js";

/** The registration forms as the expiry sweep (services/form-expiry.ts, run by `npm start`) sees them. */
export const registrationFormExpiry: ExpiringForms = {
  afterMs: FORM_EXPIRY_MS,
  notices: new Map(registrationEngine.flows.map((f) => [f.id, { noticeKey: "form-expired", titleKey: registrationEngine.formOf(f.id)!.titleKey }])),
};
