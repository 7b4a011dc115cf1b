# Registration for the award (GTCLQG), requests for NSCL support, contact updates.

cmd-register = Đăng ký tham dự Giải thưởng hoặc đề nghị hỗ trợ
menu-register = 📝 Đăng ký

programme-gtclqg = Giải thưởng Chất lượng Quốc gia
programme-nscl = Chương trình nâng cao năng suất và chất lượng

reg-choose =
    Quý doanh nghiệp muốn đăng ký nội dung nào?
    • <b>Giải thưởng Chất lượng Quốc gia</b>: dành cho tổ chức đã hoạt động từ 36 tháng trở lên; đăng ký ngắn trước, hồ sơ đầy đủ nộp sau.
    • <b>Hỗ trợ nâng cao năng suất và chất lượng</b>: áp dụng hệ thống quản lý, công cụ cải tiến, tiêu chuẩn cơ sở, truy xuất nguồn gốc…
reg-choose-gtclqg = 🏆 Giải thưởng Chất lượng Quốc gia
reg-choose-nscl = 🛠 Đề nghị hỗ trợ năng suất, chất lượng

reg-title-gtclqg = đăng ký tham dự Giải thưởng Chất lượng Quốc gia
reg-title-nscl = đề nghị hỗ trợ nâng cao năng suất và chất lượng
reg-title-contact = cập nhật thông tin liên hệ
reg-summary-title-gtclqg = <b>Kiểm tra thông tin đăng ký tham dự Giải thưởng Chất lượng Quốc gia</b>
reg-summary-title-nscl = <b>Kiểm tra thông tin đề nghị hỗ trợ nâng cao năng suất và chất lượng</b>
reg-summary-title-contact = <b>Kiểm tra thông tin liên hệ mới</b>
reg-button-submit = ✅ Gửi đăng ký
reg-button-save-contact = ✅ Lưu thông tin liên hệ

reg-ask-consent =
    <b>Đồng ý xử lý dữ liệu cá nhân</b>
    Để nhận đăng ký, trợ lý sẽ lưu các thông tin Quý doanh nghiệp cung cấp: thông tin về tổ chức (tên, mã số thuế, địa chỉ, ngành nghề, quy mô, sản phẩm), thông tin người liên hệ (họ tên, chức vụ, điện thoại, email), các tệp gửi kèm và thời điểm đồng ý.
    • Mục đích: tiếp nhận đăng ký và liên hệ hướng dẫn hồ sơ.
    • Người được xem: cán bộ phụ trách của { $unit }. Dữ liệu lưu trên máy chủ của Sở, không chuyển cho bên thứ ba.
    • Quý doanh nghiệp xem toàn bộ dữ liệu đã lưu bằng lệnh /dulieu; rút hồ sơ và yêu cầu xóa thông tin liên hệ bằng lệnh /rut. Câu trả lời đang nhập dở tự xóa sau 30 ngày không dùng.
    Quý doanh nghiệp có đồng ý không? (Gõ /huy để dừng bất cứ lúc nào.)
reg-ask-org-name = Tên đầy đủ của tổ chức (theo Giấy chứng nhận đăng ký doanh nghiệp)? Ví dụ: Công ty TNHH Sản xuất Minh An
reg-ask-tax-code = Mã số doanh nghiệp (mã số thuế)? Gồm 10 chữ số; chi nhánh 13 chữ số (dạng 0314409058-001).
reg-ask-org-type = Loại hình tổ chức?
reg-ask-founded = Ngày thành lập (ngày cấp Giấy chứng nhận đăng ký lần đầu)? Ví dụ: 15/3/2019. Nếu không nhớ ngày, có thể ghi tháng/năm (03/2019) hoặc năm (2019).
reg-ask-address = Địa chỉ trụ sở: xã/phường và tỉnh/thành phố? Ví dụ: Phường Trấn Biên, { $province }. (Từ 01/7/2025 không còn cấp huyện; địa chỉ cũ có quận/huyện vẫn được chấp nhận.)
reg-ask-sector = Lĩnh vực tham dự: sản xuất hay dịch vụ?
reg-ask-vsic = Ngành kinh tế chính (ngành cấp 1 theo Hệ thống ngành kinh tế Việt Nam { $version ->
        [vsic2025] 2025
       *[other] 2018
    })? Quý doanh nghiệp chọn bên dưới, hoặc gõ mã ngành trên giấy đăng ký kinh doanh (ví dụ: 1079).
reg-ask-employees = Số lao động tham gia bảo hiểm xã hội bình quân năm? Ví dụ: 45
reg-ask-revenue = Tổng doanh thu năm gần nhất? Ví dụ: 1,5 tỷ; 800 triệu; 1.500.000.000. Có thể bỏ qua nếu Quý doanh nghiệp khai tổng nguồn vốn ở câu sau.
reg-ask-capital = Tổng nguồn vốn? Ví dụ: 20 tỷ
reg-ask-product = Sản phẩm hoặc dịch vụ chính đăng ký tham dự? Ví dụ: Gạch ốp lát men bóng
reg-ask-market-since = Sản phẩm, dịch vụ này có mặt trên thị trường từ khi nào? Ví dụ: 06/2020. { $rule }
reg-market-rule-2026 = Theo quy định mới (Điều 59 Nghị định 37/2026/NĐ-CP), sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng.
reg-market-rule-legacy = Theo quy định áp dụng cho năm giải thưởng này (Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP), không có yêu cầu tối thiểu về thời gian sản phẩm có mặt trên thị trường.
reg-ask-certs = Các chứng nhận Quý doanh nghiệp đang có? Chọn các mục rồi bấm Xong; nếu chưa có chứng nhận nào, bấm Xong luôn.
reg-ask-certs-other = Tên các chứng nhận khác? Ví dụ: ISO/IEC 17025, HALAL
reg-ask-contact-name = Họ và tên người liên hệ? Ví dụ: Nguyễn Thị Lan
reg-ask-position = Chức vụ của người liên hệ? Ví dụ: Trưởng phòng Quản lý chất lượng
reg-ask-phone = Số điện thoại liên hệ (di động hoặc cố định)? Ví dụ: 0912 345 678 hoặc 0251 3822 123
reg-ask-email = Email liên hệ? Ví dụ: lienhe@congty.vn
reg-ask-documents = Tài liệu kèm theo (không bắt buộc, có thể gửi sau): Quý doanh nghiệp có thể gửi tệp ngay vào cuộc trò chuyện (đơn đăng ký, báo cáo, giấy chứng nhận…), gửi xong bấm Xong. Tệp nhận được: PDF, Word hoặc ảnh ({ $types }), mỗi tệp không quá { $max } MB.
reg-ask-support-kinds =
    Quý doanh nghiệp cần hỗ trợ nội dung nào? Chọn một hoặc nhiều mục rồi bấm Xong:
    { $list }
reg-ask-need = Mô tả ngắn nhu cầu (sản phẩm, công đoạn, mục tiêu)? Ví dụ: Áp dụng ISO 9001 và 5S cho xưởng sản xuất

reg-field-consent = Đồng ý xử lý dữ liệu
reg-field-org-name = Tên tổ chức
reg-field-tax-code = Mã số thuế
reg-field-org-type = Loại hình
reg-field-founded = Ngày thành lập
reg-field-address = Địa chỉ
reg-field-sector = Lĩnh vực
reg-field-vsic = Ngành kinh tế
reg-field-employees = Số lao động (BHXH)
reg-field-revenue = Doanh thu
reg-field-capital = Nguồn vốn
reg-field-product = Sản phẩm tham dự
reg-field-market-since = Có mặt trên thị trường từ
reg-field-certs = Chứng nhận
reg-field-certs-other = Chứng nhận khác
reg-field-contact-name = Người liên hệ
reg-field-position = Chức vụ
reg-field-phone = Điện thoại
reg-field-email = Email
reg-field-documents = Tài liệu
reg-field-support-kinds = Nội dung cần hỗ trợ
reg-field-need = Mô tả nhu cầu

reg-org-type-enterprise = Doanh nghiệp
reg-org-type-cooperative = Hợp tác xã
reg-org-type-public-unit = Đơn vị sự nghiệp
reg-org-type-other = Khác
reg-sector-production = Sản xuất
reg-sector-services = Dịch vụ

reg-address-province = (tỉnh/thành phố: { $province })
reg-address-legacy = (địa chỉ theo địa giới cũ)
reg-size-class = Theo Nghị định 80/2021/NĐ-CP, quy mô của Quý doanh nghiệp: <b>{ $size }</b>.

reg-rule-2026 = Điều 59 Nghị định 37/2026/NĐ-CP (quy định mới)
reg-rule-legacy = Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP
reg-founded-not-yet =
    Theo { $rule }, tổ chức tham dự Giải thưởng phải hoạt động liên tục tại Việt Nam ít nhất 36 tháng trước khi đăng ký. Với ngày thành lập { $given }, Quý doanh nghiệp { $exact ->
        [yes] đủ điều kiện này từ ngày <b>{ $from }</b>.
       *[no] đủ điều kiện này chậm nhất từ ngày <b>{ $from }</b> (cho biết ngày cụ thể để tính chính xác).
    }
    Trong thời gian chờ, Quý doanh nghiệp có thể đề nghị hỗ trợ nâng cao năng suất và chất lượng; các thông tin đã khai được giữ lại. Nếu ngày vừa nhập chưa đúng, xin gõ lại.
reg-founded-need-day = Với ngày thành lập { $given }, việc đủ 36 tháng hoạt động còn tùy vào ngày cụ thể. Quý doanh nghiệp vui lòng ghi rõ ngày, ví dụ: 15/3/2023.
reg-market-not-yet =
    Theo { $rule }, sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng. Với thời điểm { $given }, sản phẩm { $exact ->
        [yes] đủ điều kiện này từ ngày <b>{ $from }</b>.
       *[no] đủ điều kiện này chậm nhất từ ngày <b>{ $from }</b> (cho biết ngày cụ thể để tính chính xác).
    }
    Quý doanh nghiệp có thể gõ lại thời điểm nếu chưa đúng, bấm Quay lại để chọn sản phẩm khác, hoặc đề nghị hỗ trợ nâng cao năng suất và chất lượng.
reg-market-need-day = Với thời điểm { $given }, việc đủ 12 tháng trên thị trường còn tùy vào ngày cụ thể. Quý doanh nghiệp vui lòng ghi rõ ngày, ví dụ: 15/3/2025.
reg-action-switch-nscl = 🛠 Đề nghị hỗ trợ năng suất, chất lượng
reg-switched-to-nscl = Trợ lý chuyển sang phần đề nghị hỗ trợ nâng cao năng suất và chất lượng; các thông tin Quý doanh nghiệp đã khai được giữ lại.

reg-duplicate =
    Mã số thuế { $taxCode } đã đăng ký { $programme } năm { $year }: mã hồ sơ <code>{ $code }</code>, tình trạng <b>{ $status }</b> (cập nhật ngày { $date }). Mỗi tổ chức chỉ đăng ký một lần trong một năm.
    Quý doanh nghiệp có thể cập nhật thông tin liên hệ cho hồ sơ này, gõ lại mã số nếu nhập nhầm, hoặc gõ /huy để dừng.
reg-duplicate-other =
    Mã số thuế { $taxCode } đã có hồ sơ đăng ký { $programme } năm { $year }. Mỗi tổ chức chỉ đăng ký một lần trong một năm.
    Để biết thông tin về hồ sơ này, Quý doanh nghiệp vui lòng dùng tài khoản đã đăng ký hồ sơ, hoặc liên hệ { $contact }. Quý doanh nghiệp cũng có thể đề nghị cập nhật thông tin liên hệ (cán bộ phụ trách sẽ xác minh trước khi thay thế), gõ lại mã số thuế nếu nhập nhầm, hoặc gõ /huy để dừng.
reg-action-update-contact = Cập nhật thông tin liên hệ
reg-duplicate-gone = Hồ sơ trước đây với mã số này không còn hiệu lực; Quý doanh nghiệp có thể tiếp tục đăng ký.
reg-contact-update-owner = Cập nhật thông tin liên hệ cho hồ sơ <code>{ $code }</code>. Thông tin hiện có đã được điền sẵn: bấm ✏️ ở mục cần thay đổi rồi bấm Lưu.
reg-contact-update-other = Cập nhật thông tin liên hệ cho hồ sơ đã đăng ký với mã số thuế này. Hồ sơ này được đăng ký từ một tài khoản khác, nên thông tin mới sẽ được cán bộ phụ trách xác minh trước khi thay thế.
reg-contact-line = { $name }, { $position }
reg-contact-updated = Đã cập nhật thông tin liên hệ của hồ sơ <code>{ $code }</code>: { $contact }.
reg-contact-proposed = Đã gửi thông tin liên hệ mới ({ $contact }) tới cán bộ phụ trách để xác minh; thông tin cũ được giữ cho đến khi cán bộ xác nhận.

reg-done-gtclqg =
    ✅ Đã ghi nhận đăng ký tham dự Giải thưởng Chất lượng Quốc gia năm { $year } của <b>{ $org }</b>.
    Mã hồ sơ: <code>{ $code }</code> — Quý doanh nghiệp vui lòng lưu lại mã này.
reg-done-nscl =
    ✅ Đã ghi nhận đề nghị hỗ trợ nâng cao năng suất và chất lượng năm { $year } của <b>{ $org }</b>.
    Mã hồ sơ: <code>{ $code }</code> — Quý doanh nghiệp vui lòng lưu lại mã này.
reg-next-gtclqg =
    <b>Bước tiếp theo:</b> chuẩn bị hồ sơ tham dự đầy đủ, gồm:
    { $items }
    Cán bộ phụ trách sẽ liên hệ để hướng dẫn cụ thể.
reg-next-gtclqg-2026-note = <i>Danh mục trên theo hướng dẫn của các năm trước. Quy định mới của Giải thưởng (Luật 78/2025/QH15, Nghị định 37/2026/NĐ-CP) đã ban hành, năm giải bắt đầu áp dụng chưa được xác nhận; mẫu hồ sơ theo quy định mới sẽ được Sở hướng dẫn.</i>
reg-next-nscl =
    <b>Bước tiếp theo</b> (thông thường):
    1. { $unit } xem xét điều kiện và mức ưu tiên của đề nghị;
    2. Nếu phù hợp, nội dung hỗ trợ được đưa vào kế hoạch hằng năm hoặc nhiệm vụ khoa học và công nghệ;
    3. Lựa chọn tổ chức tư vấn; doanh nghiệp cam kết phần kinh phí đối ứng;
    4. Triển khai, nghiệm thu và thanh quyết toán.
    Mức hỗ trợ do từng tỉnh quy định theo nghị quyết của Hội đồng nhân dân; cán bộ phụ trách sẽ liên hệ để trao đổi cụ thể.
reg-deadline-known = Hạn nộp hồ sơ: <b>{ $date }</b> (theo kế hoạch của { $unit }).
reg-deadline-unknown = Hạn nộp hồ sơ năm { $year } chưa được công bố. Quý doanh nghiệp vui lòng theo dõi thông báo hoặc liên hệ { $contact }.
reg-documents-attached = Đã đính kèm { $count } tệp vào hồ sơ.
reg-lookup-howto = Tra cứu tình trạng: gõ <code>/tracuu { $code }</code>. Gửi thêm tài liệu: gửi tệp vào cuộc trò chuyện này bất cứ lúc nào. Xem toàn bộ dữ liệu đã lưu: /dulieu.

unit-contact = { $unit } (điện thoại: { $phone }; email: { $email })
contact-not-updated = chưa cập nhật

size-micro = doanh nghiệp siêu nhỏ
size-small = doanh nghiệp nhỏ
size-medium = doanh nghiệp vừa
size-large = doanh nghiệp lớn (ngoài nhóm nhỏ và vừa)

cert-iso9001 = ISO 9001 (quản lý chất lượng)
cert-iso14001 = ISO 14001 (môi trường)
cert-iso22000-haccp = ISO 22000 / HACCP
cert-iso45001 = ISO 45001 (an toàn, sức khỏe nghề nghiệp)
cert-iso50001 = ISO 50001 (năng lượng)
cert-vietgap-globalgap = VietGAP / GlobalGAP
cert-ocop = OCOP
cert-other = Chứng nhận khác

# Sections of VSIC 2018 (QĐ 27/2018/QĐ-TTg), short names as in domain.md §5.4.
vsic2018-a = A – Nông, lâm nghiệp và thủy sản
vsic2018-b = B – Khai khoáng
vsic2018-c = C – Công nghiệp chế biến, chế tạo
vsic2018-d = D – Điện, khí đốt, hơi nước, điều hòa không khí
vsic2018-e = E – Cấp nước, xử lý rác thải, nước thải
vsic2018-f = F – Xây dựng
vsic2018-g = G – Bán buôn, bán lẻ, sửa chữa ô tô, xe máy
vsic2018-h = H – Vận tải, kho bãi
vsic2018-i = I – Dịch vụ lưu trú và ăn uống
vsic2018-j = J – Thông tin và truyền thông
vsic2018-k = K – Tài chính, ngân hàng, bảo hiểm
vsic2018-l = L – Kinh doanh bất động sản
vsic2018-m = M – Chuyên môn, khoa học và công nghệ
vsic2018-n = N – Hành chính và dịch vụ hỗ trợ
vsic2018-o = O – Đảng, đoàn thể, quản lý nhà nước, an ninh quốc phòng
vsic2018-p = P – Giáo dục và đào tạo
vsic2018-q = Q – Y tế và trợ giúp xã hội
vsic2018-r = R – Nghệ thuật, vui chơi và giải trí
vsic2018-s = S – Hoạt động dịch vụ khác
vsic2018-t = T – Hộ gia đình làm thuê, tự sản xuất
vsic2018-u = U – Tổ chức và cơ quan quốc tế
