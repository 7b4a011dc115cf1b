# Shared by channels that show choices as a numbered list (src/channels/shared/choices.ts). Sent as plain text.

choose-by-number = Quý doanh nghiệp vui lòng trả lời bằng số thứ tự của lựa chọn (ví dụ: 1).
