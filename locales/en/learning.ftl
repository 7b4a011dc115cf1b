# Teaching the FAQ from officials' answers: /learn, /approve, the learning flow (src/flows/officials/learn.ts).

cmd-learn = Officials: teach the FAQ from a question and an answer (/learn question | answer)
cmd-approve = Officials: approve new FAQ entries waiting

learn-usage = Usage: <code>/learn question | answer</code> — for example <code>/learn where do I submit the dossier | At the department's one-stop desk.</code>
learn-intro =
    <b>Question:</b> { $question }
    <b>Answer:</b> { $answer }
learn-choose = Add this question as <b>another phrasing</b> of one of the entries below (live at once), or make a <b>new entry</b> from the answer (a second official or an admin approves it):
learn-choose-none = No entry is close to this question. You can make a <b>new entry</b> from the answer (a second official or an admin approves it):
learn-button-phrasing = ➕ Phrasing of: { $question }
learn-button-new = 📝 New entry from this answer
learn-button-cancel = ✖ Cancel
learn-button-submit = 📨 Submit for approval
learn-cancelled = Cancelled; the FAQ is unchanged.
learn-use-buttons = Please choose with the buttons below.
learn-phrasing-added = “{ $question }” is now a phrasing of “{ $entry }”. From now on the bot answers this question (and close ones) with that entry.
learn-ask-topic = Which topic does the new entry belong to?
learn-ask-source = The answer's source: a document already in the source list (for example <code>NĐ 37/2026/NĐ-CP</code>) or a web address (http…); several separated by semicolons.
learn-ask-reviewed = The date the facts were checked (for example 20/11/2026; not after today):
learn-draft =
    <b>Draft of a new entry</b>
    <b>Question:</b> { $question }
    <b>Answer:</b> { $answer }
    <b>Topic:</b> { $topic }
    <b>Source:</b> { $source }
    <b>Checked on:</b> { $reviewed }
    The bot answers with it only once a second official or an admin approves it (/approve).
learn-draft-not-kept = The draft was not saved; start again with /learn.
learn-entry-pending = New entry <code>{ $id }</code> is waiting for approval. Another official or an admin approves it with /approve; until then the bot does not use it.
learn-entry-live = New entry <code>{ $id }</code> added to the FAQ (you are the only admin, so your approval counts).

learn-pending-none = No new FAQ entry is waiting for approval.
learn-pending-head = { $count } new FAQ entries are waiting for approval:
learn-pending-line =
    <b>{ $id }</b> — { $question }
    { $answer }
    Topic: { $topic }; source: { $source }; checked { $reviewed }; proposed by { $by } at { $at }
learn-button-approve = ✅ Approve { $id }
learn-button-reject = ❌ Reject { $id }
learn-approved = Entry <code>{ $id }</code> approved: the bot now answers with it.
learn-rejected = Entry <code>{ $id }</code> rejected: the bot does not use it.

learn-error-not-allowed = Only officials and admins can teach the FAQ.
learn-error-empty = The question is empty.
learn-error-too-short = The question is too short.
learn-error-too-long = The question is longer than { $max } characters; please shorten it.
learn-error-unknown-entry = There is no FAQ entry “{ $entry }”.
learn-error-no-english = This entry has no English version, so an English phrasing cannot be added.
learn-error-duplicate = “{ $question }” is already a phrasing of this entry.
learn-error-duplicate-other = “{ $question }” is already a phrasing of another entry: “{ $entry }”.
learn-error-check = Not saved: the FAQ check found a problem:
    { $problems }
learn-error-needs-vietnamese = A new entry needs its question and answer in Vietnamese.
learn-error-empty-answer = The answer is empty.
learn-error-no-source = The answer's source is required.
learn-error-source = Source “{ $source }” is not in the source list (data/kb/sources.json) and is not a web address (http…).
learn-error-reviewed = The checked date is not right: give a real day, month and year, for example 20/11/2026.
learn-error-reviewed-future = The checked date cannot be after today.
learn-error-topic = That topic is not in the list.
learn-error-placeholder = The answer uses an invalid placeholder “{ $name }”; only these work: { $allowed }.
learn-error-answer-long = The answer is longer than { $max } characters; please split it into several entries.
learn-error-unknown-draft = There is no such entry waiting.
learn-error-not-pending = This entry is no longer waiting (status: { $status }).
learn-error-needs-second = An entry you proposed yourself needs another official or an admin to approve it.
