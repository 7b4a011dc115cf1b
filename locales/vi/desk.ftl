# The officials' web desk (/desk) and /dangnhap in the bot.
cmd-desk-login = Cán bộ: đường dẫn đăng nhập bàn làm việc trên web
desk-web-login-link =
    🔐 <b>Đăng nhập bàn làm việc trên web</b>
    <a href="{ $url }">Mở bàn làm việc</a>
    Đường dẫn chỉ dùng được <b>một lần</b>, trong { $minutes } phút, và chỉ cho tài khoản của Quý cán bộ. Vui lòng không chuyển tiếp cho người khác. Cần đường dẫn mới, gõ lại /dangnhap.

dw-brand = Bàn làm việc cán bộ — Trợ lý GTCLQG &amp; NSCL
dw-refused-title = Không thể truy cập
dw-sign-in-first = Trang này chỉ dành cho cán bộ đã đăng nhập. Vui lòng gửi lệnh /dangnhap cho trợ lý trên Telegram hoặc Zalo để nhận đường dẫn đăng nhập.
dw-link-malformed = Đường dẫn đăng nhập không hợp lệ. Vui lòng gửi lệnh /dangnhap cho trợ lý để nhận đường dẫn mới.
dw-link-unknown = Đường dẫn đăng nhập không hợp lệ. Vui lòng gửi lệnh /dangnhap cho trợ lý để nhận đường dẫn mới.
dw-link-used = Đường dẫn đăng nhập này đã được sử dụng. Mỗi đường dẫn chỉ dùng được một lần; vui lòng gửi lệnh /dangnhap để nhận đường dẫn mới.
dw-link-expired = Đường dẫn đăng nhập đã hết hạn (sau 10 phút). Vui lòng gửi lệnh /dangnhap để nhận đường dẫn mới.
dw-link-not-official = Tài khoản này không còn quyền cán bộ.
dw-link-too-many = Có quá nhiều đường dẫn đăng nhập không hợp lệ từ địa chỉ này. Vui lòng thử lại sau 15 phút.
dw-login-title = Đăng nhập
dw-login-continue-text = Bấm nút dưới đây để vào bàn làm việc.
dw-login-continue = Vào bàn làm việc
dw-signed-out-title = Đã đăng xuất
dw-signed-out = Đã đăng xuất khỏi bàn làm việc trên mọi trình duyệt. Gửi lệnh /dangnhap cho trợ lý khi cần đăng nhập lại.
dw-csrf = Biểu mẫu đã hết hiệu lực hoặc không đến từ bàn làm việc. Vui lòng tải lại trang và thử lại.
dw-not-allowed = Tài khoản của Quý cán bộ không có quyền dùng trang này.
dw-not-found = Không có trang này.
dw-not-found-title = Không tìm thấy
dw-sign-out = Đăng xuất
dw-signed-in-as = { $who } ({ $role })
dw-other-language = English

dw-nav-dossiers = Hồ sơ
dw-nav-figures = Thống kê
dw-nav-roles = Phân quyền

dw-dossiers-title = Hồ sơ
dw-all = Tất cả
dw-filter-q = Tìm theo mã hồ sơ, mã số thuế hoặc tên
dw-filter-programme = Chương trình
dw-filter-year = Năm giải thưởng
dw-filter-status = Tình trạng
dw-filter-sector = Lĩnh vực
dw-filter-size = Quy mô (NĐ 80/2021)
dw-filter-commune = Xã/phường
dw-filter-stalled = Chậm xử lý (chờ quá { $days } ngày)
dw-filter-apply = Lọc
dw-filter-clear = Bỏ lọc
dw-stalled-mark = (chậm xử lý)
dw-list-count = { $count } hồ sơ
dw-list-near = Không có tên nào chứa đúng từ đã gõ; đây là các tên viết gần giống.
dw-list-empty = Không có hồ sơ nào phù hợp.
dw-export-xlsx = Tải Excel (XLSX)
dw-export-csv = Tải CSV
dw-col-code = Mã hồ sơ
dw-col-name = Tổ chức
dw-col-programme = Chương trình, năm
dw-col-status = Tình trạng
dw-col-commune = Xã/phường
dw-col-changed = Cập nhật
dw-pages = Trang
dw-page-previous = ← Trang trước
dw-page-next = Trang sau →
dw-page-of = Trang { $page }/{ $pages }

dw-dossier-unknown = Không có hồ sơ với mã này.
dw-done-moved = Đã chuyển tình trạng hồ sơ.
dw-done-notice-sent = ✅ Đã chuyển tình trạng và gửi thông báo cho doanh nghiệp.
dw-done-notice-failed = ⚠️ Đã chuyển tình trạng nhưng chưa gửi được thông báo cho doanh nghiệp (lý do ở lịch sử xử lý). Vui lòng liên hệ doanh nghiệp qua điện thoại hoặc thư điện tử.
dw-done-stale = Hồ sơ vừa được cán bộ khác chuyển tình trạng; chưa có thay đổi nào. Vui lòng xem lại tình trạng hiện tại.
dw-done-noted = Đã lưu ghi chú nội bộ.
dw-done-file-sent = Đã gửi tệp cho Quý cán bộ trong trợ lý.
dw-done-file-not-sent = Chưa gửi được tệp cho Quý cán bộ trong trợ lý.
dw-files = Tệp của hồ sơ
dw-files-none = Chưa có tệp nào.
dw-file-send-to-me = Gửi cho tôi qua trợ lý (tệp lưu tại { $channel })
dw-file-gone = Tệp { $name } không còn trên máy chủ.
dw-moves = Chuyển tình trạng
dw-move-note = Ghi chú gửi doanh nghiệp khi chuyển sang “{ $to }” (không bắt buộc)
dw-move-note-supplement = Tài liệu cần bổ sung (doanh nghiệp sẽ nhận đúng nội dung này)
dw-move-preview = Xem trước thông báo: { $to }
dw-note-title = Ghi chú nội bộ
dw-note-label = Ghi chú (chỉ cán bộ xem được, không gửi doanh nghiệp)
dw-note-save = Lưu ghi chú
dw-back-to-list = ← Về danh sách hồ sơ

dw-form-invalid = Biểu mẫu không hợp lệ. Vui lòng mở lại hồ sơ và thử lại.
dw-move-refused = Không thể chuyển từ “{ $from }” sang “{ $to }”. Có thể chuyển sang: { $allowed }.
dw-preview-title = Xem trước thông báo — { $code }
dw-preview-lead = Hồ sơ { $code } ({ $org }): “{ $from }” → “{ $to }”. Doanh nghiệp sẽ nhận đúng thông báo dưới đây qua { $channel }, bằng { $language }. Chưa có gì được gửi.
dw-move-confirm = Chuyển sang “{ $to }” và gửi thông báo
dw-cancel = Huỷ

dw-figures-title = Thống kê
dw-latest-year = Năm gần nhất
dw-chart-alt = Biểu đồ số hồ sơ theo tình trạng — { $programme } { $year }
dw-figures-list = Xem danh sách hồ sơ của năm này
dw-exports-title = Xuất danh sách

dw-roles-title = Phân quyền
dw-roles-user = Tài khoản
dw-roles-role = Quyền
dw-roles-granted = Cấp bởi, lúc
dw-roles-bootstrap = theo cài đặt OFFICIAL_TELEGRAM_IDS
dw-roles-revoke = Thu hồi
dw-roles-grant-title = Cấp quyền
dw-roles-user-label = Mã tài khoản (Telegram: dãy số; Zalo: zalo:mã-số)
dw-roles-grant = Cấp quyền
