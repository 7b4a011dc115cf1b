# The answer computed for "thành lập tháng 3/2024 có đủ điều kiện dự giải không" (src/flows/founding-answer.ts).
founding-title = <b>Doanh nghiệp thành lập { $founded } đã đủ 36 tháng hoạt động để tham dự Giải thưởng Chất lượng Quốc gia chưa?</b>
founding-reference-today = hôm nay ({ $date })
founding-reference-registration = hết hạn đăng ký năm giải { $year } theo kế hoạch của tỉnh ({ $date })
founding-eligible = ✅ Tính đến { $reference }, doanh nghiệp thành lập { $founded } <b>đã đủ 36 tháng</b> hoạt động.
founding-depends = ⚖️ Tính đến { $reference }, doanh nghiệp thành lập { $founded } đủ 36 tháng <b>nếu ngày thành lập không muộn hơn { $cutoff }</b>; thành lập sau ngày đó thì đủ 36 tháng muộn nhất từ { $latest }.
founding-not-yet-day = ⏳ Tính đến { $reference }, doanh nghiệp thành lập { $founded } <b>chưa đủ 36 tháng</b>; <b>đủ 36 tháng từ { $from }</b>.
founding-not-yet-month = ⏳ Tính đến { $reference }, doanh nghiệp thành lập { $founded } <b>chưa đủ 36 tháng</b>; <b>đủ 36 tháng từ tháng { $from }</b> (đúng ngày thành lập của tháng đó; muộn nhất { $latest }).
founding-not-yet-year = ⏳ Tính đến { $reference }, doanh nghiệp thành lập năm { $founded } <b>chưa đủ 36 tháng</b>; <b>đủ 36 tháng trong năm { $from }</b> (đúng ngày, tháng thành lập; muộn nhất { $latest }).
founding-rule = Điều kiện: tổ chức, doanh nghiệp hoạt động tại Việt Nam <b>ít nhất 36 tháng tính đến thời điểm đăng ký</b> tham dự (Điều 59 Nghị định 37/2026/NĐ-CP; quy định trước đây — Nghị định 132/2008/NĐ-CP, sửa đổi bởi Nghị định 74/2018/NĐ-CP — cũng yêu cầu 36 tháng trước khi đăng ký). Theo Nghị định 37/2026/NĐ-CP, sản phẩm tham dự còn phải lưu thông trên thị trường ít nhất 12 tháng.
founding-note = <i>Mốc chính xác phụ thuộc ngày đăng ký tham dự và ngày thành lập ghi trên giấy chứng nhận đăng ký; đây là phép tính tham khảo của trợ lý — { $unit } xác nhận khi tiếp nhận hồ sơ.</i>
