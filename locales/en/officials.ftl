# The officials' desk: /hoso, /thongke, /xuat, /quyen; the notices enterprises get when their status changes.

cmd-case = Officials: find a submission, see its history, change its status, add a note
cmd-stats = Officials: figures per award year, with a chart
cmd-export = Officials: export submissions (Excel, CSV)
cmd-roles = Admins: grant and revoke officials' roles
menu-case = 🗂 Submissions
menu-stats = 📊 Figures
menu-export = 📥 Export
menu-roles = 🔑 Roles

## /hoso

desk-ask-query = Type a <b>tracking code</b> (e.g. GT-2026-0042), a <b>tax code</b> or the <b>organisation's name</b> (with or without diacritics; part of the name is enough).
desk-pending-count = { $count ->
        [one] One contact change is
       *[other] { $count } contact changes are
    } waiting to be checked.
desk-button-pending = Contact changes to check ({ $count })
desk-button-cancel = ✖ Cancel
desk-button-view = 🗂 View { $code }
desk-cancelled = Cancelled; nothing was changed.
desk-search-found = Found { $count } submission(s) matching “{ $query }”:
desk-search-found-more = Many submissions match “{ $query }”; here are the first { $count } ({ $more } more — type more of the name to narrow it down):
desk-search-near = No name contains “{ $query }” as typed; { $count } with a similar name:
desk-search-nothing = No submission matches “{ $query }”. Try the tracking code, the tax code or another part of the organisation's name.
desk-search-no-tax-code = No submission has the tax code { $taxCode }.
desk-result-line = • <code>{ $code }</code> — { $org } ({ $programme } { $year }; { $status })

desk-pending-contact =
    <b>New contact details waiting to be checked</b> (sent { $date } from account { $by }, not the account that registered):
    { $name }, { $position }; phone { $phone }; email { $email }
    Please call the phone number registered before, to check, before accepting.
desk-log-head = <b>Case log</b> (latest { $shown } of { $total }):
desk-actor = { $who } ({ $role })
desk-log-status = • { $at } — { $who }: { $from } → <b>{ $to }</b>
desk-log-status-note = • { $at } — { $who }: { $from } → <b>{ $to }</b>; note to the enterprise: “{ $note }”
desk-log-note = • { $at } — { $who }: internal note “{ $note }”
desk-log-notice-sent = • { $at } — notice sent to the enterprise ({ $detail })
desk-log-notice-failed = • { $at } — notice to the enterprise <b>not delivered</b> ({ $detail })
desk-log-other = • { $at } — { $who }: { $action }
desk-log-other-detail = • { $at } — { $who }: { $action } ({ $detail })
desk-status-none = (none)
desk-next-states = Can move to: { $states }.
desk-final = The case is closed ({ $status }); there is no next step.
desk-button-move = → { $status }
desk-button-note = 📝 Add an internal note
desk-button-contact-accept = ✅ Accept new contact
desk-button-contact-dismiss = ✖ Dismiss new contact
desk-button-document = 📎 { $name }
desk-button-documents-all = 📎 Send all { $count } files

desk-ask-status-note =
    Move <code>{ $code }</code> ({ $org }) from “{ $from }” to <b>“{ $to }”</b>.
    The enterprise will be notified on { $channel }, in { $language }.
    Type a note to send with the notice (at most { $max } characters), or press the button below to move it without a note.
desk-ask-status-note-supplement =
    Move <code>{ $code }</code> ({ $org }) from “{ $from }” to <b>“{ $to }”</b>.
    The enterprise will be notified on { $channel }, in { $language }, with the list of dossier documents.
    Best type <b>which documents to add</b> (at most { $max } characters) to send with the notice; or press the button below to move it without a note.
desk-language-vi = Vietnamese
desk-language-en = English
desk-button-move-now = ✅ Move without a note
desk-moved = ✅ <code>{ $code }</code> ({ $org }) is now <b>{ $to }</b>.
desk-moved-meanwhile = <code>{ $code }</code> was just moved to “{ $status }” (by { $who }) before this, so nothing was changed. Please look at the case again below.
desk-move-refused = Cannot move from “{ $from }” to “{ $to }”. From “{ $from }” it can only go to: { $allowed }.
desk-move-refused-final = Cannot move from “{ $from }” to “{ $to }”: the case is closed.
desk-notice-sent = 📨 Notice sent to the enterprise on { $channel }.
desk-notice-not-sent =
    ⚠️ The notice could not be sent to the enterprise: { $reason }
    The new status is recorded all the same. Please tell the enterprise another way: { $contact }.
desk-notice-blocked = the enterprise blocked or left the assistant.
desk-notice-unreachable = the channel cannot deliver now ({ $detail }).
desk-notice-rate-limited = the platform asks to wait { $seconds } seconds.
desk-notice-failed = sending failed ({ $detail }).
desk-no-contact = the submission has no contact details any more

desk-ask-note = Type an internal note for <code>{ $code }</code> (at most { $max } characters). Only officials see it; the enterprise does not.
desk-note-saved = 📝 Note saved on <code>{ $code }</code>.
desk-note-empty = The note is empty; please type something.
desk-note-too-long = The note is longer than { $max } characters; please shorten it.
desk-contact-accepted = ✅ The contact details of <code>{ $code }</code> were replaced by the new ones.
desk-contact-dismissed = The proposed contact change of <code>{ $code }</code> was dismissed; the old details stay.
desk-pending-none = No contact change is waiting to be checked.
desk-pending-list = Contact changes waiting to be checked ({ $count }):
desk-document-caption = File of { $code }: { $name } (received { $date })
desk-document-gone = This file is no longer part of the submission.

## Notices to the enterprise when an official changes the status

notice-head = 📋 <b>About submission <code>{ $code }</code></b> — { $programme } { $year }, { $org }
notice-status = New status: <b>{ $status }</b> (since { $date }).
notice-note = <b>Note from the official in charge:</b> { $note }
notice-footer = Look it up: <code>/status { $code }</code>. To add documents, send the files in this chat. Questions: { $contact }.

notice-gtclqg-registered = The submission is at the registration stage. The official in charge will contact you about the full dossier.
notice-gtclqg-dossier-received = { $unit } has received your dossier. It will be checked; if anything is missing, the assistant will tell you. Nothing more is needed from you for now.
notice-gtclqg-needs-supplement = Your dossier needs <b>additions or corrections</b>. Please read the official's note (if any), compare with the list below, and send the documents in this chat or hand them in to { $unit }.
notice-gtclqg-desk-review = The dossier is complete and under <b>dossier assessment</b>. Please stay reachable in case the assessors need to clarify something.
notice-gtclqg-onsite-review = The submission moves to the <b>on-site assessment</b>: assessors will visit your premises. The official in charge will contact you to agree on a date.
notice-gtclqg-shortlisted = The preliminary council has <b>proposed</b> your organisation for the award at national level. Next: the dossier goes to the national council.
notice-gtclqg-not-shortlisted = The preliminary council did <b>not propose</b> your submission this year. You may ask { $unit } for the council's comments.
notice-gtclqg-national-council = The dossier has gone to the <b>national council</b>. The result is official once the competent authority decides; it may be announced the following year. Nothing more is needed from you for now.
notice-gtclqg-gold-award = 🏆 Congratulations: your organisation has <b>won the Gold National Quality Award</b>. The decision and the ceremony will be announced later.
notice-gtclqg-award = 🏆 Congratulations: your organisation has <b>won the National Quality Award</b>. The decision and the ceremony will be announced later.
notice-gtclqg-not-awarded = Your submission was <b>not awarded</b> this year. You may ask { $unit } for comments.
notice-gtclqg-withdrawn = The submission has been <b>withdrawn</b> and will not be considered further; it is kept for the record. If you did not ask to withdraw it, please contact { $unit } at once.
notice-nscl-registered = The support request is at the registration stage. The official in charge will check the conditions and contact you.
notice-nscl-eligible = Your request is <b>eligible for support</b>. Next: { $unit } considers it for the yearly plan or a science and technology task.
notice-nscl-ineligible = The request is <b>not eligible for support</b> under the current rules. You may ask { $unit } for the reasons and other kinds of support.
notice-nscl-in-plan = The support is <b>in the plan</b>. Next: choosing a consultant and agreeing on your share of the cost.
notice-nscl-in-progress = The support is <b>under way</b>. Please work with the consultant and { $unit } as planned.
notice-nscl-acceptance = The results are <b>being accepted</b>. Please prepare the records and receipts { $unit } asks for.
notice-nscl-completed = The support is <b>completed</b>. Thank you for taking part in the programme.
notice-nscl-withdrawn = The support request has been <b>withdrawn</b> and will not be considered further; it is kept for the record. If you did not ask to withdraw it, please contact { $unit } at once.

## /thongke

stats-head = <b>{ $programme } { $year } in figures</b> — { $province }, { $date }
stats-totals = Total: <b>{ $total }</b> { $total ->
        [one] submission
       *[other] submissions
    }; open: { $open }; new in the last 7 days: { $fresh }.
stats-by-status = <b>By status</b>
stats-item = • { $label }: { $count }
stats-pair = { $label } { $count }
stats-by-sector = <b>By sector group:</b> { $items }
stats-by-size = <b>By size (Decree 80/2021):</b> { $items }
stats-unknown = not given
stats-size-micro = micro
stats-size-small = small
stats-size-medium = medium
stats-size-large = large
stats-by-commune = <b>By commune/ward</b> ({ $communes }):
stats-commune-unknown = commune not known
stats-commune-rest = • { $communes } other communes/wards: { $count }
stats-deadline-known = dossier deadline { $date } ({ $left })
stats-deadline-unknown = no date for the dossier deadline yet
stats-stalled-head = <b>Stalled</b>: { $count } submission(s) waiting more than { $days } days (for the full dossier or a first decision); { $deadline }:
stats-stalled-line = • <code>{ $code }</code> { $org } — { $status }, { $days } days
stats-stalled-more = • … and { $count } more (the /export file has them all)
stats-stalled-none = No submission has waited more than { $days } days; { $deadline }.
stats-upcoming-head = <b>Coming dates</b> (from the plan of { $province }):
stats-phase-starts = • { $phase }: starts { $date } ({ $left })
stats-phase-ends = • { $phase }: until { $date } ({ $left })
stats-phase-running = • { $phase }: running since { $start }, no end date yet
stats-phase-unknown = • { $phase }: no date yet
stats-upcoming-none = Every date of the { $year } plan has passed.
stats-no-cycle = The { $year } plan of { $province } is not in the assistant's data yet: no dates.
stats-days-left = { $days ->
        [one] 1 day left
       *[other] { $days } days left
    }
stats-today = today
stats-no-date = no date yet
stats-phase-launch = Launch
stats-phase-registration = Registration
stats-phase-training = Training
stats-phase-dossier-deadline = Dossier deadline
stats-phase-desk-assessment = Dossier assessment
stats-phase-onsite-assessment = On-site assessment
stats-phase-council-selection = Preliminary council
stats-phase-national-council = National council
stats-phase-ceremony = Award ceremony
stats-other-year = { $count } submission(s) of { $year } still open: /stats { $programme } { $year }
stats-chart-title = { $programme } { $year } — submissions by status
stats-chart-subtitle = { $province } · { $date } · { $total } submissions
stats-chart-caption = 📊 Submissions by status — { $programme } { $year }
stats-short-gtclqg = Award
stats-short-nscl = NSCL
stats-button-programme = 📊 { $programme }
stats-button-year = 📅 { $year }
stats-button-export = 📥 Export this list (Excel)
stats-usage = “{ $words }” not understood. Use: /stats [gtclqg | nscl] [year], e.g. /stats nscl 2026.

## /xuat

export-ask-programme = Export the submissions of which programme?
export-ask-year = Which award (plan) year?
export-ask-status = Which status?
export-ask-format = Which file format?
export-format-xlsx = 📗 Excel (.xlsx, with the case history)
export-format-csv = 📄 CSV (UTF-8)
export-all-programmes = Both programmes
export-all-years = Every year
export-all-statuses = Every status
export-open = Open
export-withdrawn = Withdrawn
export-desc-all-programmes = both programmes
export-desc-all-years = every year
export-desc-all-statuses = any
export-desc-open = open
export-empty = No submission: { $programme }, year { $year }, status: { $status }.
export-ready-xlsx = 📥 Submissions — { $programme }, year { $year }, status: { $status }: <b>{ $count }</b>. The Excel file has two sheets: the submissions and their history. It holds personal data: for work only, do not pass it on.
export-ready-csv = 📥 Submissions — { $programme }, year { $year }, status: { $status }: <b>{ $count }</b> (CSV, UTF-8). It holds personal data: for work only, do not pass it on.
export-usage = “{ $words }” not understood. Use: /export [xlsx | csv] [gtclqg | nscl] [year] [status, e.g. open or needs-supplement]; or type /export and choose with the buttons.
export-status-not-of-programme = “{ $status }” is not a status of the { $programme }.
export-sheet-submissions = Submissions
export-sheet-history = History
export-col-code = Tracking code
export-col-programme = Programme
export-col-year = Award year
export-col-status = Status
export-col-status-since = Status since
export-col-registered = Registered
export-col-org = Organisation
export-col-tax-code = Tax code
export-col-org-type = Type
export-col-founded = Founded
export-col-address = Address
export-col-commune = Commune/ward
export-col-province = Province/city
export-col-sector = Sector group
export-col-vsic = Industry (VSIC 2018)
export-col-employees = Employees (social insurance)
export-col-revenue = Revenue (VND)
export-col-capital = Total capital (VND)
export-col-size = Size (Decree 80/2021)
export-col-product = Product entered
export-col-market-since = On the market since
export-col-certificates = Certificates
export-col-support-kinds = Support requested
export-col-need = Need
export-col-contact-name = Contact person
export-col-contact-position = Position
export-col-contact-phone = Phone
export-col-contact-email = Email
export-col-documents = Files attached
export-col-channel = Channel
export-col-rules = Rules
export-rules-legacy = Decrees 132/2008, 74/2018
export-rules-2026 = Law 78/2025, Decree 37/2026
export-hist-at = When
export-hist-code = Tracking code
export-hist-action = Action
export-hist-from = From status
export-hist-to = To status
export-hist-who = By
export-hist-role = Role
export-hist-note = Note
export-hist-detail = Detail
export-role-admin = admin
export-role-official = official
export-role-enterprise = enterprise
export-role-system = system
export-action-created = Registered
export-action-status = Status change
export-action-note = Internal note
export-action-contact-updated = Contact updated
export-action-contact-proposed = Contact change proposed
export-action-contact-accepted = New contact accepted
export-action-contact-dismissed = Contact change dismissed
export-action-contact-removed = Contact removed
export-action-document-added = File added
export-action-self-check-attached = Self-check result attached
export-action-notice-sent = Notice sent
export-action-notice-failed = Notice not delivered

## /quyen

roles-head = <b>Who holds a role</b> ({ $count }):
roles-line-bootstrap = • { $user } — { $role } (setting OFFICIAL_TELEGRAM_IDS; changed only on the server)
roles-line = • { $user } — { $role }, granted by { $by } on { $at }
roles-line-unseen = • { $user } — { $role }, granted by { $by } on { $at } (has never written to the assistant)
roles-usage =
    Grant: <code>/roles grant ID [official | admin]</code> — ID is the Telegram user id (ask @userinfobot) or <code>zalo:ID</code>.
    Revoke: <code>/roles revoke ID</code>, or press a button below.
roles-granted = ✅ { $user } is now { $role }.
roles-granted-unseen = ✅ { $user } is now { $role }. This account has never written to the assistant: please check the id.
roles-revoked = { $user } is no longer { $role }.
roles-kept = Nothing changed.
roles-confirm-revoke = Revoke the { $role } role of { $user }? From then on no officials' command or button works for that account.
roles-button-revoke = Revoke { $user }
roles-button-revoke-yes = ✅ Revoke
roles-button-keep = Keep
roles-target-invalid = “{ $input }” is not an account id. A Telegram user id is a number such as 123456789; a Zalo account is written zalo:id.
roles-channel-not-grantable = Accounts on { $channel } cannot hold a role yet: only Telegram and Zalo accounts can.
roles-bootstrap-fixed = { $user } is an admin by the setting OFFICIAL_TELEGRAM_IDS; change it in the settings on the server.
roles-not-self = You cannot change your own role; please ask another admin.
roles-already = { $user } already has this role.
roles-none = { $user } holds no role granted in the assistant.

desk-button-item = 📋 { $name }: { $state }
desk-item-head = Submission <code>{ $code }</code>, item <b>{ $name }</b>: { $state }
desk-item-files = { $count } file(s): { $names }
desk-item-no-files = No file for this item yet.
desk-item-note = To supplement: { $note }
desk-button-item-ok = ✅ Accepted
desk-button-item-more = ⚠️ To supplement
desk-button-item-clear = ↩️ Clear the mark
desk-ask-item-note = What is missing from “{ $name }” in submission <code>{ $code }</code>? Please type a note (at most { $max } characters); the enterprise reads it when the submission is moved to “Dossier needs additions”.
desk-item-marked-ok = “{ $name }” of <code>{ $code }</code> marked accepted.
desk-item-marked-more = “{ $name }” of <code>{ $code }</code> marked to supplement. The enterprise is told when the submission is moved to “Dossier needs additions”.
desk-item-cleared = The mark of “{ $name }” of <code>{ $code }</code> is cleared.
notice-items-more = <b>Items to supplement:</b>
notice-items-missing = <b>Required items not sent yet:</b>
notice-item = • { $name }
notice-item-note = • { $name }: { $note }
export-col-item = Dossier
export-action-document-item = Files sorted into an item
export-action-checklist-marked = Dossier item marked
stats-complete-dossiers = Dossiers with every required item (by the checklist): <b>{ $count }</b>/{ $total }.
desk-button-request-again = 📨 Send the supplement request again
desk-request-not-now = Submission <code>{ $code }</code> is not at “Dossier needs additions” or has no item marked to supplement, so no request was sent.
stats-selfcheck-none = 🧭 Readiness self-check: no enterprise has taken it yet.
stats-selfcheck-head = 🧭 <b>Readiness self-check</b> (combined figures, each enterprise's newest result): { $takers } enterprises took it. Average: { $profile }
stats-selfcheck-item = { $name } { $score }%
stats-selfcheck-by-sector = <b>By sector</b> (of the newest submission):
stats-selfcheck-by-size = <b>By size</b>:
stats-selfcheck-group = • { $label } ({ $takers }): { $profile }
stats-selfcheck-vsic2025 = Section { $section } (VSIC 2025)
