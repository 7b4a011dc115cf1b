# Announcements: the question at /start, /subscribe, /unsubscribe; officials' /broadcast and
# /broadcasts; progress reports; dossier-deadline reminders.

## Subscription (everyone)
cmd-subscribe = Receive the Department's announcements here
cmd-unsubscribe = Turn the Department's announcements off
ann-offer =
    Would you like to receive <b>the Department's announcements</b> through this assistant? (award plans, dossier deadlines, training courses, deadline reminders)
    You can change this at any time: /subscribe to receive them, /unsubscribe to stop.
ann-button-yes = 🔔 Receive announcements
ann-button-no = No, thanks
ann-subscribed = You will receive the Department's announcements. You can stop them at any time with /unsubscribe.
ann-already-subscribed = You already receive the Department's announcements. To stop them, type /unsubscribe.
ann-unsubscribed = Announcements are off: the assistant will send no announcements, deadline reminders included. You can still look up your dossier with /status and turn announcements back on with /subscribe.
ann-already-unsubscribed = Announcements are off. To receive the Department's announcements, type /subscribe.

## Officials: composing
cmd-broadcast = Write and send an announcement (officials)
cmd-broadcasts = Announcements sent, being sent or scheduled (officials)
menu-broadcast = 📣 Announcement
bc-ask-text =
    <b>New announcement</b> (step 1/3: text)
    Please send the text, at most { $max } characters, exactly as recipients will read it (it is not translated or reformatted). You may attach one file or photo: send the file with the text as its caption (at most { $caption } characters).
bc-ask-text-for-file = The file is attached. Please send the text that goes with it, at most { $max } characters.
bc-file-received = File { $name } received.
bc-file-not-usable = This file cannot be attached. Please send another file, or text only.
bc-ask-attachment = Attach a file or photo? If so, send it now; if not, choose “No attachment”.
bc-attach-or-skip = Please send the file to attach, or choose “No attachment”.
bc-button-no-attachment = No attachment
bc-button-quit = ✖ Discard
bc-text-empty = The announcement is empty. Please send its text.
bc-text-too-long = The text is { $length } characters, over the { $max } of one message. Please shorten it and send it again.
bc-text-too-long-caption = With a file attached, the text is the file's caption: at most { $max } characters (now { $length }). Please send a shorter text; the file is kept.
bc-ask-segment = <b>Step 2/3: recipients.</b> Announcements go only to people who agreed to receive them. Who should get this one?
bc-seg-all = Every subscriber
bc-seg-programme = By programme
bc-seg-status = By dossier status
bc-seg-sector = By sector
bc-seg-commune = By commune/ward
bc-seg-language = By language
bc-ask-programme = Enterprises registered for which programme?
bc-ask-status-programme = Dossier status in which programme?
bc-ask-status = { $programme } dossiers with which status?
bc-ask-sector = Enterprises of which sector?
bc-ask-commune = Please choose the commune or ward (enterprises with a submission in brackets), or type its name, with or without diacritics:
bc-ask-commune-none-known = No submission names a commune or ward yet. Please type the name of the one you want:
bc-commune-button = { $commune } ({ $count })
bc-commune-several = { $count } communes or wards match that name. Please choose one:
bc-commune-not-found = No submission is in “{ $commune }”. Please type the name again or choose from the list.
bc-ask-language = Users of which language? (The text stays as written; it is not translated.)
bc-language-vi = Vietnamese
bc-language-en = English
bc-seg-desc-all = every subscriber
bc-seg-desc-programme = enterprises registered for { $programme }
bc-seg-desc-status = { $programme } dossiers with status “{ $status }”
bc-seg-desc-sector = enterprises in { $sector }
bc-seg-desc-commune = enterprises in { $commune }
bc-seg-desc-language = users of the assistant in { $language }
bc-use-buttons = Please choose one of the buttons below (or /cancel to discard).
bc-button-stale = That button belongs to an earlier step. The announcement stands at this step:
bc-draft-lost = The announcement being written could not be read. Please start again with /broadcast.
bc-cancelled = Announcement discarded; nothing was sent.

## Officials: preview and confirmation
bc-preview-intro = <b>Step 3/3: preview.</b> Recipients will see exactly the message below:
bc-summary-segment = To: { $segment }
bc-summary-count = Recipients: <b>{ $count }</b>
bc-summary-channel = { $channel ->
        [telegram] Telegram
        [zalo] Zalo
        [web] web page
       *[other] { $channel }
    }: { $count }
bc-summary-billed = Of them, { $count } on Zalo last interacted over 48 hours ago: the message still arrives, but Zalo bills each one.
bc-summary-zalo-file = A file sent on Telegram cannot go over Zalo: recipients on Zalo see the text with a line saying the file is on Telegram only.
bc-summary-skipped = Not sent: { $unsubscribed } not subscribed or turned off, { $blocked } blocked the assistant, { $unreachable } unreachable (Zalo users silent for over 7 days, or a channel not running).
bc-summary-nobody = Nobody in this group can receive the announcement now. Please choose another group.
bc-button-send-now = ✅ Send now
bc-button-schedule = 🕒 Schedule
bc-button-change-segment = 👥 Change recipients
bc-button-edit = ✏️ Edit text
bc-ask-when = Please type when to send it, Vietnam time, as day/month/year hour:minute, e.g. { $example }.
bc-when-format = That time could not be read. Please type it as day/month/year hour:minute, e.g. { $example }.
bc-when-invalid = That date or time does not exist. Please type it again, e.g. { $example }.
bc-when-past = That time has passed. Please choose a time in the future, e.g. { $example }.
bc-when-too-far = Announcements can be scheduled up to { $days } days ahead. Please check the year.
bc-confirm-schedule = The announcement will be sent at <b>{ $when }</b> (Vietnam time). Confirm?
bc-button-confirm-schedule = ✅ Confirm schedule
bc-button-other-time = Another time
bc-not-allowed = This account may no longer send announcements. Nothing was sent.
bc-started = Confirmed. Announcement <b>{ $id }</b> is being sent; progress is updated every few seconds. To follow, pause or cancel it: /broadcasts.
bc-scheduled = Scheduled: announcement <b>{ $id }</b> will be sent at { $when }. To follow, pause or cancel it: /broadcasts.

## Officials: the list of jobs
bc-list-empty = No announcements yet. Write one with /broadcast.
bc-list-intro = <b>Recent announcements</b> ({ $count }):
bc-list-head = <b>{ $id }</b> · { $state } · { $what }
bc-list-reminders = dossier-deadline reminders
bc-list-excerpt = “{ $text }”
bc-list-scheduled = Scheduled for { $when }
bc-list-progress = Sent { $sent }/{ $planned } recipients ({ $skipped } in the group left out: not subscribed, blocked or out of Zalo's reach)
bc-list-finished = Ended { $when }
bc-state-scheduled = scheduled
bc-state-running = sending
bc-state-paused = paused
bc-state-done = sent
bc-state-cancelled = cancelled
bc-note-creator-not-official = Not sent: its author was no longer an official when it was due.
bc-note-failed = Stopped by a system error; it can be resumed after checking the log.
bc-button-pause = ⏸ Pause { $id }
bc-button-resume = ▶️ Resume { $id }
bc-button-cancel-job = ✖ Cancel { $id }
bc-confirm-cancel = Cancel announcement { $id }? Those who have not received it will not ({ $sent } have).
bc-button-cancel-confirm = ✖ Yes, cancel { $id }
bc-button-keep = Keep it
bc-job-not-found = Announcement { $id } was not found.
bc-job-cannot-pause = Announcement { $id } is neither being sent nor scheduled, so it cannot be paused.
bc-job-cannot-resume = Announcement { $id } is not paused.
bc-job-cannot-cancel = Announcement { $id } has already ended.
bc-job-paused = Announcement { $id } paused. Resume it from /broadcasts.
bc-job-resumed = Announcement { $id } goes on.
bc-job-resumed-scheduled = Announcement { $id } will be sent at { $when }, as scheduled.
bc-job-cancelled = Announcement { $id } cancelled.

## Progress and reports (to the official who created the job)
bc-progress = 📣 { $id }: sent { $sent }/{ $total } · errors { $failed } · blocked { $blocked }
bc-progress-waiting = ⏳ Telegram asked to wait { $seconds } seconds; sending resumes after that.
bc-paused-report = ⏸ Announcement { $id } paused: sent { $sent }/{ $total }. Resume it from /broadcasts.
bc-refused-not-official = Announcement { $id } was not sent: the account that wrote it was no longer an official when it was due.
bc-report-done = ✅ <b>Announcement { $id } sent</b> at { $when }. Results for { $total } people:
bc-report-cancelled = ✖ <b>Announcement { $id } cancelled</b> at { $when }. Results for { $total } people:
bc-report-sent = • Sent: { $count }
bc-report-failed = • Errors, not sent after retries: { $count }
bc-report-blocked = • Blocked the assistant or unfollowed: { $count }
bc-report-unsubscribed = • Not subscribed or turned off: { $count }
bc-report-unreachable = • Unreachable (Zalo users silent for over 7 days, channel not running): { $count }
bc-report-uncertain = • Uncertain (being sent when the system stopped abruptly; not sent again to avoid duplicates): { $count }
bc-report-obsolete = • No longer needed (dossier received or deadline passed): { $count }
bc-report-not-sent = • Not sent (cancelled): { $count }

## Dossier-deadline reminders (to enterprises, in their language)
reminder-intro = 🔔 <b>Dossier deadline reminder</b>
reminder-item =
    Dossier <code>{ $code }</code> — { $org }
    { $programme } { $year }; status: { $status }.
    Dossier deadline: <b>{ $deadline }</b> ({ $days } days left).
reminder-footer = Please complete and submit your dossier before the deadline. For help, contact { $contact }.
reminder-opt-out = Look up your dossier: /status. To stop reminders and announcements: /unsubscribe.

reminder-missing-items =
    Items still missing or to supplement:
    { $items }
