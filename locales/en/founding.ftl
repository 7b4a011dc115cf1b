# The answer computed for "founded in March 2023, can we apply" (src/flows/founding-answer.ts).
founding-title = <b>Founded { $founded }: has the organisation operated the 36 months needed to enter the National Quality Award?</b>
founding-reference-today = today ({ $date })
founding-reference-registration = the end of registration for the { $year } award year in the provincial plan ({ $date })
founding-eligible = ✅ As of { $reference }, an organisation founded { $founded } <b>has operated 36 months</b>.
founding-depends = ⚖️ As of { $reference }, an organisation founded { $founded } has 36 months <b>if it was founded on or before { $cutoff }</b>; founded later, it reaches 36 months by { $latest } at the latest.
founding-not-yet-day = ⏳ As of { $reference }, an organisation founded { $founded } <b>has not yet operated 36 months</b>; <b>it reaches 36 months on { $from }</b>.
founding-not-yet-month = ⏳ As of { $reference }, an organisation founded { $founded } <b>has not yet operated 36 months</b>; <b>it reaches 36 months in { $from }</b> (on its founding day of that month; { $latest } at the latest).
founding-not-yet-year = ⏳ As of { $reference }, an organisation founded in { $founded } <b>has not yet operated 36 months</b>; <b>it reaches 36 months during { $from }</b> (on its founding day and month; { $latest } at the latest).
founding-rule = The rule: the organisation has operated in Vietnam <b>for at least 36 months by the time it registers</b> (Article 59, Decree 37/2026/NĐ-CP; the earlier rules — Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP — also required 36 months before registering). Under Decree 37/2026/NĐ-CP the product entered must also have been on the market for at least 12 months.
founding-note = <i>The exact cut-off depends on the registration date and the founding date on the registration certificate; this is the assistant's estimate — the { $unit } confirms it when receiving the dossier.</i>
