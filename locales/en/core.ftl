# Core texts in English (second language). Same rules as locales/vi: placeables are escaped; only <b>, <i>, <u>, <code>, <a href="…">.

bot-name = Productivity and Quality Assistant

welcome =
    Welcome! This is the <b>{ bot-name }</b> of { $unit }.

    The assistant can help your organisation to:
    • learn about the National Quality Award (GTCLQG) and the Productivity and Quality Programme (NSCL);
    • register for the Award or request support;
    • follow the status of a registered dossier.

    You can type a question in Vietnamese or English, or choose an item below. Type /help for help.
    <i>Tiếng Việt: gõ /ngonngu.</i>

privacy-notice =
    <i>About personal data:</i> the assistant keeps only the information you provide, for advice and registration. It is stored on the Department's server, seen only by the officials in charge, and not passed to third parties.

cmd-start = Start and see what the assistant can do
cmd-help = How to use the assistant
cmd-cancel = Cancel what you are doing
cmd-language = Change language (Tiếng Việt / English)


help-intro = <b>How to use the assistant</b>
    You can use these commands (type them or press a button):
help-command-line = { $commands } — { $description }
help-footer = Besides these commands you can type a question directly. /cancel stops what you are doing.

unknown-command = There is no command { $command }. Please type /help to see the available commands, or choose an item below.
button-not-valid = This button is no longer valid (the step may have ended). Please choose again from the menu below.
not-understood = The assistant did not understand this. Please ask a more specific question, type /help, or choose an item below.
unsupported-message = The assistant can only read text messages and document files. Please type your question or choose an item below.
file-without-context = The assistant received the file but does not know which dossier it belongs to. Files are kept only when sent during registration or when adding to a dossier.
text-too-long = The message is too long (at most { $max } characters). Please send a shorter one.
error-internal = Sorry, the system ran into a problem with this message. Your earlier answers are kept; please try again in a few minutes.
error-storage = Sorry, the system could not save your last answer. Please send it again in a few minutes; your earlier answers are kept.
error-busy = Sorry, the system was still busy with an earlier request and did not take your last message. Please send it again; your earlier answers are kept.
error-after-commit = What you just did has been saved, but the system could not finish the step after it (such as notifying the person concerned). There is no need to send it again; if needed, please check again in a few minutes or contact the officer in charge.
group-not-supported = To protect your organisation's information, the assistant works in private messages only. Please message the assistant directly.

cancel-nothing = Nothing is in progress.
cancel-done = Cancelled.

language-name = English
language-choose = Quý doanh nghiệp vui lòng chọn ngôn ngữ / Please choose a language:
language-changed = Switched to English. The assistant will answer you in English.

# The local web chat page.
web-title = Productivity and Quality Assistant
web-subtitle = Questions and answers on the National Quality Award and the Productivity and Quality Programme
web-placeholder = Type a question or an answer…
web-send = Send
web-busy = Sending…
web-error = The message could not be sent, please try again
web-log-label = Conversation
web-attach = 📎
web-attach-label = Send a dossier file
web-uploading = Sending the file…

# Printed by npm start for the person at the server.
startup-web-chat = The assistant is running. Open the chat page: { $url }
startup-no-telegram = TELEGRAM_BOT_TOKEN is not set: only the local web chat runs (see the README to connect Telegram).
console-hint = Type a question or the number of an option and press Enter; type /thoat to quit.
