## Registration form checks (issue 14): regime of the award year, province, legal entity,
## previous wins, tax and social-insurance declaration, a ministry's council, size class.

regc-market-rule-unconfirmed = Điều 59 Nghị định 37/2026/NĐ-CP quy định sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng; việc áp dụng quy định này cho năm giải này chưa được xác nhận.
regc-market-warning =
    ⚠️ Lưu ý: Điều 59 Nghị định 37/2026/NĐ-CP quy định sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng. Với thời điểm { $given }, sản phẩm { $known ->
        [yes] đủ 12 tháng từ ngày <b>{ $from }</b>.
       *[no] có thể chưa đủ 12 tháng (còn tùy ngày cụ thể).
    } Việc áp dụng quy định này cho năm giải { $year } chưa được xác nhận (thời điểm chuyển tiếp sang quy định mới chưa được công bố), nên trợ lý vẫn ghi nhận đăng ký. Quý doanh nghiệp vui lòng hỏi { $unit } trước khi chuẩn bị hồ sơ.

regc-size-not-applicable = không áp dụng (Nghị định 80/2021/NĐ-CP chỉ phân loại doanh nghiệp)

regc-other-province =
    Địa chỉ trụ sở Quý doanh nghiệp vừa khai thuộc { $kind ->
        [thanh-pho] thành phố
       *[tinh] tỉnh
    } <b>{ $province }</b>{ $legacy ->
        [yes] {" "}(theo địa giới sau ngày 01/7/2025)
       *[no] {""}
    }. Hội đồng sơ tuyển và chương trình năng suất, chất lượng của tỉnh { $home } chỉ tiếp nhận tổ chức, doanh nghiệp có trụ sở trên địa bàn tỉnh { $home }. Quý doanh nghiệp vui lòng liên hệ Sở Khoa học và Công nghệ { $kind ->
        [thanh-pho] thành phố
       *[tinh] tỉnh
    } { $province } để đăng ký.
    Nếu địa chỉ vừa khai chưa đúng, Quý doanh nghiệp vui lòng nhập lại địa chỉ trụ sở (xã/phường, tỉnh/thành phố).

regc-branch =
    Mã số <code>{ $code }</code> là mã của chi nhánh hoặc đơn vị phụ thuộc. Giải thưởng Chất lượng Quốc gia dành cho tổ chức, doanh nghiệp có tư cách pháp nhân, nên chi nhánh đăng ký tham dự thông qua doanh nghiệp mẹ (mã số thuế thường là 10 chữ số đầu: <code>{ $parent }</code>).
    Quý doanh nghiệp vui lòng nhập mã số thuế 10 chữ số của doanh nghiệp mẹ, bấm nút bên dưới để khai lại tên và mã số thuế của doanh nghiệp mẹ, hoặc gõ /huy để dừng.
regc-action-parent = 🏢 Đăng ký theo doanh nghiệp mẹ
regc-parent-intro = Quý doanh nghiệp vui lòng khai tên và mã số thuế của doanh nghiệp mẹ (đơn vị có tư cách pháp nhân); các thông tin khác đã khai được giữ lại.

regc-ask-legal-entity = Giải thưởng Chất lượng Quốc gia dành cho tổ chức, doanh nghiệp có tư cách pháp nhân. Tổ chức của Quý vị có tư cách pháp nhân không?
regc-legal-no-gate = Tổ chức không có tư cách pháp nhân (chi nhánh, đơn vị phụ thuộc) đăng ký tham dự thông qua đơn vị chủ quản có tư cách pháp nhân. Quý vị vui lòng bấm nút bên dưới để khai tên và mã số thuế của đơn vị chủ quản, hoặc gõ /huy để dừng.
regc-field-legal-entity = Tư cách pháp nhân
regc-legal-yes = Có tư cách pháp nhân
regc-legal-no = Không (chi nhánh, đơn vị phụ thuộc)
regc-col-legal-entity = Tư cách pháp nhân

regc-ask-prior-award = Quý doanh nghiệp đã từng đạt Giải thưởng Chất lượng Quốc gia chưa? Nếu đã đạt nhiều lần, chọn lần gần nhất.
regc-field-prior-award = Giải đã đạt
regc-prior-none = Chưa từng đạt
regc-prior-gold = Giải Vàng Chất lượng Quốc gia
regc-prior-silver = Giải Bạc Chất lượng Quốc gia
regc-prior-award = Giải thưởng Chất lượng Quốc gia
regc-col-prior-award = Giải đã đạt
regc-ask-prior-year = Đạt giải năm nào (năm giải thưởng)? Ví dụ: 2021
regc-field-prior-year = Năm đạt giải
regc-col-prior-year = Năm đạt giải
regc-val-prior-year = Vui lòng nhập năm đạt giải gồm 4 chữ số, từ { $first } đến { $last }. Ví dụ: 2021

regc-reentry-gold-legacy = Theo Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP, tổ chức đạt Giải Vàng chỉ được tham dự lại sau 2 năm. Đạt giải năm { $won }, Quý doanh nghiệp đã qua thời gian này đối với năm giải { $year }.
regc-reentry-silver-2026 = Theo Điều 59 Nghị định 37/2026/NĐ-CP, tổ chức đạt Giải Bạc được tham dự không hạn chế số lần và thời gian tham dự, nên Quý doanh nghiệp có thể đăng ký năm giải { $year }.{ $confirmed ->
        [yes] {""}
       *[no] {" "}Việc áp dụng Nghị định 37/2026/NĐ-CP cho năm giải { $year } chưa được xác nhận; Quý doanh nghiệp vui lòng hỏi { $unit }.
    }
regc-reentry-not-yet = ⚠️ Theo Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP, tổ chức đạt Giải Vàng chỉ được tham dự lại sau 2 năm. Đạt Giải Vàng năm { $won }, Quý doanh nghiệp có thể tham dự lại từ năm giải { $from }. Trợ lý vẫn ghi nhận đăng ký để { $unit } xem xét.
regc-reentry-borderline = ⚠️ Theo Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP, tổ chức đạt Giải Vàng chỉ được tham dự lại sau 2 năm. Đạt giải năm { $won }, năm giải { $year } nằm đúng ở mốc 2 năm; cách tính mốc này cần { $unit } xác nhận. Trợ lý vẫn ghi nhận đăng ký.
regc-reentry-unknown = Trợ lý chưa có quy định có nguồn về việc tham dự lại đối với tổ chức đã đạt giải này theo { $rules ->
        [legacy] Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP
       *[other] Nghị định 37/2026/NĐ-CP
    } (năm giải { $year }). Thông tin đã được ghi nhận; Quý doanh nghiệp vui lòng hỏi { $unit } về điều kiện tham dự lại.

regc-ask-tax-insurance = Tự khai: trong 3 năm gần nhất, Quý doanh nghiệp đã thực hiện đầy đủ nghĩa vụ thuế và bảo hiểm xã hội của từng năm chưa? (Hồ sơ tham dự cần xác nhận của cơ quan thuế và cơ quan bảo hiểm xã hội về việc này.)
regc-field-tax-insurance = Tự khai nghĩa vụ thuế, BHXH (3 năm)
regc-taxins-yes = Đã thực hiện đầy đủ
regc-taxins-no = Chưa đầy đủ
regc-col-tax-insurance = Tự khai thuế, BHXH (3 năm)
regc-taxins-no-note = Thông tin "chưa thực hiện đầy đủ nghĩa vụ thuế, bảo hiểm xã hội" được ghi nhận, không làm dừng đăng ký. Hồ sơ tham dự cần xác nhận của cơ quan thuế và cơ quan bảo hiểm xã hội cho từng năm trong 3 năm gần nhất (mục 7 của hồ sơ), và tổ chức tham dự không được vi phạm quy định pháp luật; Quý doanh nghiệp vui lòng trao đổi với { $unit } trước khi chuẩn bị hồ sơ.

regc-ask-ministry = Ngành, lĩnh vực của Quý doanh nghiệp có do một Bộ quản lý và Bộ đó có Hội đồng sơ tuyển Giải thưởng Chất lượng Quốc gia riêng không? (Doanh nghiệp thuộc ngành do Bộ quản lý có thể tham dự qua Hội đồng sơ tuyển của Bộ, ví dụ Hội đồng sơ tuyển của Bộ Khoa học và Công nghệ.)
regc-field-ministry = Thuộc ngành do Bộ có Hội đồng sơ tuyển quản lý
regc-ministry-yes = Có
regc-ministry-no = Không
regc-ministry-unknown = Không rõ
regc-col-ministry = Ngành do Bộ có Hội đồng sơ tuyển quản lý
regc-ministry-yes-note = Quý doanh nghiệp có thể đăng ký tham dự qua Hội đồng sơ tuyển của Bộ quản lý ngành thay vì Hội đồng sơ tuyển của tỉnh. Trợ lý vẫn ghi nhận đăng ký tại tỉnh; Quý doanh nghiệp chỉ nên tham dự qua một Hội đồng sơ tuyển.
regc-ministry-unknown-note = Thông tin được ghi nhận; { $unit } sẽ hướng dẫn nếu ngành của Quý doanh nghiệp có Hội đồng sơ tuyển của Bộ.

regc-ask-award-year = Quý doanh nghiệp đăng ký cho năm giải nào? Lịch năm giải { $year } của tỉnh chưa được công bố; theo kế hoạch các năm trước, việc nhận đăng ký và hồ sơ thường kết thúc trước tháng 8, nên đăng ký lúc này có thể dành cho năm giải sau. Nếu chưa rõ, Quý doanh nghiệp có thể hỏi { $unit }.
regc-field-award-year = Năm giải

regc-ask-vsic-version = Mã ngành kinh tế của Quý doanh nghiệp theo hệ thống nào? Giấy đăng ký cấp trước ngày 15/11/2025 thường ghi mã theo VSIC 2018 (Quyết định 27/2018/QĐ-TTg); từ ngày 15/11/2025 áp dụng VSIC 2025 (Quyết định 36/2025/QĐ-TTg). Cùng một chữ cái có thể là ngành khác nhau giữa hai hệ thống.
regc-field-vsic-version = Hệ thống ngành kinh tế
regc-vsic2018 = VSIC 2018 (QĐ 27/2018/QĐ-TTg)
regc-vsic2025 = VSIC 2025 (QĐ 36/2025/QĐ-TTg)
vsic2025-a = A – Nông nghiệp, lâm nghiệp và thủy sản (VSIC 2025)
vsic2025-b = B – Khai khoáng (VSIC 2025)
vsic2025-c = C – Công nghiệp chế biến, chế tạo (VSIC 2025)
vsic2025-d = D – Điện, khí đốt, nước nóng, hơi nước, điều hòa không khí (VSIC 2025)
vsic2025-e = E – Cung cấp nước, xử lý rác thải, nước thải (VSIC 2025)
vsic2025-f = F – Xây dựng (VSIC 2025)
vsic2025-g = G – Bán buôn, bán lẻ, sửa chữa ô tô, xe máy (VSIC 2025)
vsic2025-h = H – Vận tải, kho bãi (VSIC 2025)
vsic2025-i = I – Dịch vụ lưu trú và ăn uống (VSIC 2025)
vsic2025-j = J – Xuất bản, phát sóng, sản xuất và phân phối nội dung (VSIC 2025)
vsic2025-k = K – Viễn thông, lập trình máy tính, hạ tầng máy tính, dịch vụ thông tin (VSIC 2025)
vsic2025-l = L – Tài chính, ngân hàng, bảo hiểm (VSIC 2025)
vsic2025-m = M – Kinh doanh bất động sản (VSIC 2025)
vsic2025-n = N – Chuyên môn, khoa học và công nghệ (VSIC 2025)
vsic2025-o = O – Hành chính và dịch vụ hỗ trợ (VSIC 2025)
vsic2025-p = P – Đảng, đoàn thể, quản lý nhà nước, an ninh quốc phòng, bảo đảm xã hội bắt buộc (VSIC 2025)
vsic2025-q = Q – Giáo dục và đào tạo (VSIC 2025)
vsic2025-r = R – Y tế và trợ giúp xã hội (VSIC 2025)
vsic2025-s = S – Nghệ thuật, thể thao và giải trí (VSIC 2025)
vsic2025-t = T – Hoạt động dịch vụ khác (VSIC 2025)
vsic2025-u = U – Hộ gia đình làm thuê, tự sản xuất (VSIC 2025)
vsic2025-v = V – Tổ chức và cơ quan quốc tế (VSIC 2025)

regc-rule-36-both = Nghị định 132/2008/NĐ-CP (sửa đổi bởi Nghị định 74/2018/NĐ-CP) và Điều 59 Nghị định 37/2026/NĐ-CP (cả hai cùng quy định điều kiện này)
