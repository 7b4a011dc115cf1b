import { PROGRAMMES, type Programme } from "../knowledge/timeline.js";

export { PROGRAMMES, type Programme };

/** Short names and tracking-code prefixes: GT-2026-0042 (the award), NS-2026-0007 (NSCL support). */
export const PROGRAMME_INFO: Record<Programme, { codePrefix: string; nameKey: string }> = {
  gtclqg: { codePrefix: "GT", nameKey: "programme-gtclqg" },
  nscl: { codePrefix: "NS", nameKey: "programme-nscl" },
};
