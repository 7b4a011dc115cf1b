# Browsing: programmes → topics → questions.

cmd-programmes = Browse frequent questions by programme and topic
menu-programmes = 📚 Programmes

programmes-intro =
    <b>Programmes and topics</b>
    Choose an item to see frequent questions, or type a question at any time.
programmes-choose-topic = Choose a topic:
programmes-topic-heading = <b>{ $topic }</b>
programmes-question-line = { $n }. { $question }
programmes-page = <i>Page { $page }/{ $pages }</i>
programmes-topic-footer = Choose a question number below, or type your own question.
programmes-back-home = ⬅ All programmes
programmes-back = ⬅ { $title }
programmes-next = Next page ▶
programmes-previous = ◀ Previous page
programmes-register-gtclqg = 📝 Register for the Award
programmes-register-nscl = 📝 Request productivity and quality support
