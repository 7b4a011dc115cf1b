/** The two programmes the bot serves: the National Quality Award and NSCL support. */
export const PROGRAMMES = ["gtclqg", "nscl"] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** Short names and tracking-code prefixes: GT-2026-0042 (the award), NS-2026-0007 (NSCL support). */
export const PROGRAMME_INFO: Record<Programme, { codePrefix: string; nameKey: string }> = {
  gtclqg: { codePrefix: "GT", nameKey: "programme-gtclqg" },
  nscl: { codePrefix: "NS", nameKey: "programme-nscl" },
};
