# The form engine (registration, support request, contact update): navigation, summary, errors.
# Placeables are escaped by the bot; only <b>, <i>, <u>, <code>, <a href="…"> may be used; & is written &amp;.

form-progress = <i>Câu { $n }/{ $total }</i>
form-current-answer = Đang ghi: <b>{ $answer }</b> — Quý doanh nghiệp có thể gõ câu trả lời mới hoặc bấm Giữ nguyên.
form-picked = Đã chọn: { $list }
form-picked-none = Chưa chọn mục nào.
form-files-so-far = Đã nhận { $count } tệp: { $list }
form-no-files = Chưa có tệp
form-not-answered = (chưa trả lời)
form-skipped = (bỏ qua)
form-none-chosen = Chưa có
form-consent-given = Đồng ý lúc { $at }

form-button-back = ⬅️ Quay lại
form-button-to-summary = ⬅️ Về bảng tóm tắt
form-button-skip = ⏭ Bỏ qua
form-button-keep = ✔️ Giữ nguyên
form-button-done = ✔️ Xong ({ $count })
form-button-files-done = ✔️ Xong
form-button-no-files = Chưa có tệp, gửi sau
form-button-consent-yes = ✅ Đồng ý
form-button-consent-no = Không đồng ý
form-button-edit = ✏️ { $field }
form-button-cancel = ✖️ Hủy
form-button-cancel-yes = Có, hủy
form-button-cancel-no = Không, tiếp tục
form-button-restart = 🔄 Bắt đầu lại

form-summary-line = • <b>{ $label }</b>: { $value }
form-summary-hint = Bấm nút ✏️ để sửa từng mục, hoặc bấm Gửi khi thông tin đã chính xác.
form-summary-typed = Các câu hỏi đã được trả lời đủ. Quý doanh nghiệp vui lòng bấm ✏️ để sửa một mục, hoặc bấm Gửi (có thể gõ “gửi”).
form-back-at-start = Đây là câu hỏi đầu tiên.
form-cannot-skip = Câu hỏi này cần có câu trả lời, không thể bỏ qua.
form-button-old = Nút vừa bấm thuộc một câu hỏi trước đó. Câu hỏi hiện tại:

form-err-choice = Trợ lý chưa nhận ra lựa chọn này. Quý doanh nghiệp vui lòng bấm một nút bên dưới hoặc gõ số thứ tự của lựa chọn (ví dụ: 1).
form-err-multi = Trợ lý chưa nhận ra một số mục. Quý doanh nghiệp vui lòng bấm các nút bên dưới rồi bấm Xong, hoặc gõ số thứ tự cách nhau bằng dấu phẩy (ví dụ: 1, 3).
form-err-multi-min = Quý doanh nghiệp vui lòng chọn ít nhất { $min } mục rồi bấm Xong.
form-err-files = Ở bước này Quý doanh nghiệp có thể gửi tệp (PDF, Word, ảnh…) vào cuộc trò chuyện, hoặc bấm Xong để tiếp tục.
form-err-consent = Quý doanh nghiệp vui lòng bấm Đồng ý hoặc Không đồng ý (hoặc gõ “đồng ý” / “không”).
form-help-offer = Nếu cần hỗ trợ, Quý doanh nghiệp có thể liên hệ { $contact }; hoặc bấm Hủy để dừng đăng ký.
form-question-continue = Xin mời Quý doanh nghiệp tiếp tục:
form-question-not-found = Trợ lý chưa tìm thấy câu trả lời cho câu hỏi này. Quý doanh nghiệp có thể hỏi lại sau khi hoàn tất đăng ký, hoặc liên hệ { $contact }.

form-consent-declined = Trợ lý chỉ nhận đăng ký khi Quý doanh nghiệp đồng ý cho xử lý dữ liệu; không có thông tin nào được lưu. Quý doanh nghiệp vẫn có thể hỏi đáp bình thường hoặc liên hệ trực tiếp cơ quan phụ trách.
form-cancel-confirm = Quý doanh nghiệp có chắc muốn hủy? Các câu trả lời đã nhập sẽ bị xóa.
    Nếu chỉ muốn tạm dừng, Quý doanh nghiệp bấm “Không, tiếp tục” rồi quay lại bất cứ lúc nào: các câu trả lời được giữ { $days } ngày, gõ /dangky để làm tiếp.
form-cancelled = Đã hủy; các câu trả lời đã nhập đã được xóa.

form-file-received = 📎 Đã nhận tệp “{ $name }” (tổng cộng { $count } tệp); tệp sẽ được đính kèm khi gửi.
form-file-again = Tệp “{ $name }” đã được nhận trước đó.
form-file-too-many = Mỗi lần đăng ký nhận tối đa { $max } tệp; Quý doanh nghiệp có thể gửi thêm sau khi đăng ký xong.
form-file-not-here = Ở phần này trợ lý không nhận tệp; tài liệu có thể gửi sau khi hoàn tất.

form-welcome-back = Chào mừng Quý doanh nghiệp trở lại! Phần { $form } đang làm dở ({ $count } câu đã trả lời, lần cuối lúc { $when }) vẫn được giữ nguyên. Xin mời trả lời tiếp câu hỏi dưới đây, hoặc bấm Bắt đầu lại.
form-expired = Phần { $form } đang làm dở (lần cuối lúc { $when }) đã hết hạn sau 30 ngày không sử dụng; các câu trả lời đã được xóa. Quý doanh nghiệp có thể bắt đầu lại bằng lệnh /dangky.
form-state-broken = Xin lỗi Quý doanh nghiệp, trợ lý không đọc được phần đăng ký đang làm dở (có thể do hệ thống vừa được cập nhật). Xin mời Quý doanh nghiệp bắt đầu lại từ đầu.
form-in-progress = <b>Phần { $form } đang làm dở</b> (lần cuối lúc { $when }; gõ /dangky để tiếp tục):
