# Announcements: the question at /start, /nhanthongbao, /tatthongbao; officials' /thongbao and
# /dsthongbao; progress reports; dossier-deadline reminders.

## Subscription (everyone)
cmd-subscribe = Nhận thông báo của Sở qua trợ lý
cmd-unsubscribe = Tắt thông báo của Sở
ann-offer =
    Quý doanh nghiệp có muốn nhận <b>thông báo của Sở</b> qua trợ lý này không? (kế hoạch tổ chức Giải thưởng, thời hạn nộp hồ sơ, lớp tập huấn, nhắc hạn nộp hồ sơ)
    Có thể thay đổi bất cứ lúc nào: gõ /nhanthongbao để nhận, /tatthongbao để tắt.
ann-button-yes = 🔔 Nhận thông báo
ann-button-no = Không nhận
ann-subscribed = Đã đăng ký nhận thông báo của Sở. Quý doanh nghiệp có thể tắt bất cứ lúc nào bằng lệnh /tatthongbao.
ann-already-subscribed = Quý doanh nghiệp đang nhận thông báo của Sở. Để tắt, vui lòng gõ /tatthongbao.
ann-unsubscribed = Đã tắt thông báo: trợ lý sẽ không gửi thông báo chung, kể cả tin nhắc hạn nộp hồ sơ. Quý doanh nghiệp vẫn có thể tra cứu hồ sơ bằng /tracuu và bật lại thông báo bằng /nhanthongbao.
ann-already-unsubscribed = Thông báo đang tắt. Để nhận thông báo của Sở, vui lòng gõ /nhanthongbao.

## Officials: composing
cmd-broadcast = Soạn và gửi thông báo (cán bộ)
cmd-broadcasts = Danh sách thông báo đã gửi, đang gửi, hẹn giờ (cán bộ)
menu-broadcast = 📣 Gửi thông báo
bc-ask-text =
    <b>Soạn thông báo</b> (bước 1/3: nội dung)
    Vui lòng gửi nội dung thông báo, tối đa { $max } ký tự, đúng như người nhận sẽ đọc (trợ lý không dịch, không định dạng lại). Có thể gửi kèm một tệp hoặc ảnh: gửi tệp với nội dung là chú thích (tối đa { $caption } ký tự).
bc-ask-text-for-file = Đã có tệp đính kèm. Vui lòng gửi nội dung thông báo đi kèm tệp, tối đa { $max } ký tự.
bc-file-received = Đã nhận tệp { $name }.
bc-file-not-usable = Tệp này không dùng làm tệp đính kèm được. Vui lòng gửi tệp khác hoặc chỉ gửi nội dung chữ.
bc-ask-attachment = Có gửi kèm tệp hoặc ảnh không? Nếu có, vui lòng gửi tệp ngay bây giờ; nếu không, chọn «Không đính kèm».
bc-attach-or-skip = Vui lòng gửi tệp đính kèm, hoặc chọn «Không đính kèm».
bc-button-no-attachment = Không đính kèm
bc-button-quit = ✖ Hủy soạn
bc-text-empty = Nội dung thông báo đang trống. Vui lòng gửi nội dung.
bc-text-too-long = Nội dung dài { $length } ký tự, vượt quá { $max } ký tự của một tin nhắn. Vui lòng rút gọn rồi gửi lại.
bc-text-too-long-caption = Khi có tệp đính kèm, nội dung là chú thích của tệp và tối đa { $max } ký tự (hiện { $length }). Vui lòng gửi lại nội dung ngắn hơn; tệp đã nhận vẫn được giữ.
bc-ask-segment = <b>Bước 2/3: người nhận.</b> Thông báo chỉ gửi tới những người đã đồng ý nhận thông báo. Vui lòng chọn nhóm người nhận:
bc-seg-all = Tất cả người đăng ký nhận
bc-seg-programme = Theo chương trình
bc-seg-status = Theo trạng thái hồ sơ
bc-seg-sector = Theo lĩnh vực
bc-seg-commune = Theo xã/phường
bc-seg-language = Theo ngôn ngữ
bc-ask-programme = Gửi cho doanh nghiệp đã đăng ký chương trình nào?
bc-ask-status-programme = Trạng thái hồ sơ của chương trình nào?
bc-ask-status = Gửi cho hồ sơ { $programme } đang ở trạng thái nào?
bc-ask-sector = Gửi cho doanh nghiệp thuộc lĩnh vực nào?
bc-ask-commune = Vui lòng chọn xã/phường (số doanh nghiệp có hồ sơ trong ngoặc), hoặc gõ tên xã/phường, có dấu hoặc không dấu:
bc-ask-commune-none-known = Chưa có hồ sơ nào ghi xã/phường. Vui lòng gõ tên xã/phường cần gửi:
bc-commune-button = { $commune } ({ $count })
bc-commune-several = Có { $count } xã/phường khớp với tên đã gõ. Vui lòng chọn một:
bc-commune-not-found = Không có hồ sơ nào ở xã/phường «{ $commune }». Vui lòng gõ lại tên hoặc chọn trong danh sách.
bc-ask-language = Gửi cho người dùng trợ lý bằng ngôn ngữ nào? (Nội dung vẫn giữ nguyên như đã soạn, không được dịch.)
bc-language-vi = Tiếng Việt
bc-language-en = Tiếng Anh
bc-seg-desc-all = tất cả người đăng ký nhận thông báo
bc-seg-desc-programme = doanh nghiệp đã đăng ký { $programme }
bc-seg-desc-status = hồ sơ { $programme } ở trạng thái «{ $status }»
bc-seg-desc-sector = doanh nghiệp lĩnh vực { $sector }
bc-seg-desc-commune = doanh nghiệp ở { $commune }
bc-seg-desc-language = người dùng trợ lý bằng { $language }
bc-use-buttons = Vui lòng chọn một trong các nút bên dưới (hoặc /huy để hủy soạn).
bc-button-stale = Nút này thuộc bước trước. Thông báo đang soạn ở bước dưới đây:
bc-draft-lost = Không đọc được thông báo đang soạn dở. Vui lòng soạn lại bằng lệnh /thongbao.
bc-cancelled = Đã hủy soạn thông báo; chưa gửi gì.

## Officials: preview and confirmation
bc-preview-intro = <b>Bước 3/3: xem trước.</b> Người nhận sẽ thấy đúng tin nhắn dưới đây:
bc-summary-segment = Gửi tới: { $segment }
bc-summary-count = Số người nhận: <b>{ $count }</b>
bc-summary-channel = { $channel ->
        [telegram] Telegram
        [zalo] Zalo
        [web] trang web
       *[other] { $channel }
    }: { $count }
bc-summary-billed = Trong đó { $count } người trên Zalo đã quá 48 giờ kể từ lần tương tác cuối: tin vẫn đến nhưng Zalo tính phí từng tin.
bc-summary-zalo-file = Trên Zalo, tệp gửi từ Telegram không chuyển được: người nhận trên Zalo thấy nội dung kèm một dòng báo tệp chỉ có trên Telegram.
bc-summary-skipped = Không gửi: { $unsubscribed } người chưa đăng ký hoặc đã tắt thông báo, { $blocked } người đã chặn trợ lý, { $unreachable } người không liên lạc được (Zalo quá 7 ngày không tương tác, hoặc kênh không hoạt động).
bc-summary-nobody = Nhóm này hiện không có ai nhận được thông báo. Vui lòng chọn nhóm khác.
bc-button-send-now = ✅ Gửi ngay
bc-button-schedule = 🕒 Hẹn giờ gửi
bc-button-change-segment = 👥 Đổi người nhận
bc-button-edit = ✏️ Sửa nội dung
bc-ask-when = Vui lòng gõ thời điểm gửi theo giờ Việt Nam, dạng ngày/tháng/năm giờ:phút, ví dụ { $example }.
bc-when-format = Chưa đọc được thời điểm. Vui lòng gõ theo dạng ngày/tháng/năm giờ:phút, ví dụ { $example }.
bc-when-invalid = Ngày hoặc giờ không có thật. Vui lòng gõ lại, ví dụ { $example }.
bc-when-past = Thời điểm này đã qua. Vui lòng chọn một thời điểm trong tương lai, ví dụ { $example }.
bc-when-too-far = Chỉ hẹn giờ được trong vòng { $days } ngày tới. Vui lòng kiểm tra lại năm.
bc-confirm-schedule = Thông báo sẽ được gửi lúc <b>{ $when }</b> (giờ Việt Nam). Xác nhận hẹn giờ?
bc-button-confirm-schedule = ✅ Xác nhận hẹn giờ
bc-button-other-time = Chọn giờ khác
bc-not-allowed = Tài khoản này không còn quyền gửi thông báo. Thông báo chưa được gửi.
bc-started = Đã xác nhận. Thông báo <b>{ $id }</b> đang được gửi; tiến độ được cập nhật vài giây một lần. Xem, tạm dừng hoặc hủy: /dsthongbao.
bc-scheduled = Đã hẹn giờ: thông báo <b>{ $id }</b> sẽ được gửi lúc { $when }. Xem, tạm dừng hoặc hủy: /dsthongbao.

## Officials: the list of jobs
bc-list-empty = Chưa có thông báo nào. Soạn thông báo mới: /thongbao.
bc-list-intro = <b>Các thông báo gần đây</b> ({ $count }):
bc-list-head = <b>{ $id }</b> · { $state } · { $what }
bc-list-reminders = nhắc hạn nộp hồ sơ
bc-list-excerpt = «{ $text }»
bc-list-scheduled = Hẹn gửi lúc { $when }
bc-list-progress = Đã gửi { $sent }/{ $planned } người nhận ({ $skipped } người trong nhóm không nhận: chưa đăng ký, đã chặn hoặc ngoài tầm Zalo)
bc-list-finished = Kết thúc lúc { $when }
bc-state-scheduled = hẹn giờ
bc-state-running = đang gửi
bc-state-paused = tạm dừng
bc-state-done = đã gửi xong
bc-state-cancelled = đã hủy
bc-note-creator-not-official = Không gửi: người soạn không còn quyền cán bộ khi đến giờ gửi.
bc-note-failed = Đã dừng do lỗi hệ thống; có thể tiếp tục sau khi kiểm tra nhật ký.
bc-button-pause = ⏸ Tạm dừng { $id }
bc-button-resume = ▶️ Tiếp tục { $id }
bc-button-cancel-job = ✖ Hủy { $id }
bc-confirm-cancel = Hủy thông báo { $id }? Những người chưa nhận sẽ không nhận được ({ $sent } người đã nhận).
bc-button-cancel-confirm = ✖ Xác nhận hủy { $id }
bc-button-keep = Không hủy
bc-job-not-found = Không tìm thấy thông báo { $id }.
bc-job-cannot-pause = Thông báo { $id } không đang gửi hoặc chờ gửi nên không tạm dừng được.
bc-job-cannot-resume = Thông báo { $id } không ở trạng thái tạm dừng.
bc-job-cannot-cancel = Thông báo { $id } đã kết thúc.
bc-job-paused = Đã tạm dừng thông báo { $id }. Tiếp tục bằng /dsthongbao.
bc-job-resumed = Thông báo { $id } được gửi tiếp.
bc-job-resumed-scheduled = Thông báo { $id } sẽ được gửi lúc { $when } như đã hẹn.
bc-job-cancelled = Đã hủy thông báo { $id }.

## Progress and reports (to the official who created the job)
bc-progress = 📣 { $id }: đã gửi { $sent }/{ $total } · lỗi { $failed } · đã chặn trợ lý { $blocked }
bc-progress-waiting = ⏳ Telegram yêu cầu chờ { $seconds } giây, sau đó gửi tiếp.
bc-paused-report = ⏸ Thông báo { $id } tạm dừng: đã gửi { $sent }/{ $total }. Tiếp tục bằng /dsthongbao.
bc-refused-not-official = Thông báo { $id } không được gửi: tài khoản soạn thông báo không còn quyền cán bộ vào thời điểm gửi.
bc-report-done = ✅ <b>Thông báo { $id } đã gửi xong</b> lúc { $when }. Kết quả cho { $total } người:
bc-report-cancelled = ✖ <b>Thông báo { $id } đã hủy</b> lúc { $when }. Kết quả cho { $total } người:
bc-report-sent = • Đã gửi: { $count }
bc-report-failed = • Lỗi, đã thử lại nhưng không gửi được: { $count }
bc-report-blocked = • Đã chặn trợ lý hoặc bỏ theo dõi: { $count }
bc-report-unsubscribed = • Chưa đăng ký hoặc đã tắt thông báo: { $count }
bc-report-unreachable = • Không liên lạc được (Zalo quá 7 ngày không tương tác, kênh không hoạt động): { $count }
bc-report-uncertain = • Không chắc đã nhận (đang gửi thì hệ thống dừng đột ngột; không gửi lại để tránh trùng): { $count }
bc-report-obsolete = • Không cần nhắc nữa (đã nộp hồ sơ hoặc quá hạn): { $count }
bc-report-not-sent = • Chưa gửi (do hủy): { $count }

## Dossier-deadline reminders (to enterprises, in their language)
reminder-intro = 🔔 <b>Nhắc hạn nộp hồ sơ</b>
reminder-item =
    Hồ sơ <code>{ $code }</code> — { $org }
    { $programme } năm { $year }; trạng thái: { $status }.
    Hạn nộp hồ sơ: <b>{ $deadline }</b> (còn { $days } ngày).
reminder-footer = Quý doanh nghiệp vui lòng hoàn thiện và nộp hồ sơ trước thời hạn. Cần hỗ trợ, xin liên hệ { $contact }.
reminder-opt-out = Tra cứu hồ sơ: /tracuu. Không muốn nhận nhắc hạn và thông báo: /tatthongbao.

reminder-missing-items =
    Các mục còn thiếu hoặc cần bổ sung:
    { $items }
