# Short messages: FAQ answers that lead with the answer, the contact line, replies to "ok", multi-select taps (edited in place), announcements.

faq-button-more = 📖 Read more
faq-more-title = <b>{ $question }</b> <i>(continued)</i>
faq-ack = Noted. Whenever you need, type a question or choose an item below.

contact-line = 📞 { $unit } · { $contacts }
contact-line-office = 📞 Contact: { $unit } — at the Department or the province's public-service centre.
contact-line-brief = 📞 { $contacts }

form-multi-picked = ✓ Selected: { $item } ({ $count } selected; press “Done” when finished)
form-multi-unpicked = ✗ Unselected: { $item } ({ $count } selected)

broadcast-sender = 📢 <b>Announcement from { $unit }</b>
broadcast-stop = <i>/unsubscribe to stop receiving these</i>
faq-source-others = and { $count } more

# The unit and its contacts inside a sentence (notices, input errors, submissions): only what the unit has set.
unit-contact-phone = { $unit } (phone: { $phone })
unit-contact-email = { $unit } (email: { $email })
unit-contact-office = { $unit } (at the Department or the province's public-service centre)
