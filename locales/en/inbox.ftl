## Hand-off: a question the bot cannot answer reaches a person (/inbox)

cmd-ask-person = Pass a question to an official of the unit
cmd-inbox = Officials: questions passed to the unit, answer enterprises
menu-inbox = 📥 Inbox

inbox-button-ask-person = 🙋 Ask an official
inbox-ask-question = Please type your question (as specific as you can); the assistant will pass it to the official in charge.
inbox-ask-more = Your earlier question (no. { $id }) is waiting for an official's answer. You may type more; the assistant will add it to the same question.
inbox-ask-cancelled = Cancelled; no question was passed on.
inbox-vote-thanks = Thank you for rating the answer.
inbox-vote-already = You have already rated this answer.
inbox-vote-sorry = We are sorry the answer did not help.
inbox-when-today = within today's office hours
inbox-when-unknown = on the next working day
inbox-when-next = on the next working day, { $weekday ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
  } { $date }
inbox-passed = 📨 The assistant has passed your question to { $unit } (no. { $id }). An official will answer you here in this conversation, expected { $when }.
inbox-passed-added = 📨 The assistant has added your question to your request waiting for an answer (no. { $id }) with { $unit }. An answer is expected { $when }.

inbox-empty = No questions are waiting for an answer.
inbox-list-head = 📥 <b>Questions waiting</b>: { $total } (oldest first; { $from }–{ $to }):
inbox-list-more = More questions:
inbox-button-next = Next page ➜
inbox-item-head = <b>{ $id }</b> · { $channel } · { $locale } · { $at } · { $status ->
    [open] waiting
    [answered] answered
   *[other] no reply needed
  }
inbox-item-question = • { $at } ({ $reason ->
    [refused] the assistant could not answer
    [not-helpful] the answer did not help
   *[other] asked for an official
  }): “{ $text }”
inbox-item-tail-head = <i>Before that:</i>
inbox-item-tail-user = <i>  { $at } the enterprise: “{ $text }”</i>
inbox-item-tail-answered = <i>  → the assistant answered with “{ $entry }”</i>
inbox-item-tail-refused = <i>  → the assistant could not answer</i>
inbox-item-offered = <i>The assistant suggested: { $entries }</i>
inbox-item-answer = ✅ { $at } — { $signed }: “{ $text }”
inbox-item-answered-oa = ✅ { $at } — answered in the Zalo OA's own chat.
inbox-item-undelivered = ⚠️ { $at }: the answer could not be sent ({ $reason }). The question stays open.
inbox-item-unreachable = ⚠️ The enterprise cannot be messaged on its channel now ({ $reason }): an answer would not be sent.
inbox-item-contact = The enterprise's contact (from its registration): { $phone }, { $email }
inbox-item-no-contact = The enterprise left no phone or email in any registration.
inbox-button-answer = ✍️ Answer
inbox-button-no-reply = No reply needed
inbox-ask-answer = Type the answer to question { $id } (your next message). The assistant will show a preview before sending.
inbox-preview-head = Preview of the answer to { $id } (the enterprise receives exactly this; type another message to add to it):
inbox-button-send = ✅ Send
inbox-button-edit = ✏️ Edit
inbox-button-cancel = ✖ Cancel
inbox-button-sign-own = Sign with my name
inbox-button-sign-unit = Sign with the unit's name
inbox-signed-person = { $name }, { $unit }
inbox-answer-to-user = 💬 <b>An answer to your question</b>
  “{ $question }”

  { $answer }

  — { $signature }
inbox-answer-sent = ✅ The answer to { $id } was sent.
inbox-answer-not-sent = ⚠️ The answer to { $id } could not be sent; the question stays open, with the reason.
inbox-not-reachable = ⚠️ The answer to { $id } cannot be sent: Zalo allows consultation messages only within 7 days of the enterprise's last message to the OA. The question stays open; you may contact the enterprise another way.
inbox-no-reply-done = { $id } is marked as needing no reply.
inbox-closed = Question { $id } has already been dealt with.
inbox-not-found = Question { $id } was not found.
inbox-not-official = Only officials can answer questions in the inbox.
inbox-answer-empty = The answer is empty. Please type the answer.
inbox-answer-too-long = The answer is too long; please shorten it.

stats-inbox-head = <b>Questions and the inbox per week</b> (last 4 weeks; ISO weeks, newest first):
stats-inbox-week = • { $week }: asked { $asked }, answered by the assistant { $bot }; passed to officials { $passed }, answered by officials { $people } (median { $median } minutes); 👍 { $up } / 👎 { $down } of { $votes } ratings
stats-inbox-themes = Frequent themes of questions the assistant could not answer (word pairs, without diacritics; questions): { $themes }
stats-inbox-no-themes = No theme repeats among the questions the assistant could not answer.

inbox-data = <b>Questions passed to officials</b>: { $items } requests ({ $questions } questions, { $open } waiting): { $ids }. The assistant keeps the questions, the answers and their times so that officials can answer you.
inbox-data-button-delete = 🗑 Delete the questions passed on
inbox-data-delete-confirm = Delete every question you passed to officials (including those still waiting)? Officials will no longer see or answer them.
inbox-data-button-delete-yes = Yes, delete
inbox-data-deleted = { $count } requests deleted.

inbox-button-learn-phrasing = 📚 Add as another phrasing of an entry
inbox-button-learn-new = 🆕 Create a new entry from the answer
inbox-not-learnable = Question { $id } has no official's answer for the assistant to learn from.
