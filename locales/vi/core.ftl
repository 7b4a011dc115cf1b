# Core texts: welcome, help, errors. Polite administrative register; the user is "Quý doanh nghiệp".
# Placeables ({ $x }) are escaped by the bot; only <b>, <i>, <u>, <code> and <a href="…"> may be used, and & must be written &amp;.

bot-name = Trợ lý Năng suất – Chất lượng

welcome =
    Kính chào Quý doanh nghiệp! Đây là <b>{ bot-name }</b> của { $unit }.

    Trợ lý có thể giúp Quý doanh nghiệp:
    • tìm hiểu Giải thưởng Chất lượng Quốc gia (GTCLQG) và Chương trình nâng cao năng suất và chất lượng (NSCL);
    • đăng ký tham dự Giải thưởng hoặc đề nghị hỗ trợ;
    • theo dõi tình trạng hồ sơ đã đăng ký.

    Quý doanh nghiệp có thể gõ câu hỏi bằng tiếng Việt, có dấu hoặc không dấu, hoặc chọn một mục bên dưới. Gõ /trogiup để xem hướng dẫn.
    <i>In English: type /language.</i>

privacy-notice =
    <i>Về dữ liệu cá nhân:</i> trợ lý chỉ lưu những thông tin Quý doanh nghiệp cung cấp để phục vụ việc tư vấn và đăng ký. Dữ liệu được lưu trên máy chủ của Sở, chỉ cán bộ phụ trách được xem và không chuyển cho bên thứ ba.

cmd-start = Bắt đầu và xem các chức năng
cmd-help = Hướng dẫn sử dụng
cmd-cancel = Hủy thao tác đang thực hiện
cmd-language = Đổi ngôn ngữ (Tiếng Việt / English)


help-intro = <b>Hướng dẫn sử dụng</b>
    Quý doanh nghiệp có thể dùng các lệnh sau (gõ lệnh hoặc chọn nút):
help-command-line = { $commands } — { $description }
help-footer = Ngoài các lệnh trên, Quý doanh nghiệp có thể gõ câu hỏi trực tiếp. Lệnh /huy dừng thao tác đang làm dở.

unknown-command = Trợ lý không có lệnh { $command }. Quý doanh nghiệp vui lòng gõ /trogiup để xem các lệnh hiện có hoặc chọn một mục bên dưới.
button-not-valid = Nút này không còn hiệu lực (có thể thao tác đã kết thúc). Quý doanh nghiệp vui lòng chọn lại từ danh mục bên dưới.
not-understood = Trợ lý chưa hiểu nội dung này. Quý doanh nghiệp vui lòng gõ câu hỏi cụ thể hơn, gõ /trogiup, hoặc chọn một mục bên dưới.
unsupported-message = Trợ lý hiện chỉ đọc được tin nhắn chữ và tệp tài liệu. Quý doanh nghiệp vui lòng gõ nội dung cần hỏi hoặc chọn một mục bên dưới.
file-without-context = Trợ lý đã nhận tệp nhưng chưa rõ tệp này dùng cho hồ sơ nào. Tệp chỉ được lưu khi Quý doanh nghiệp gửi trong lúc đăng ký hoặc bổ sung hồ sơ.
text-too-long = Tin nhắn quá dài (tối đa { $max } ký tự). Quý doanh nghiệp vui lòng gửi ngắn gọn hơn.
error-internal = Xin lỗi Quý doanh nghiệp, hệ thống vừa gặp sự cố khi xử lý tin nhắn này. Các thông tin đã trả lời trước đó vẫn được giữ nguyên; Quý doanh nghiệp vui lòng thử lại sau ít phút.
error-storage = Xin lỗi Quý doanh nghiệp, hệ thống chưa lưu được câu trả lời vừa rồi. Quý doanh nghiệp vui lòng gửi lại sau ít phút; các câu trả lời trước đó vẫn được giữ nguyên.
error-busy = Xin lỗi Quý doanh nghiệp, hệ thống đang bận xử lý một yêu cầu trước đó nên chưa tiếp nhận được tin nhắn vừa rồi. Quý doanh nghiệp vui lòng gửi lại tin nhắn này; các câu trả lời trước đó vẫn được giữ nguyên.
error-after-commit = Thao tác vừa rồi đã được lưu; tuy nhiên hệ thống chưa hoàn tất được bước tiếp theo (ví dụ gửi thông báo cho người liên quan). Quý vị không cần gửi lại; nếu cần, vui lòng kiểm tra lại sau ít phút hoặc liên hệ cán bộ phụ trách.
group-not-supported = Để bảo vệ thông tin của doanh nghiệp, trợ lý chỉ làm việc trong tin nhắn riêng. Quý vị vui lòng nhắn trực tiếp cho trợ lý.

cancel-nothing = Hiện không có thao tác nào đang thực hiện.
cancel-done = Đã hủy thao tác đang thực hiện.

language-name = Tiếng Việt
language-choose = Quý doanh nghiệp vui lòng chọn ngôn ngữ / Please choose a language:
language-changed = Đã chuyển sang tiếng Việt. Trợ lý sẽ trả lời Quý doanh nghiệp bằng tiếng Việt.

# The local web chat page.
web-title = Trợ lý Năng suất – Chất lượng
web-subtitle = Hỏi đáp về Giải thưởng Chất lượng Quốc gia và Chương trình năng suất chất lượng
web-placeholder = Nhập câu hỏi hoặc câu trả lời…
web-send = Gửi
web-busy = Đang gửi…
web-error = Không gửi được tin nhắn, vui lòng thử lại
web-log-label = Nội dung trò chuyện
web-attach = 📎
web-attach-label = Gửi tệp hồ sơ
web-uploading = Đang gửi tệp…

# Printed by npm start for the person at the server.
startup-web-chat = Trợ lý đang chạy. Mở trang trò chuyện: { $url }
startup-no-telegram = Chưa cấu hình TELEGRAM_BOT_TOKEN: chỉ chạy trang trò chuyện trên máy này (xem README để kết nối Telegram).
console-hint = Gõ câu hỏi hoặc số của lựa chọn rồi nhấn Enter; gõ /thoat để thoát.
