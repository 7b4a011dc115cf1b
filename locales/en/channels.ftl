# Shared by channels that show choices as a numbered list (src/channels/shared/choices.ts). Sent as plain text.

choose-by-number = Please answer with the number of your choice (for example: 1).
