## Registration form checks (issue 14): regime of the award year, province, legal entity,
## previous wins, tax and social-insurance declaration, a ministry's council, size class.

regc-market-rule-unconfirmed = Article 59 of Decree 37/2026/NĐ-CP requires the product entered to have been on the market for at least 12 months; whether this applies to this award year is not yet confirmed.
regc-market-warning =
    ⚠️ Note: Article 59 of Decree 37/2026/NĐ-CP requires the product entered to have been on the market for at least 12 months. From { $given }, the product { $known ->
        [yes] reaches 12 months on <b>{ $from }</b>.
       *[no] may not have reached 12 months yet (it depends on the exact day).
    } Whether this rule applies to the { $year } award year is not confirmed (the switch-over to the new rules has not been announced), so the assistant still records the registration. Please ask { $unit } before preparing the dossier.

regc-size-not-applicable = not applicable (Decree 80/2021/NĐ-CP classifies enterprises only)

regc-other-province =
    The head office address you gave is in <b>{ $province }</b>{ $kind ->
        [thanh-pho] {" "}city
       *[tinh] {" "}province
    }{ $legacy ->
        [yes] {" "}(within the boundaries since 1 July 2025)
       *[no] {""}
    }. The preliminary council and the productivity and quality programme of { $home } province take only organisations and enterprises with their head office in { $home }. Please contact the Department of Science and Technology of { $province } to register.
    If the address is not right, please type the head office address again (commune/ward, province/city).

regc-branch =
    The code <code>{ $code }</code> belongs to a branch or dependent unit. The National Quality Award is for organisations and enterprises with legal personality, so a branch enters through its parent company (whose tax code is usually the first 10 digits: <code>{ $parent }</code>).
    Please type the parent company's 10-digit tax code, press the button below to give the parent company's name and tax code again, or type /cancel to stop.
regc-action-parent = 🏢 Register as the parent company
regc-parent-intro = Please give the name and tax code of the parent company (the unit with legal personality); your other answers are kept.

regc-ask-legal-entity = The National Quality Award is for organisations and enterprises with legal personality. Does your organisation have legal personality?
regc-legal-no-gate = An organisation without legal personality (a branch or dependent unit) enters through its managing unit that has legal personality. Please press the button below to give that unit's name and tax code, or type /cancel to stop.
regc-field-legal-entity = Legal personality
regc-legal-yes = Has legal personality
regc-legal-no = No (branch, dependent unit)
regc-col-legal-entity = Legal personality

regc-ask-prior-award = Has your enterprise won the National Quality Award before? If more than once, choose the latest.
regc-field-prior-award = Award won
regc-prior-none = Never won
regc-prior-gold = Gold National Quality Award
regc-prior-silver = Silver National Quality Award
regc-prior-award = National Quality Award
regc-col-prior-award = Award won
regc-ask-prior-year = In which award year? For example: 2021
regc-field-prior-year = Year won
regc-col-prior-year = Year won
regc-val-prior-year = Please type the award year in 4 digits, from { $first } to { $last }. For example: 2021

regc-reentry-gold-legacy = Under Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP, a Gold Award winner may enter again only after 2 years. Having won in { $won }, your enterprise is past that wait for the { $year } award year.
regc-reentry-silver-2026 = Under Article 59 of Decree 37/2026/NĐ-CP, Silver Award winners may take part with no limit on how often or when, so your enterprise may register for the { $year } award year.{ $confirmed ->
        [yes] {""}
       *[no] {" "}Whether Decree 37/2026/NĐ-CP governs the { $year } award year is not yet confirmed; please ask { $unit }.
    }
regc-reentry-not-yet = ⚠️ Under Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP, a Gold Award winner may enter again only after 2 years. Having won Gold in { $won }, your enterprise may enter again from the { $from } award year. The assistant still records the registration for { $unit } to consider.
regc-reentry-borderline = ⚠️ Under Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP, a Gold Award winner may enter again only after 2 years. Having won in { $won }, the { $year } award year is exactly at the 2-year mark; how it is counted must be confirmed by { $unit }. The assistant still records the registration.
regc-reentry-unknown = The assistant has no rule with a source on re-entry after this award under { $rules ->
        [legacy] Decree 132/2008/NĐ-CP as amended by Decree 74/2018/NĐ-CP
       *[other] Decree 37/2026/NĐ-CP
    } (award year { $year }). Your answer is recorded; please ask { $unit } about the conditions for entering again.

regc-ask-tax-insurance = Self-declaration: over the last 3 years, has your enterprise met its tax and social insurance obligations in full for each year? (The dossier needs the tax authority's and the social insurance agency's confirmation of this.)
regc-field-tax-insurance = Self-declared tax and social insurance (3 years)
regc-taxins-yes = Met in full
regc-taxins-no = Not in full
regc-col-tax-insurance = Self-declared tax and social insurance (3 years)
regc-taxins-no-note = The answer "obligations not met in full" is recorded and does not stop the registration. The dossier needs the tax and social insurance authorities' confirmation for each of the last 3 years (item 7 of the dossier), and entrants must not be in breach of the law; please talk to { $unit } before preparing the dossier.

regc-ask-ministry = Is your sector managed by a ministry that runs its own preliminary council for the National Quality Award? (Enterprises in a ministry-managed sector may enter through that ministry's council, e.g. the Ministry of Science and Technology's.)
regc-field-ministry = Sector managed by a ministry with its own council
regc-ministry-yes = Yes
regc-ministry-no = No
regc-ministry-unknown = Not sure
regc-col-ministry = Sector managed by a ministry with its own council
regc-ministry-yes-note = You may register through the preliminary council of the ministry that manages your sector instead of the province's. The assistant still records the registration here; please enter through one preliminary council only.
regc-ministry-unknown-note = Your answer is recorded; { $unit } will advise if your sector has a ministry's preliminary council.

regc-ask-award-year = Which award year are you registering for? The province has not announced its { $year } dates; in past years' plans registrations and dossiers usually closed before August, so a registration now may be meant for the next award year. If unsure, you may ask { $unit }.
regc-field-award-year = Award year

regc-ask-vsic-version = Which classification does your economic sector code come from? Registrations issued before 15 November 2025 usually carry VSIC 2018 codes (Decision 27/2018/QĐ-TTg); VSIC 2025 (Decision 36/2025/QĐ-TTg) applies from 15 November 2025. The same letter can mean a different section in the two.
regc-field-vsic-version = Classification
regc-vsic2018 = VSIC 2018 (Decision 27/2018/QĐ-TTg)
regc-vsic2025 = VSIC 2025 (Decision 36/2025/QĐ-TTg)
vsic2025-a = A – Agriculture, forestry and fishing (VSIC 2025)
vsic2025-b = B – Mining and quarrying (VSIC 2025)
vsic2025-c = C – Manufacturing (VSIC 2025)
vsic2025-d = D – Electricity, gas, steam and air conditioning (VSIC 2025)
vsic2025-e = E – Water supply, sewerage and waste (VSIC 2025)
vsic2025-f = F – Construction (VSIC 2025)
vsic2025-g = G – Wholesale and retail trade, repair of motor vehicles (VSIC 2025)
vsic2025-h = H – Transportation and storage (VSIC 2025)
vsic2025-i = I – Accommodation and food services (VSIC 2025)
vsic2025-j = J – Publishing, broadcasting, content production and distribution (VSIC 2025)
vsic2025-k = K – Telecommunications, computer programming and infrastructure, information services (VSIC 2025)
vsic2025-l = L – Finance and insurance (VSIC 2025)
vsic2025-m = M – Real estate (VSIC 2025)
vsic2025-n = N – Professional, scientific and technical activities (VSIC 2025)
vsic2025-o = O – Administrative and support services (VSIC 2025)
vsic2025-p = P – Party and mass organisations, public administration, defence, compulsory social security (VSIC 2025)
vsic2025-q = Q – Education (VSIC 2025)
vsic2025-r = R – Human health and social work (VSIC 2025)
vsic2025-s = S – Arts, sports and recreation (VSIC 2025)
vsic2025-t = T – Other service activities (VSIC 2025)
vsic2025-u = U – Households as employers and producing for own use (VSIC 2025)
vsic2025-v = V – Extraterritorial organisations (VSIC 2025)

regc-rule-36-both = Decree 132/2008/NĐ-CP (as amended by Decree 74/2018/NĐ-CP) and Article 59 of Decree 37/2026/NĐ-CP (both set this condition)
