# The form engine (registration, support request, contact update): navigation, summary, errors.

form-progress = <i>Question { $n } of { $total }</i>
form-current-answer = Current answer: <b>{ $answer }</b> — type a new one or press Keep.
form-picked = Selected: { $list }
form-picked-none = Nothing selected yet.
form-files-so-far = { $count } file(s) received: { $list }
form-no-files = No files
form-not-answered = (not answered)
form-skipped = (skipped)
form-none-chosen = None
form-consent-given = Agreed at { $at }

form-button-back = ⬅️ Back
form-button-to-summary = ⬅️ Back to the summary
form-button-skip = ⏭ Skip
form-button-keep = ✔️ Keep
form-button-done = ✔️ Done ({ $count })
form-button-files-done = ✔️ Done
form-button-no-files = No files now, send later
form-button-consent-yes = ✅ I agree
form-button-consent-no = I do not agree
form-button-edit = ✏️ { $field }
form-button-cancel = ✖️ Cancel
form-button-cancel-yes = Yes, cancel
form-button-cancel-no = No, continue
form-button-restart = 🔄 Start over

form-summary-line = • <b>{ $label }</b>: { $value }
form-summary-hint = Press ✏️ to change an item, or press Submit when everything is correct.
form-summary-typed = All questions are answered. Please press ✏️ to change an item, or press Submit (you can also type “submit”).
form-back-at-start = This is the first question.
form-cannot-skip = This question needs an answer; it cannot be skipped.
form-button-old = That button belongs to an earlier question. The current question:

form-err-choice = The assistant did not recognise this choice. Please press one of the buttons below or type the option's number (for example: 1).
form-err-multi = Some items were not recognised. Please press the buttons below and then Done, or type the numbers separated by commas (for example: 1, 3).
form-err-multi-min = Please choose at least { $min } item(s), then press Done.
form-err-files = At this step you can send files (PDF, Word, pictures…) into the chat, or press Done to go on.
form-err-consent = Please press “I agree” or “I do not agree” (or type “yes” / “no”).
form-help-offer = If you need help, please contact { $contact }; or press Cancel to stop the registration.
form-question-continue = Please continue:
form-question-not-found = The assistant has no answer to this question yet. You can ask again after finishing the registration, or contact { $contact }.

form-consent-declined = The assistant can only take a registration with your agreement to the processing of the data; nothing has been stored. You can still ask questions, or contact the department directly.
form-cancel-confirm = Do you really want to cancel? The answers you have entered will be deleted.
    If you only want to stop for now, press “No, continue” and come back any time: your answers are kept for { $days } days; type /register to go on.
form-cancelled = Cancelled; the answers you entered have been deleted.

form-file-received = 📎 File “{ $name }” received ({ $count } in total); it will be attached when you submit.
form-file-again = File “{ $name }” was already received.
form-file-too-many = At most { $max } files can be sent with one registration; you can send more after registering.
form-file-not-here = Files are not taken in this part; you can send documents after finishing.

form-welcome-back = Welcome back! Your { $form } ({ $count } answers, last at { $when }) is kept as it was. Please answer the question below to go on, or press Start over.
form-expired = Your unfinished { $form } (last at { $when }) expired after 30 days without use; its answers have been deleted. You can start again with /register.
form-state-broken = Sorry, the assistant could not read your unfinished registration (the system may have been updated). Please start again from the beginning.
form-in-progress = <b>Unfinished { $form }</b> (last at { $when }; type /register to go on):
