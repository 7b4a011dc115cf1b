import { createFormEngine } from "../forms/engine.js";
import { registrationForms } from "./forms.js";

/** One engine walks the three registration forms (award, support request, contact update). */
export const registrationEngine = createFormEngine(registrationForms);
