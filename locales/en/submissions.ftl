# Following a submission: statuses, /status, /mydata, /withdraw, files sent later.

cmd-status = Look up the status of a submission
cmd-my-data = See the data the assistant keeps about you
cmd-withdraw = Withdraw a submission
menu-status = 🔎 Look up a submission

status-gtclqg-registered = Registered
status-gtclqg-dossier-received = Dossier received
status-gtclqg-needs-supplement = Dossier needs additions
status-gtclqg-desk-review = Dossier under assessment
status-gtclqg-onsite-review = On-site assessment
status-gtclqg-shortlisted = Proposed by the preliminary council
status-gtclqg-not-shortlisted = Not proposed by the preliminary council
status-gtclqg-national-council = Sent to the national council
status-gtclqg-gold-award = Gold National Quality Award
status-gtclqg-award = National Quality Award
status-gtclqg-not-awarded = Not awarded
status-gtclqg-withdrawn = Withdrawn
status-nscl-registered = Registered
status-nscl-eligible = Eligible for support
status-nscl-ineligible = Not eligible for support
status-nscl-in-plan = Included in the plan
status-nscl-in-progress = Under way
status-nscl-acceptance = Acceptance review
status-nscl-completed = Completed
status-nscl-withdrawn = Withdrawn
status-unknown = Unknown

sub-public-status =
    Submission <code>{ $code }</code> — { $programme } { $year }
    Status: <b>{ $status }</b>
    Last updated: { $date }
sub-code-invalid = This is not a submission code. Codes look like { $example } (GT: National Quality Award; NS: productivity and quality support).
sub-code-unknown = No submission has the code { $code }. Please check the code in your registration confirmation.
sub-none = No submission has been registered from this account. To look one up, type /status with its code, for example: /status GT-2026-0042.
sub-own-intro = Submissions registered from this account ({ $count }):
sub-own-footer = Withdraw: /withdraw. Everything stored about you: /mydata.
sub-details-head = <b>Submission { $code }</b> — { $programme } { $year }
sub-field-status = Status
sub-status-since = { $status } (since { $date })
sub-field-size = Size (Decree 80/2021)
sub-field-contact = Contact person
sub-contact-value = { $name }, { $position }; phone { $phone }; email { $email }
sub-contact-removed = removed at your request on { $date }
sub-field-pending-contact = New contact details
sub-pending-contact = sent on { $date }, waiting for an official to check
sub-field-history = History
sub-history-line = { $date }: { $status }

sub-not-found = This submission is not among those registered from your account.
sub-withdraw-final = Submission { $code } is closed and cannot be withdrawn.
sub-remove-contact-open = The contact details can be removed only after withdrawing submission { $code }.
sub-attach-final = Submission { $code } is closed and takes no more documents.
sub-attach-too-many = A submission takes at most { $max } files.
sub-status-not-of-programme = This status is not part of the workflow of submission { $code }.
sub-no-pending-contact = Submission { $code } has no new contact details waiting to be checked.

data-intro =
    <b>The data the assistant keeps about you</b>
    It is stored on the Department's server, seen only by the officials in charge at { $unit }, and not passed to third parties.
data-user =
    <b>Account</b>: channel { $channel }, id { $id }; language: { $chosen ->
        [yes] { $language }
       *[no] { $language } (default)
    }; first message { $first }, latest { $last }.
data-no-submissions = No submissions yet.
data-rights = You can withdraw a submission (/withdraw): it is kept for the record with the status “withdrawn”; after withdrawing you can have the contact details removed. An unfinished registration is deleted with /cancel, or by itself after 30 days without use.
data-button-withdraw = Withdraw { $code }
data-button-remove-contact = Remove the contact details of { $code }
data-button-withdraw-yes = ✅ Yes, withdraw
data-button-keep = Do not withdraw
data-button-keep-contact = Keep the contact details
data-withdraw-confirm = Do you confirm withdrawing submission <code>{ $code }</code> ({ $org }, status: { $status })? It will be kept for the record as “withdrawn” and not considered further.
data-withdraw-which = Which submission do you want to withdraw?
data-nothing-to-withdraw = You have no submission under consideration to withdraw.
data-withdrawn = Submission <code>{ $code }</code> is withdrawn and kept for the record. Do you want the contact person's details (name, position, phone, email) removed from it?
data-contact-removed = The contact details were removed from submission <code>{ $code }</code>.
data-kept = Nothing was changed.
data-withdraw-confirm-linked = Submission <code>{ $code }</code> ({ $org }, status: { $status }) was registered from another account; the request to withdraw it will be sent to that account to confirm. Do you want to send it?
data-linked =
    <b>Accounts linked to submission { $code }</b> (they see it and get its notices):
    { $accounts }
data-linked-account = • { $channel }, linked { $date }
data-button-unlink = Unlink { $channel } ({ $date }) from { $code }
data-unlinked = Unlinked: the other { $channel } account no longer sees submission { $code }.
data-unlinked-account = The account that registered submission { $code } has unlinked this account: it no longer sees the submission or gets its notices.
data-withdrawn-confirmed = Submission <code>{ $code }</code> is withdrawn and kept for the record.
final-ask-withdraw = The { $channel } account linked to submission <b>{ $code }</b> ({ $org }) asks to <b>withdraw it</b> ({ $when }). Nothing has changed yet. Do you confirm the withdrawal?
final-ask-remove-contact = The { $channel } account linked to submission <b>{ $code }</b> ({ $org }) asks to <b>remove the contact details</b> ({ $when }). Nothing has changed yet. Do you confirm?
final-button-confirm = ✅ Confirm
final-button-decline = Decline
final-asked = The request was sent to the { $channel } account that registered { $code }. Nothing changes until that account confirms.
final-owner-unreachable = The assistant could not reach the account that registered { $code }; nothing has changed. Please use that account, or contact the { $contact }.
final-declined = Submission { $code } is kept as it is; nothing was changed.
final-declined-requester = The account that registered { $code } did not agree to the request; the submission is unchanged.
final-withdrawn-requester = The account that registered { $code } confirmed: the submission is withdrawn and kept for the record.
final-contact-removed-requester = The account that registered { $code } confirmed: the contact details were removed from the submission.

attach-which = Which submission should the { $count } file(s) ({ $names }) be attached to?
attach-button = 📎 Submission { $code }
attach-button-none = Do not attach
attach-done = { $names } attached to submission <code>{ $code }</code> (it now has { $count } file(s)).
attach-not-kept = The file was not kept.

# Linking the same enterprise on another channel (/link).
cmd-link = Follow a submission registered from another channel (Telegram, Zalo…)
channel-telegram = Telegram
channel-zalo = Zalo
channel-web = web chat
channel-console = terminal
link-usage = Please add the tracking code, e.g. <code>/link GT-2026-0042</code>. The account that registered it will be asked to confirm.
link-not-found = No submission has the code { $code }. Please check it (e.g. GT-2026-0042).
link-already = This account already follows submission { $code }. Type /status to see it.
link-requested = The assistant has asked the { $channel } account that registered { $code } to confirm, telling it this account's channel and the contact name of a submission this account registered (if any). Once it agrees, you will see the submission and get its notices here.
link-confirm-question =
    A request to follow submission <b>{ $code }</b>:
    • From: an account on { $channel }; { $who }
    • At: { $when }
    If you agree, that account will see the status and all details of the submission (the contact details too) and get its notices. Withdrawing the submission or removing the contact from that account will still need your confirmation; you can unlink it at any time in /mydata.
    If that is you (or someone you asked), press “Agree”; if you do not know who asks, press “Decline” — that account will see nothing of the submission.
link-who-named = the person asking is <b>{ $name }</b> ({ $org }), from a submission that account registered
link-who-unknown = the assistant does not know who asks (that account has registered no submission)
link-limit-requester = This account has sent several link requests in the past hour. Please try again after { $time }, or contact the { $contact }.
link-limit-submission = This submission has had several link requests today. Please try again after { $time }, or contact the { $contact } for help.
link-not-linked = That account is no longer linked to submission { $code }.
link-confirm-yes = Agree
link-confirm-no = Decline
link-owner-unreachable = The assistant could not ask the account that registered the submission. Please use that account, or contact { $unit } for help.
link-expired = This link request is no longer valid (already answered, or older than 24 hours).
link-declined = Declined. The other account cannot see submission { $code }.
link-declined-requester = The account that registered { $code } did not agree to let this account follow it.
link-done-owner = Agreed: the other { $channel } account now sees submission { $code } and gets its notices.
link-done-requester = Linked: this account now sees submission { $code } and gets its notices. Type /status to see it.
link-too-many = Submission { $code } is already linked to the most accounts allowed (10).

file-rules = Dossier files: PDF, Word or images ({ $types }), at most { $max } MB each.
file-too-large = This file is larger than { $max } MB, so it could not be received. Please compress or split it and send it again (PDF, Word or images: { $types }).
file-empty = This file is empty. Please check it and send it again (PDF, Word or images: { $types }, at most { $max } MB).
file-type-unsupported = Only PDF, Word or image files ({ $types }) of at most { $max } MB each are accepted. Please convert the file to one of these formats and send it again.
file-content-mismatch = The file's content does not match the type its name ends with (for example a file ending in .pdf that is not a PDF), so it was not received. Please check the file and send it again (PDF, Word or images: { $types }, at most { $max } MB).
file-gone = The file “{ $name }” is no longer kept on the server, so it could not be attached. Please ask the enterprise to send it again.

file-not-kept = The file “{ $name }” was not kept.
checklist-head = <b>Dossier checklist</b> (<code>{ $code }</code>):
checklist-state-missing = ⬜ not sent
checklist-state-sent = 📤 sent
checklist-state-needs-more = ⚠️ to supplement
checklist-state-ok = ✅ accepted
checklist-optional = { $name } (optional)
checklist-line = • { $name }: { $state } ({ $files } file(s))
checklist-line-note = • { $name }: { $state } ({ $files } file(s)) — the official's note: { $note }
checklist-unassigned = { $count } file(s) not under any item yet.
checklist-complete = The dossier has every required item.
checklist-incomplete = The dossier does not have every required item yet.
checklist-not-published = <i>This list follows the guidance of past years: the dossier list under Law 78/2025/QH15 and Decree 37/2026/NĐ-CP has not been published.</i>
checklist-item-unknown = This item is not in the dossier list of { $code }.
item-which = Which item of submission <code>{ $code }</code> are the files you sent ({ $names }) for? Please choose one (you may send more files for the same item before choosing).
item-button = 📁 { $name }
item-button-later = Later
item-button-sort = 📁 Sort the files of { $code } into items
item-done = { $count } file(s) filed under “{ $name }” in submission <code>{ $code }</code>.
item-later = The files are kept in submission <code>{ $code }</code> but not under any item yet. You can sort them later from /status.
item-none-unsorted = Submission <code>{ $code }</code> has no unsorted files.
