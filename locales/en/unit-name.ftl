# The unit's name as users see it (src/knowledge/province.ts, unitDisplayName). While an official has not
# confirmed the unit's name after the 2025 mergers, the bot names no unit it does not know.

unit-name-short = { $unit }
unit-name-full = { $unit }, { $parent }
unit-name-fallback = the unit in charge at the { $province } Department of Science and Technology
