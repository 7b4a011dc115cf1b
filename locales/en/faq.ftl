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
faq-not-sure-footer = You can choose a question above or ask again more precisely.
faq-out-of-scope = The assistant has no answer to this question. It answers only about the <b>National Quality Award</b> and the <b>NSCL programme</b>.
faq-greeting = Welcome! Please type a question about the National Quality Award or the NSCL programme, or choose an item below.
faq-thanks = Glad to help. Type another question whenever you need.

faq-button-browse = 📚 Browse questions
faq-button-calendar = 📅 This year's calendar
faq-button-back-topic = ⬅ { $topic }

faq-regime-legacy = <i>⚖️ Under the old rules (Decrees 132/2008, 74/2018); the first award year under the new rules is not confirmed.</i>
faq-regime-2026 = <i>⚖️ Under the new rules (Decree 37/2026/NĐ-CP); many details are not published yet.</i>
faq-regime-both = <i>⚖️ Covers the old rules (Decree 74/2018) and the new ones (Decree 37/2026); each point says which.</i>
faq-regime-programme = <i>⚖️ Under the NSCL programme (Decision 1322/QĐ-TTg); the province's 2026–2030 plan is not in the data yet.</i>
faq-general-definition = <i>The explanation of the term is general background, not quoted from the sources.</i>
faq-vietnamese-only = <i>(This answer is available in Vietnamese only.)</i>
faq-source = <i>Sources: { $sources } (reviewed { $reviewed })</i>

faq-cofunding-known = { $resolution }.
faq-cofunding-unknown = the assistant does not know which resolution applies; please ask the { $parent }.
