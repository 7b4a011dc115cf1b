# Award calendar: the steps of an award year from the province profile, Vietnam time.

cmd-calendar = This year's award calendar
menu-calendar = 📅 Calendar

calendar-title = 📅 <b>National Quality Award calendar — { $province }</b>
calendar-today = Today: { $today } (Vietnam time).
calendar-cycle-heading = <b>Award year { $year }</b> — { $rules }
calendar-rules-legacy = old rules (Decrees 132/2008, 74/2018, Circular 27/2019)
calendar-rules-2026 = new rules (Law 78/2025, Decree 37/2026)
calendar-phase-line = • { $phase }: { $dates } — { $status }
calendar-phase-note = { $line } <i>({ $note })</i>
calendar-dates-range = { $start } – { $end }
calendar-dates-until = until { $end }
calendar-dates-from = from { $start }
calendar-dates-unknown = not announced
calendar-status-upcoming = <b>starts in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }</b>
calendar-status-open-left = <b>open, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } left</b>
calendar-status-open = <b>open</b>
calendar-status-due = <b>{ $days ->
        [one] { $days } day
       *[other] { $days } days
    } left</b>
calendar-status-last-day = <b>today is the last day</b>
calendar-status-ended = ended
calendar-status-unknown = <i>not known yet</i>
calendar-cycle-unknown = The Department has not announced the dates of this award year, or they are not in the assistant yet.
calendar-no-cycle = The assistant has no calendar for award year { $year }.
calendar-typical-heading = <i>Usual timing in past plans — for reference only, not this year's official calendar:</i>
calendar-typical-line = • { $phase }: { $when }
calendar-nscl = <b>NSCL programme</b>: support follows the province's yearly plan; this year's application period is not known to the assistant.
calendar-ask = For the official calendar, please ask:

calendar-phase-launch = Launch
calendar-phase-registration = Registration
calendar-phase-training = Training and dossier guidance
calendar-phase-dossier-deadline = Dossier submission
calendar-phase-desk-assessment = Dossier assessment
calendar-phase-onsite-assessment = On-site assessment
calendar-phase-council-selection = Preliminary council selection
calendar-phase-national-council = National council
calendar-phase-ceremony = Award ceremony
