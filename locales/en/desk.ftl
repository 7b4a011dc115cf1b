# The officials' web desk (/desk) and /login in the bot.
cmd-desk-login = Officials: a sign-in link to the web desk
desk-web-login-link =
    🔐 <b>Sign in to the web desk</b>
    <a href="{ $url }">Open the desk</a>
    The link works <b>once</b>, for { $minutes } minutes, and only for your account. Please do not forward it. For a new link, send /login again.

dw-brand = Officials' desk — GTCLQG &amp; NSCL assistant
dw-refused-title = Access refused
dw-sign-in-first = This page is for signed-in officials only. Send /login to the assistant on Telegram or Zalo to get a sign-in link.
dw-link-malformed = This sign-in link is not valid. Send /login to the assistant for a new one.
dw-link-unknown = This sign-in link is not valid. Send /login to the assistant for a new one.
dw-link-used = This sign-in link has been used already. Each link works once; send /login for a new one.
dw-link-expired = This sign-in link has expired (after 10 minutes). Send /login for a new one.
dw-link-not-official = This account no longer holds an official's role.
dw-link-too-many = Too many invalid sign-in links came from this address. Please try again in 15 minutes.
dw-login-title = Sign in
dw-login-continue-text = Press the button below to open the desk.
dw-login-continue = Open the desk
dw-signed-out-title = Signed out
dw-signed-out = Signed out of the desk on every browser. Send /login to the assistant to sign in again.
dw-csrf = This form has expired or did not come from the desk. Please reload the page and try again.
dw-not-allowed = Your account may not use this page.
dw-not-found = There is no such page.
dw-not-found-title = Not found
dw-sign-out = Sign out
dw-signed-in-as = { $who } ({ $role })
dw-other-language = Tiếng Việt

dw-nav-dossiers = Dossiers
dw-nav-figures = Figures
dw-nav-roles = Roles

dw-dossiers-title = Dossiers
dw-all = All
dw-filter-q = Search by code, tax code or name
dw-filter-programme = Programme
dw-filter-year = Award year
dw-filter-status = Status
dw-filter-sector = Sector
dw-filter-size = Size (Decree 80/2021)
dw-filter-commune = Commune/ward
dw-filter-stalled = Stalled (waiting over { $days } days)
dw-filter-apply = Filter
dw-filter-clear = Clear filters
dw-stalled-mark = (stalled)
dw-list-count = { $count } dossiers
dw-list-near = No name contains the words as typed; these names are spelled nearly the same.
dw-list-empty = No dossier matches.
dw-export-xlsx = Download Excel (XLSX)
dw-export-csv = Download CSV
dw-col-code = Code
dw-col-name = Organisation
dw-col-programme = Programme, year
dw-col-status = Status
dw-col-commune = Commune/ward
dw-col-changed = Updated
dw-pages = Pages
dw-page-previous = ← Previous page
dw-page-next = Next page →
dw-page-of = Page { $page } of { $pages }

dw-dossier-unknown = There is no dossier with this code.
dw-done-moved = The status was changed.
dw-done-notice-sent = ✅ The status was changed and the enterprise was notified.
dw-done-notice-failed = ⚠️ The status was changed but the notice could not be delivered (the reason is in the history). Please call or email the enterprise.
dw-done-stale = Another official has just moved this dossier; nothing was changed. Please check its current status.
dw-done-noted = The internal note was saved.
dw-done-file-sent = The file was sent to you in the assistant.
dw-done-file-not-sent = The file could not be sent to you in the assistant.
dw-files = Files
dw-files-none = No files yet.
dw-file-send-to-me = Send it to me in the assistant (kept by { $channel })
dw-file-gone = The file { $name } is no longer on the server.
dw-moves = Change the status
dw-move-note = Note for the enterprise when moving to “{ $to }” (optional)
dw-move-note-supplement = Documents to supplement (the enterprise receives exactly this text)
dw-move-preview = Preview the notice: { $to }
dw-note-title = Internal note
dw-note-label = Note (seen by officials only, never sent to the enterprise)
dw-note-save = Save the note
dw-back-to-list = ← Back to the list

dw-form-invalid = The form is not valid. Please open the dossier again and retry.
dw-move-refused = Cannot move from “{ $from }” to “{ $to }”. Possible moves: { $allowed }.
dw-preview-title = Notice preview — { $code }
dw-preview-lead = Dossier { $code } ({ $org }): “{ $from }” → “{ $to }”. The enterprise will receive exactly the notice below on { $channel }, in { $language }. Nothing has been sent yet.
dw-move-confirm = Move to “{ $to }” and send the notice
dw-cancel = Cancel

dw-figures-title = Figures
dw-latest-year = Latest year
dw-chart-alt = Chart of dossiers by status — { $programme } { $year }
dw-figures-list = See the dossiers of this year
dw-exports-title = Export the list

dw-roles-title = Roles
dw-roles-user = Account
dw-roles-role = Role
dw-roles-granted = Granted by, at
dw-roles-bootstrap = set by OFFICIAL_TELEGRAM_IDS
dw-roles-revoke = Revoke
dw-roles-grant-title = Grant a role
dw-roles-user-label = Account id (Telegram: digits; Zalo: zalo:id)
dw-roles-grant = Grant
