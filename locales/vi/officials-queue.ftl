# Hàng chờ hồ sơ của cán bộ (/hoso không kèm nội dung) và các nút tìm lại, quay lại danh sách.
queue-all = Tất cả
queue-head-all = <b>Hồ sơ mới nhất</b> — { $total } hồ sơ, trang { $page }/{ $pages }:
queue-head-status = <b>Hồ sơ “{ $status }”</b> — { $total } hồ sơ, trang { $page }/{ $pages }:
queue-head-prefix-all = <b>Hồ sơ có mã bắt đầu bằng { $prefix }</b> — { $total } hồ sơ, trang { $page }/{ $pages }:
queue-head-prefix-status = <b>Hồ sơ có mã bắt đầu bằng { $prefix }, tình trạng “{ $status }”</b> — { $total } hồ sơ, trang { $page }/{ $pages }:
queue-line = • <code>{ $code }</code> · { $org } · { $status } · nộp { $date }
queue-empty = Chưa có hồ sơ nào.
queue-empty-prefix = Không có hồ sơ nào có mã bắt đầu bằng { $prefix }.
queue-or-search = Hoặc gõ <b>mã hồ sơ</b> (hay phần đầu mã, ví dụ GT-2026), <b>mã số thuế</b> hoặc <b>tên tổ chức</b> để tìm.
queue-button-previous = ◀️ Trang trước
queue-button-next = Trang sau ▶️
queue-button-all = Tất cả
queue-button-status = { $status } ({ $count })
queue-button-search = 🔎 Tìm lại
queue-button-list = ◀️ Danh sách
case-list-invalid = Yêu cầu danh sách hồ sơ không hợp lệ.
