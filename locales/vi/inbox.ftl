## Hand-off: a question the bot cannot answer reaches a person (/hopthu)

cmd-ask-person = Chuyển câu hỏi tới cán bộ của đơn vị
cmd-inbox = Cán bộ: hộp thư câu hỏi chuyển tới đơn vị, trả lời doanh nghiệp
menu-inbox = 📥 Hộp thư

inbox-button-ask-person = 🙋 Hỏi cán bộ
inbox-ask-question = Quý doanh nghiệp vui lòng gõ câu hỏi (càng cụ thể càng tốt); trợ lý sẽ chuyển tới cán bộ phụ trách.
inbox-ask-more = Câu hỏi trước của Quý doanh nghiệp (mã { $id }) đang chờ cán bộ trả lời. Quý doanh nghiệp có thể gõ thêm nội dung; trợ lý sẽ bổ sung vào cùng câu hỏi.
inbox-ask-cancelled = Đã hủy, chưa chuyển câu hỏi nào.
inbox-vote-thanks = Cảm ơn Quý doanh nghiệp đã đánh giá câu trả lời.
inbox-vote-already = Quý doanh nghiệp đã đánh giá câu trả lời này rồi.
inbox-vote-sorry = Rất tiếc câu trả lời chưa giúp được Quý doanh nghiệp.
inbox-when-today = trong giờ làm việc hôm nay
inbox-when-unknown = trong ngày làm việc tiếp theo
inbox-when-next = trong ngày làm việc tiếp theo, { $weekday ->
    [1] thứ Hai
    [2] thứ Ba
    [3] thứ Tư
    [4] thứ Năm
    [5] thứ Sáu
    [6] thứ Bảy
   *[7] Chủ nhật
  } { $date }
inbox-passed = 📨 Trợ lý đã chuyển câu hỏi tới { $unit } (mã { $id }). Cán bộ sẽ trả lời Quý doanh nghiệp ngay tại cuộc trò chuyện này, dự kiến { $when }.
inbox-passed-added = 📨 Trợ lý đã bổ sung câu hỏi vào yêu cầu đang chờ trả lời (mã { $id }) gửi { $unit }. Cán bộ dự kiến trả lời { $when }.

inbox-empty = Hộp thư không có câu hỏi nào đang chờ trả lời.
inbox-list-head = 📥 <b>Câu hỏi chờ trả lời</b>: { $total } (cũ nhất trước; { $from }–{ $to }):
inbox-list-more = Còn câu hỏi khác:
inbox-button-next = Trang sau ➜
inbox-item-head = <b>{ $id }</b> · { $channel } · { $locale } · { $at } · { $status ->
    [open] chờ trả lời
    [answered] đã trả lời
   *[other] không cần trả lời
  }
inbox-item-question = • { $at } ({ $reason ->
    [refused] trợ lý chưa trả lời được
    [not-helpful] câu trả lời chưa giúp được
   *[other] muốn hỏi cán bộ
  }): “{ $text }”
inbox-item-tail-head = <i>Trước đó:</i>
inbox-item-tail-user = <i>  { $at } doanh nghiệp: “{ $text }”</i>
inbox-item-tail-answered = <i>  → trợ lý trả lời bằng mục “{ $entry }”</i>
inbox-item-tail-refused = <i>  → trợ lý chưa trả lời được</i>
inbox-item-offered = <i>Trợ lý đã gợi ý: { $entries }</i>
inbox-item-answer = ✅ { $at } — { $signed }: “{ $text }”
inbox-item-answered-oa = ✅ { $at } — đã trả lời trong khung chat của Zalo OA.
inbox-item-undelivered = ⚠️ { $at }: chưa gửi được câu trả lời ({ $reason }). Câu hỏi vẫn mở.
inbox-item-unreachable = ⚠️ Hiện không nhắn được cho doanh nghiệp qua kênh của họ ({ $reason }): câu trả lời sẽ không gửi được.
inbox-item-contact = Liên hệ của doanh nghiệp (theo hồ sơ đã đăng ký): { $phone }, { $email }
inbox-item-no-contact = Doanh nghiệp chưa để lại số điện thoại hoặc email trong hồ sơ nào.
inbox-button-answer = ✍️ Trả lời
inbox-button-no-reply = Không cần trả lời
inbox-ask-answer = Gõ câu trả lời cho câu hỏi { $id } (tin nhắn tiếp theo của anh/chị). Trợ lý sẽ cho xem trước khi gửi.
inbox-preview-head = Xem trước câu trả lời cho { $id } (doanh nghiệp sẽ nhận đúng như dưới đây; gõ thêm tin nhắn để viết tiếp):
inbox-button-send = ✅ Gửi
inbox-button-edit = ✏️ Sửa
inbox-button-cancel = ✖ Hủy
inbox-button-sign-own = Ký bằng tên tôi
inbox-button-sign-unit = Ký bằng tên đơn vị
inbox-signed-person = { $name }, { $unit }
inbox-answer-to-user = 💬 <b>Trả lời câu hỏi của Quý doanh nghiệp</b>
  “{ $question }”

  { $answer }

  — { $signature }
inbox-answer-sent = ✅ Đã gửi câu trả lời cho { $id }.
inbox-answer-not-sent = ⚠️ Chưa gửi được câu trả lời cho { $id }; câu hỏi vẫn mở, có ghi lý do.
inbox-not-reachable = ⚠️ Không gửi được câu trả lời cho { $id }: Zalo chỉ cho phép nhắn tư vấn trong 7 ngày kể từ lần cuối doanh nghiệp nhắn cho OA. Câu hỏi vẫn mở; anh/chị có thể liên hệ doanh nghiệp theo cách khác.
inbox-no-reply-done = Đã đánh dấu { $id } là không cần trả lời.
inbox-closed = Câu hỏi { $id } đã được xử lý rồi.
inbox-not-found = Không tìm thấy câu hỏi { $id }.
inbox-not-official = Chỉ cán bộ mới trả lời được câu hỏi trong hộp thư.
inbox-answer-empty = Câu trả lời đang trống. Anh/chị vui lòng gõ nội dung trả lời.
inbox-answer-too-long = Câu trả lời quá dài; anh/chị vui lòng rút gọn.

stats-inbox-head = <b>Hỏi đáp và hộp thư theo tuần</b> (4 tuần gần nhất; tuần ISO, mới nhất trước):
stats-inbox-week = • { $week }: hỏi { $asked }, trợ lý trả lời { $bot }; chuyển cán bộ { $passed }, cán bộ đã trả lời { $people } (trung vị { $median } phút); 👍 { $up } / 👎 { $down } trên { $votes } lượt đánh giá
stats-inbox-themes = Chủ đề hay gặp trong các câu trợ lý chưa trả lời được (cặp từ, không dấu; số câu): { $themes }
stats-inbox-no-themes = Chưa có chủ đề nào lặp lại trong các câu trợ lý chưa trả lời được.

inbox-data = <b>Câu hỏi đã chuyển tới cán bộ</b>: { $items } yêu cầu ({ $questions } câu hỏi, { $open } đang chờ trả lời): { $ids }. Trợ lý lưu nội dung câu hỏi, câu trả lời và thời gian để cán bộ trả lời Quý doanh nghiệp.
inbox-data-button-delete = 🗑 Xóa các câu hỏi đã chuyển
inbox-data-delete-confirm = Xóa toàn bộ câu hỏi Quý doanh nghiệp đã chuyển tới cán bộ (kể cả câu đang chờ trả lời)? Cán bộ sẽ không thấy và không trả lời được các câu này nữa.
inbox-data-button-delete-yes = Có, xóa
inbox-data-deleted = Đã xóa { $count } yêu cầu.

inbox-button-learn-phrasing = 📚 Thêm làm cách hỏi khác của một mục
inbox-button-learn-new = 🆕 Tạo mục mới từ câu trả lời
inbox-not-learnable = Câu hỏi { $id } chưa có câu trả lời của cán bộ để trợ lý học.
