# Questions and answers: answers from the knowledge base, the invitation to ask, the reply when unsure.

cmd-faq = Questions about the National Quality Award and the NSCL programme
menu-faq = 💬 Questions

faq-invite =
    <b>Questions and answers</b>
    Please type your question (in Vietnamese or English), for example: <i>conditions to enter the award</i>, <i>what the dossier includes</i>, <i>support for ISO 9001</i>.
    Frequent questions:

faq-not-sure =
    The assistant is not sure about this question, so it does not answer rather than risk wrong information.
    <b>Did you mean…</b>
faq-suggestion-line = { $n }. { $question }
faq-not-sure-footer = You can choose a question above, ask again more precisely, or contact:
faq-out-of-scope =
    The assistant has no answer to this question. It answers only about the <b>National Quality Award</b> and the <b>Productivity and Quality Programme (NSCL)</b>; for other administrative procedures please see the public-service portal or the authority in charge.
    If your question is about these two subjects, please ask again more precisely, browse the questions, or contact:

faq-greeting = Welcome! Please type a question about the National Quality Award or the NSCL programme, or choose an item below.
faq-thanks = Glad to help. Type another question whenever you need.

faq-button-browse = 📚 Browse questions
faq-button-calendar = 📅 This year's calendar
faq-button-back-topic = ⬅ { $topic }

faq-regime-legacy = <i>⚖️ Under the old rules (Decrees 132/2008, 74/2018, Circular 27/2019) that the provincial plans cite so far; which award year the new rules apply from is not confirmed.</i>
faq-regime-2026 = <i>⚖️ Under the new rules (Law 78/2025/QH15, Decree 37/2026/NĐ-CP); many details, including the first award year they apply to, are not fully published.</i>
faq-regime-both = <i>⚖️ This answer covers both the old rules (Decrees 132/2008, 74/2018) and the new rules (Decree 37/2026); each point says which.</i>
faq-regime-programme = <i>⚖️ Under the NSCL programme (Decision 1322/QĐ-TTg, 2021–2030) and the provincial plans for 2021–2025; the province's 2026–2030 plan is not in the assistant's data yet.</i>
faq-general-definition = <i>The explanation of the term is general background, not quoted from the sources.</i>
faq-vietnamese-only = <i>(This answer is available in Vietnamese only.)</i>
faq-source = <i>Sources: { $sources }. Reviewed: { $reviewed }.</i>

faq-contact-heading = 📞 <b>{ $unit }</b>
faq-contact-line = • { $label }: { $value }
faq-contact-address = Address
faq-contact-phone = Phone
faq-contact-email = Email
faq-contact-website = Website
faq-contact-missing-value = <i>not updated yet</i>
faq-contact-missing-note = <i>The contact details are not in the assistant yet; you can contact the { $parent } directly or the province's public-service centre.</i>

faq-cofunding-known = { $resolution }.
faq-cofunding-unknown = the assistant does not know which resolution applies; please ask the { $parent }.
