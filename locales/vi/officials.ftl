# The officials' desk: /hoso, /thongke, /xuat, /quyen; the notices enterprises get when their status changes.
# Texts to officials are plain and short; notices to enterprises address "Quý doanh nghiệp".

cmd-case = Cán bộ: tìm hồ sơ, xem lịch sử, chuyển tình trạng, ghi chú
cmd-stats = Cán bộ: thống kê hồ sơ theo năm giải thưởng, kèm biểu đồ
cmd-export = Cán bộ: xuất danh sách hồ sơ (Excel, CSV)
cmd-roles = Quản trị: cấp và thu hồi quyền cán bộ
menu-case = 🗂 Hồ sơ
menu-stats = 📊 Thống kê
menu-export = 📥 Xuất danh sách
menu-roles = 🔑 Phân quyền

## /hoso

desk-ask-query = Gõ <b>mã hồ sơ</b> (ví dụ GT-2026-0042), <b>mã số thuế</b> hoặc <b>tên tổ chức</b> (có dấu hoặc không dấu, một phần tên cũng được).
desk-pending-count = Có { $count } đề nghị thay đổi thông tin liên hệ đang chờ xác minh.
desk-button-pending = Đề nghị đổi liên hệ chờ xác minh ({ $count })
desk-button-cancel = ✖ Hủy
desk-button-view = 🗂 Xem hồ sơ { $code }
desk-cancelled = Đã hủy, không có thay đổi nào.
desk-search-found = Tìm thấy { $count } hồ sơ khớp với “{ $query }”:
desk-search-found-more = Tìm thấy nhiều hồ sơ khớp với “{ $query }”; dưới đây là { $count } hồ sơ đầu tiên (còn { $more } hồ sơ khác, gõ cụ thể hơn để thu hẹp):
desk-search-near = Không có tên nào chứa đúng “{ $query }”; { $count } hồ sơ có tên gần giống:
desk-search-nothing = Không tìm thấy hồ sơ nào khớp với “{ $query }”. Thử gõ mã hồ sơ, mã số thuế hoặc một phần khác của tên tổ chức.
desk-search-no-tax-code = Không có hồ sơ nào của mã số thuế { $taxCode }.
desk-result-line = • <code>{ $code }</code> — { $org } ({ $programme } năm { $year }; tình trạng: { $status })

desk-pending-contact =
    <b>Thông tin liên hệ mới đang chờ xác minh</b> (gửi lúc { $date } từ tài khoản { $by }, không phải tài khoản đã đăng ký):
    { $name }, { $position }; điện thoại { $phone }; email { $email }
    Vui lòng gọi số điện thoại đã đăng ký trước đó để xác minh trước khi chấp nhận.
desk-log-head = <b>Nhật ký xử lý</b> ({ $shown }/{ $total } mục gần nhất):
desk-actor = { $who } ({ $role })
desk-log-status = • { $at } — { $who }: { $from } → <b>{ $to }</b>
desk-log-status-note = • { $at } — { $who }: { $from } → <b>{ $to }</b>; ghi chú gửi doanh nghiệp: “{ $note }”
desk-log-note = • { $at } — { $who }: ghi chú nội bộ “{ $note }”
desk-log-notice-sent = • { $at } — đã gửi thông báo cho doanh nghiệp ({ $detail })
desk-log-notice-failed = • { $at } — <b>chưa gửi được</b> thông báo cho doanh nghiệp ({ $detail })
desk-log-other = • { $at } — { $who }: { $action }
desk-log-other-detail = • { $at } — { $who }: { $action } ({ $detail })
desk-status-none = (chưa có)
desk-next-states = Có thể chuyển sang: { $states }.
desk-final = Hồ sơ đã kết thúc ({ $status }); không còn bước chuyển tiếp.
desk-button-move = → { $status }
desk-button-note = 📝 Thêm ghi chú nội bộ
desk-button-contact-accept = ✅ Nhận liên hệ mới
desk-button-contact-dismiss = ✖ Bỏ liên hệ mới
desk-button-document = 📎 { $name }
desk-button-documents-all = 📎 Gửi cả { $count } tệp

desk-ask-status-note =
    Chuyển hồ sơ <code>{ $code }</code> ({ $org }) từ “{ $from }” sang <b>“{ $to }”</b>.
    Doanh nghiệp sẽ nhận thông báo qua { $channel } bằng { $language }.
    Gõ ghi chú gửi kèm thông báo (tối đa { $max } ký tự), hoặc bấm nút bên dưới để chuyển không kèm ghi chú.
desk-ask-status-note-supplement =
    Chuyển hồ sơ <code>{ $code }</code> ({ $org }) từ “{ $from }” sang <b>“{ $to }”</b>.
    Doanh nghiệp sẽ nhận thông báo qua { $channel } bằng { $language }, kèm danh mục hồ sơ tham dự.
    Nên gõ cụ thể <b>tài liệu cần bổ sung</b> (tối đa { $max } ký tự) để gửi kèm thông báo; hoặc bấm nút bên dưới để chuyển không kèm ghi chú.
desk-language-vi = tiếng Việt
desk-language-en = tiếng Anh
desk-button-move-now = ✅ Chuyển, không kèm ghi chú
desk-moved = ✅ Đã chuyển hồ sơ <code>{ $code }</code> ({ $org }) sang <b>{ $to }</b>.
desk-moved-meanwhile = Hồ sơ <code>{ $code }</code> vừa được chuyển sang “{ $status }” (bởi { $who }) trước thao tác này, nên không thay đổi gì. Vui lòng xem lại hồ sơ dưới đây.
desk-move-refused = Không thể chuyển từ “{ $from }” sang “{ $to }”. Từ “{ $from }” chỉ có thể chuyển sang: { $allowed }.
desk-move-refused-final = Không thể chuyển từ “{ $from }” sang “{ $to }”: hồ sơ đã kết thúc.
desk-notice-sent = 📨 Đã gửi thông báo cho doanh nghiệp qua { $channel }.
desk-notice-not-sent =
    ⚠️ Chưa gửi được thông báo cho doanh nghiệp: { $reason }
    Tình trạng mới vẫn được ghi nhận. Vui lòng báo cho doanh nghiệp bằng cách khác: { $contact }.
desk-notice-blocked = doanh nghiệp đã chặn hoặc rời khỏi trợ lý.
desk-notice-unreachable = kênh nhắn tin hiện không gửi được ({ $detail }).
desk-notice-rate-limited = nền tảng yêu cầu chờ { $seconds } giây.
desk-notice-failed = lỗi khi gửi ({ $detail }).
desk-no-contact = hồ sơ không còn thông tin liên hệ

desk-ask-note = Gõ ghi chú nội bộ cho hồ sơ <code>{ $code }</code> (tối đa { $max } ký tự). Ghi chú chỉ cán bộ xem được, không gửi cho doanh nghiệp.
desk-note-saved = 📝 Đã lưu ghi chú cho hồ sơ <code>{ $code }</code>.
desk-note-empty = Ghi chú đang trống; vui lòng gõ nội dung.
desk-note-too-long = Ghi chú dài quá { $max } ký tự; vui lòng rút gọn.
desk-contact-accepted = ✅ Đã thay thông tin liên hệ của hồ sơ <code>{ $code }</code> bằng thông tin mới.
desk-contact-dismissed = Đã bỏ đề nghị thay đổi liên hệ của hồ sơ <code>{ $code }</code>; thông tin cũ được giữ nguyên.
desk-pending-none = Không có đề nghị thay đổi thông tin liên hệ nào đang chờ xác minh.
desk-pending-list = Đề nghị thay đổi thông tin liên hệ đang chờ xác minh ({ $count }):
desk-document-caption = Tệp của hồ sơ { $code }: { $name } (nhận ngày { $date })
desk-document-gone = Tệp này không còn trong hồ sơ.

## Notices to the enterprise when an official changes the status

notice-head = 📋 <b>Thông báo về hồ sơ <code>{ $code }</code></b> — { $programme } năm { $year } của { $org }
notice-status = Tình trạng mới: <b>{ $status }</b> (từ { $date }).
notice-note = <b>Ghi chú của cán bộ phụ trách:</b> { $note }
notice-footer = Tra cứu tình trạng: <code>/tracuu { $code }</code>. Gửi thêm tài liệu: gửi tệp vào cuộc trò chuyện này. Mọi thắc mắc xin liên hệ { $contact }.

notice-gtclqg-registered = Hồ sơ đang ở bước đăng ký. Cán bộ phụ trách sẽ liên hệ để hướng dẫn hồ sơ tham dự đầy đủ.
notice-gtclqg-dossier-received = { $unit } đã nhận hồ sơ tham dự của Quý doanh nghiệp. Hồ sơ sẽ được kiểm tra; nếu cần bổ sung, trợ lý sẽ thông báo. Hiện Quý doanh nghiệp chưa cần làm gì thêm.
notice-gtclqg-needs-supplement = Hồ sơ tham dự cần được <b>bổ sung hoặc hoàn thiện</b>. Quý doanh nghiệp vui lòng xem ghi chú của cán bộ phụ trách (nếu có), đối chiếu với danh mục dưới đây và gửi tài liệu bổ sung vào cuộc trò chuyện này hoặc nộp trực tiếp cho { $unit }.
notice-gtclqg-desk-review = Hồ sơ đầy đủ và đang được <b>đánh giá hồ sơ</b>. Quý doanh nghiệp vui lòng giữ liên lạc để trả lời khi chuyên gia cần làm rõ thông tin.
notice-gtclqg-onsite-review = Hồ sơ chuyển sang bước <b>đánh giá tại chỗ</b>: chuyên gia sẽ làm việc tại cơ sở của Quý doanh nghiệp. Cán bộ phụ trách sẽ liên hệ để thống nhất lịch làm việc.
notice-gtclqg-shortlisted = Hội đồng sơ tuyển đã <b>đề xuất</b> hồ sơ của Quý doanh nghiệp để xét tặng giải ở cấp quốc gia. Bước tiếp theo: hồ sơ được chuyển Hội đồng quốc gia.
notice-gtclqg-not-shortlisted = Hội đồng sơ tuyển <b>không đề xuất</b> hồ sơ của Quý doanh nghiệp trong năm nay. Quý doanh nghiệp có thể liên hệ { $unit } để biết nhận xét của Hội đồng.
notice-gtclqg-national-council = Hồ sơ đã được chuyển <b>Hội đồng quốc gia</b> xét chọn. Kết quả chính thức theo quyết định của cấp có thẩm quyền; việc công bố có thể kéo dài sang năm sau. Quý doanh nghiệp chưa cần làm gì thêm.
notice-gtclqg-gold-award = 🏆 Chúc mừng Quý doanh nghiệp đã <b>đạt Giải Vàng Chất lượng Quốc gia</b>. Thông tin về quyết định và lễ trao giải sẽ được thông báo sau.
notice-gtclqg-award = 🏆 Chúc mừng Quý doanh nghiệp đã <b>đạt Giải thưởng Chất lượng Quốc gia</b>. Thông tin về quyết định và lễ trao giải sẽ được thông báo sau.
notice-gtclqg-not-awarded = Hồ sơ của Quý doanh nghiệp <b>không đạt giải</b> trong năm nay. Quý doanh nghiệp có thể liên hệ { $unit } để biết nhận xét.
notice-gtclqg-withdrawn = Hồ sơ đã được <b>rút</b> và không được xem xét tiếp; hồ sơ được giữ lại để lưu trữ. Nếu Quý doanh nghiệp không đề nghị rút hồ sơ, vui lòng liên hệ ngay { $unit }.
notice-nscl-registered = Đề nghị hỗ trợ đang ở bước đăng ký. Cán bộ phụ trách sẽ xem xét điều kiện và liên hệ với Quý doanh nghiệp.
notice-nscl-eligible = Đề nghị của Quý doanh nghiệp <b>đủ điều kiện hỗ trợ</b>. Bước tiếp theo: { $unit } xem xét đưa nội dung hỗ trợ vào kế hoạch hằng năm hoặc nhiệm vụ khoa học và công nghệ.
notice-nscl-ineligible = Đề nghị <b>chưa đủ điều kiện hỗ trợ</b> theo quy định hiện hành. Quý doanh nghiệp có thể liên hệ { $unit } để biết lý do và các hình thức hỗ trợ khác.
notice-nscl-in-plan = Nội dung hỗ trợ đã được <b>đưa vào kế hoạch</b>. Bước tiếp theo: lựa chọn tổ chức tư vấn và thống nhất phần kinh phí đối ứng của doanh nghiệp.
notice-nscl-in-progress = Nội dung hỗ trợ <b>đang được triển khai</b>. Quý doanh nghiệp vui lòng phối hợp với tổ chức tư vấn và { $unit } theo kế hoạch đã thống nhất.
notice-nscl-acceptance = Kết quả hỗ trợ <b>đang được nghiệm thu</b>. Quý doanh nghiệp vui lòng chuẩn bị hồ sơ, chứng từ theo hướng dẫn của { $unit }.
notice-nscl-completed = Nội dung hỗ trợ đã <b>hoàn thành</b>. Cảm ơn Quý doanh nghiệp đã tham gia chương trình.
notice-nscl-withdrawn = Đề nghị hỗ trợ đã được <b>rút</b> và không được xem xét tiếp; hồ sơ được giữ lại để lưu trữ. Nếu Quý doanh nghiệp không đề nghị rút, vui lòng liên hệ ngay { $unit }.

## /thongke

stats-head = <b>Thống kê { $programme } năm { $year }</b> — { $province }, ngày { $date }
stats-totals = Tổng số: <b>{ $total }</b> hồ sơ; đang xử lý: { $open }; mới trong 7 ngày qua: { $fresh }.
stats-by-status = <b>Theo tình trạng</b>
stats-item = • { $label }: { $count }
stats-pair = { $label } { $count }
stats-by-sector = <b>Theo nhóm ngành:</b> { $items }
stats-by-size = <b>Theo quy mô (NĐ 80/2021):</b> { $items }
stats-unknown = chưa có thông tin
stats-size-micro = siêu nhỏ
stats-size-small = nhỏ
stats-size-medium = vừa
stats-size-large = lớn
stats-by-commune = <b>Theo xã/phường</b> ({ $communes } nơi):
stats-commune-unknown = chưa rõ xã/phường
stats-commune-rest = • { $communes } xã/phường khác: { $count }
stats-deadline-known = hạn nộp hồ sơ { $date } ({ $left })
stats-deadline-unknown = hạn nộp hồ sơ chưa có ngày
stats-stalled-head = <b>Chậm tiến độ</b>: { $count } hồ sơ chờ quá { $days } ngày (chờ hồ sơ đầy đủ hoặc chờ xem xét); { $deadline }:
stats-stalled-line = • <code>{ $code }</code> { $org } — { $status }, { $days } ngày
stats-stalled-more = • … và { $count } hồ sơ khác (xem đủ trong tệp /xuat)
stats-stalled-none = Không có hồ sơ nào chờ quá { $days } ngày; { $deadline }.
stats-upcoming-head = <b>Các mốc sắp tới</b> (theo kế hoạch của { $province }):
stats-phase-starts = • { $phase }: bắt đầu { $date } ({ $left })
stats-phase-ends = • { $phase }: đến { $date } ({ $left })
stats-phase-running = • { $phase }: đang diễn ra từ { $start }, chưa có ngày kết thúc
stats-phase-unknown = • { $phase }: chưa có ngày
stats-upcoming-none = Các mốc của kế hoạch năm { $year } đều đã qua.
stats-no-cycle = Kế hoạch năm { $year } của { $province } chưa có trong dữ liệu của trợ lý: các mốc thời gian chưa có ngày.
stats-days-left = còn { $days } ngày
stats-today = hôm nay
stats-no-date = chưa có ngày
stats-phase-launch = Phát động
stats-phase-registration = Đăng ký tham dự
stats-phase-training = Tập huấn
stats-phase-dossier-deadline = Hạn nộp hồ sơ
stats-phase-desk-assessment = Đánh giá hồ sơ
stats-phase-onsite-assessment = Đánh giá tại chỗ
stats-phase-council-selection = Hội đồng sơ tuyển
stats-phase-national-council = Hội đồng quốc gia
stats-phase-ceremony = Lễ trao giải
stats-other-year = Còn { $count } hồ sơ năm { $year } đang xử lý: /thongke { $programme } { $year }
stats-chart-title = { $programme } { $year } — hồ sơ theo tình trạng
stats-chart-subtitle = { $province } · { $date } · { $total } hồ sơ
stats-chart-caption = 📊 Biểu đồ hồ sơ theo tình trạng — { $programme } năm { $year }
stats-short-gtclqg = GTCLQG
stats-short-nscl = NSCL
stats-button-programme = 📊 { $programme }
stats-button-year = 📅 Năm { $year }
stats-button-export = 📥 Xuất Excel danh sách này
stats-usage = Không hiểu “{ $words }”. Cách dùng: /thongke [gtclqg | nscl] [năm], ví dụ /thongke nscl 2026.

## /xuat

export-ask-programme = Xuất danh sách hồ sơ của chương trình nào?
export-ask-year = Năm giải thưởng (năm kế hoạch) nào?
export-ask-status = Hồ sơ ở tình trạng nào?
export-ask-format = Định dạng tệp?
export-format-xlsx = 📗 Excel (.xlsx, kèm lịch sử xử lý)
export-format-csv = 📄 CSV (UTF-8)
export-all-programmes = Cả hai chương trình
export-all-years = Mọi năm
export-all-statuses = Mọi tình trạng
export-open = Đang xử lý
export-withdrawn = Đã rút
export-desc-all-programmes = cả hai chương trình
export-desc-all-years = mọi năm
export-desc-all-statuses = mọi tình trạng
export-desc-open = đang xử lý
export-empty = Không có hồ sơ nào: { $programme }, năm { $year }, tình trạng: { $status }.
export-ready-xlsx = 📥 Danh sách hồ sơ — { $programme }, năm { $year }, tình trạng: { $status }: <b>{ $count }</b> hồ sơ. Tệp Excel có hai trang: danh sách hồ sơ và lịch sử xử lý. Tệp chứa dữ liệu cá nhân: chỉ dùng cho công việc, không chuyển tiếp ra ngoài.
export-ready-csv = 📥 Danh sách hồ sơ — { $programme }, năm { $year }, tình trạng: { $status }: <b>{ $count }</b> hồ sơ (CSV, UTF-8). Tệp chứa dữ liệu cá nhân: chỉ dùng cho công việc, không chuyển tiếp ra ngoài.
export-usage = Không hiểu “{ $words }”. Cách dùng: /xuat [xlsx | csv] [gtclqg | nscl] [năm] [tình trạng, ví dụ dang-xu-ly hoặc can-bo-sung-ho-so]; hoặc gõ /xuat rồi chọn bằng nút.
export-status-not-of-programme = “{ $status }” không phải một tình trạng của { $programme }.
export-sheet-submissions = Hồ sơ
export-sheet-history = Lịch sử xử lý
export-col-code = Mã hồ sơ
export-col-programme = Chương trình
export-col-year = Năm giải thưởng
export-col-status = Tình trạng
export-col-status-since = Ngày cập nhật tình trạng
export-col-registered = Ngày đăng ký
export-col-org = Tên tổ chức
export-col-tax-code = Mã số thuế
export-col-org-type = Loại hình
export-col-founded = Ngày thành lập
export-col-address = Địa chỉ
export-col-commune = Xã/phường
export-col-province = Tỉnh/thành phố
export-col-sector = Nhóm ngành
export-col-vsic = Ngành kinh tế (VSIC 2018)
export-col-employees = Số lao động (BHXH)
export-col-revenue = Doanh thu (đồng)
export-col-capital = Tổng nguồn vốn (đồng)
export-col-size = Quy mô (NĐ 80/2021)
export-col-product = Sản phẩm tham dự
export-col-market-since = Có mặt trên thị trường từ
export-col-certificates = Chứng nhận
export-col-support-kinds = Nội dung đề nghị hỗ trợ
export-col-need = Nhu cầu
export-col-contact-name = Người liên hệ
export-col-contact-position = Chức vụ
export-col-contact-phone = Điện thoại
export-col-contact-email = Email
export-col-documents = Số tệp đính kèm
export-col-channel = Kênh đăng ký
export-col-rules = Quy định áp dụng
export-rules-legacy = NĐ 132/2008, NĐ 74/2018
export-rules-2026 = Luật 78/2025, NĐ 37/2026
export-hist-at = Thời điểm
export-hist-code = Mã hồ sơ
export-hist-action = Việc
export-hist-from = Từ tình trạng
export-hist-to = Sang tình trạng
export-hist-who = Người thực hiện
export-hist-role = Vai trò
export-hist-note = Ghi chú
export-hist-detail = Chi tiết
export-role-admin = quản trị
export-role-official = cán bộ
export-role-enterprise = doanh nghiệp
export-role-system = hệ thống
export-action-created = Đăng ký
export-action-status = Chuyển tình trạng
export-action-note = Ghi chú nội bộ
export-action-contact-updated = Cập nhật liên hệ
export-action-contact-proposed = Đề nghị đổi liên hệ
export-action-contact-accepted = Nhận liên hệ mới
export-action-contact-dismissed = Bỏ đề nghị đổi liên hệ
export-action-contact-removed = Xóa liên hệ
export-action-document-added = Thêm tệp
export-action-self-check-attached = Đính kèm kết quả tự đánh giá
export-action-notice-sent = Đã gửi thông báo
export-action-notice-failed = Chưa gửi được thông báo

## /quyen

roles-head = <b>Người có quyền</b> ({ $count }):
roles-line-bootstrap = • { $user } — { $role } (cài đặt OFFICIAL_TELEGRAM_IDS, chỉ đổi được trên máy chủ)
roles-line = • { $user } — { $role }, cấp bởi { $by } lúc { $at }
roles-line-unseen = • { $user } — { $role }, cấp bởi { $by } lúc { $at } (chưa từng nhắn tin cho trợ lý)
roles-usage =
    Cấp quyền: <code>/quyen cap MÃ [canbo | quantri]</code> — MÃ là mã số Telegram (người được cấp hỏi @userinfobot) hoặc <code>zalo:MÃ</code>.
    Thu hồi: <code>/quyen thu MÃ</code>, hoặc bấm nút bên dưới.
roles-granted = ✅ Đã cấp quyền { $role } cho { $user }.
roles-granted-unseen = ✅ Đã cấp quyền { $role } cho { $user }. Tài khoản này chưa từng nhắn tin cho trợ lý: vui lòng kiểm tra lại mã số.
roles-revoked = Đã thu hồi quyền { $role } của { $user }.
roles-kept = Đã giữ nguyên quyền.
roles-confirm-revoke = Thu hồi quyền { $role } của { $user }? Từ lúc thu hồi, mọi lệnh và nút của cán bộ đều không còn tác dụng với tài khoản này.
roles-button-revoke = Thu hồi quyền của { $user }
roles-button-revoke-yes = ✅ Thu hồi
roles-button-keep = Giữ nguyên
roles-target-invalid = “{ $input }” không phải mã tài khoản. Mã số Telegram là một dãy số, ví dụ 123456789; tài khoản Zalo ghi là zalo:mã-số.
roles-channel-not-grantable = Chưa thể cấp quyền cho tài khoản { $channel }: chỉ tài khoản Telegram và Zalo được cấp quyền.
roles-bootstrap-fixed = { $user } là quản trị theo cài đặt OFFICIAL_TELEGRAM_IDS; chỉ đổi được trong cài đặt trên máy chủ.
roles-not-self = Không thể tự đổi quyền của chính mình; vui lòng nhờ một quản trị khác.
roles-already = { $user } đã có quyền này.
roles-none = { $user } không có quyền nào được cấp trong trợ lý.

desk-button-item = 📋 { $name }: { $state }
desk-item-head = Hồ sơ <code>{ $code }</code>, mục <b>{ $name }</b>: { $state }
desk-item-files = { $count } tệp: { $names }
desk-item-no-files = Chưa có tệp nào cho mục này.
desk-item-note = Ghi chú cần bổ sung: { $note }
desk-button-item-ok = ✅ Đạt
desk-button-item-more = ⚠️ Cần bổ sung
desk-button-item-clear = ↩️ Bỏ đánh dấu
desk-ask-item-note = Mục «{ $name }» của hồ sơ <code>{ $code }</code> cần bổ sung gì? Vui lòng gõ ghi chú (tối đa { $max } ký tự); doanh nghiệp sẽ đọc ghi chú này khi hồ sơ được chuyển sang «Cần bổ sung hồ sơ».
desk-item-marked-ok = Đã đánh dấu mục «{ $name }» của hồ sơ <code>{ $code }</code> là đạt.
desk-item-marked-more = Đã đánh dấu mục «{ $name }» của hồ sơ <code>{ $code }</code> là cần bổ sung. Doanh nghiệp được thông báo khi hồ sơ chuyển sang «Cần bổ sung hồ sơ».
desk-item-cleared = Đã bỏ đánh dấu mục «{ $name }» của hồ sơ <code>{ $code }</code>.
notice-items-more = <b>Các mục cần bổ sung:</b>
notice-items-missing = <b>Các mục bắt buộc chưa nộp:</b>
notice-item = • { $name }
notice-item-note = • { $name }: { $note }
export-col-item = Hồ sơ
export-action-document-item = Xếp tệp vào mục
export-action-checklist-marked = Đánh dấu mục hồ sơ
stats-complete-dossiers = Hồ sơ đủ các mục bắt buộc (theo danh mục): <b>{ $count }</b>/{ $total }.
desk-button-request-again = 📨 Gửi lại yêu cầu bổ sung
desk-request-not-now = Hồ sơ <code>{ $code }</code> không ở tình trạng «Cần bổ sung hồ sơ» hoặc không có mục nào được đánh dấu cần bổ sung, nên không gửi yêu cầu.
stats-selfcheck-none = 🧭 Tự đánh giá mức sẵn sàng: chưa doanh nghiệp nào làm.
stats-selfcheck-head = 🧭 <b>Tự đánh giá mức sẵn sàng</b> (số liệu tổng hợp, lần gần nhất của mỗi doanh nghiệp): { $takers } doanh nghiệp đã làm. Trung bình: { $profile }
stats-selfcheck-item = { $name } { $score }%
stats-selfcheck-by-sector = <b>Theo ngành</b> (của hồ sơ gần nhất):
stats-selfcheck-by-size = <b>Theo quy mô</b>:
stats-selfcheck-group = • { $label } ({ $takers }): { $profile }
stats-selfcheck-vsic2025 = Ngành { $section } (VSIC 2025)
