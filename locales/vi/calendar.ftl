# Lịch Giải thưởng: các bước của năm giải theo hồ sơ tỉnh, giờ Việt Nam.

cmd-calendar = Lịch các bước của Giải thưởng năm nay
menu-calendar = 📅 Lịch

calendar-title = 📅 <b>Lịch Giải thưởng Chất lượng Quốc gia — tỉnh { $province }</b>
calendar-today = Hôm nay: { $today } (giờ Việt Nam).
calendar-cycle-heading = <b>Năm giải { $year }</b> — { $rules }
calendar-rules-legacy = theo quy định cũ (NĐ 132/2008, NĐ 74/2018, TT 27/2019)
calendar-rules-2026 = theo quy định mới (Luật 78/2025, NĐ 37/2026)
calendar-phase-line = • { $phase }: { $dates } — { $status }
calendar-phase-note = { $line } <i>({ $note })</i>
calendar-dates-range = { $start } – { $end }
calendar-dates-until = đến { $end }
calendar-dates-from = từ { $start }
calendar-dates-unknown = chưa công bố
calendar-status-upcoming = <b>còn { $days } ngày nữa bắt đầu</b>
calendar-status-open-left = <b>đang diễn ra, còn { $days } ngày</b>
calendar-status-open = <b>đang diễn ra</b>
calendar-status-due = <b>còn { $days } ngày</b>
calendar-status-last-day = <b>hôm nay là ngày cuối</b>
calendar-status-ended = đã kết thúc
calendar-status-unknown = <i>chưa có thông tin</i>
calendar-cycle-unknown = Sở chưa công bố thời gian các bước của năm giải này, hoặc chưa cập nhật vào trợ lý.
calendar-no-cycle = Trợ lý chưa có lịch của năm giải { $year }.
calendar-typical-heading = <i>Thời gian thường lệ theo kế hoạch các năm trước — chỉ để tham khảo, không phải lịch chính thức năm nay:</i>
calendar-typical-line = • { $phase }: { $when }
calendar-nscl = <b>Chương trình NSCL</b>: hỗ trợ theo kế hoạch hằng năm của tỉnh; thời gian nhận đề nghị năm nay trợ lý chưa có thông tin.
calendar-ask = Để biết lịch chính thức, Quý doanh nghiệp vui lòng hỏi:

calendar-phase-launch = Phát động
calendar-phase-registration = Đăng ký tham dự
calendar-phase-training = Tập huấn, hướng dẫn hồ sơ
calendar-phase-dossier-deadline = Nộp hồ sơ
calendar-phase-desk-assessment = Đánh giá hồ sơ
calendar-phase-onsite-assessment = Đánh giá tại doanh nghiệp
calendar-phase-council-selection = Hội đồng sơ tuyển lựa chọn
calendar-phase-national-council = Hội đồng quốc gia xét chọn
calendar-phase-ceremony = Lễ trao giải
