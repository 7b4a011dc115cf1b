# Tự đánh giá mức sẵn sàng (/tudanhgia): các câu, thang 0–4, kết quả.

cmd-selfcheck = Tự đánh giá mức sẵn sàng theo 07 tiêu chí Giải thưởng
menu-selfcheck = 🧭 Tự đánh giá

selfcheck-rules-legacy = theo 07 tiêu chí của NĐ 74/2018, TT 27/2019
selfcheck-rules-2026 = theo NĐ 37/2026 (07 khía cạnh quản trị và chất lượng sản phẩm dự giải)
selfcheck-intro = 🧭 <b>Tự đánh giá mức sẵn sàng tham dự Giải thưởng Chất lượng Quốc gia</b>
    { $count } câu ngắn về { $criteria } nhóm tiêu chí, { $rules }. Với mỗi câu, Quý doanh nghiệp chọn mức đúng với thực tế:
    { $scale }
    Có thể dừng và làm tiếp sau; gõ số 0–4 cũng được. Kết quả chỉ là <b>chỉ báo để doanh nghiệp tự tham khảo, không phải điểm chấm của Hội đồng</b>.
selfcheck-statement = <b>Câu { $n }/{ $total }</b> · <i>{ $criterion }</i>
    { $statement }
selfcheck-button-back = ⬅️ Quay lại
selfcheck-button-stop = ⏸ Dừng
selfcheck-button-continue = ▶️ Làm tiếp
selfcheck-button-restart = 🔄 Làm lại từ đầu
selfcheck-resume = Quý doanh nghiệp đang làm dở bản tự đánh giá (đã trả lời { $answered } câu, lần cuối lúc { $when }). Làm tiếp từ câu { $n }/{ $total } hay làm lại từ đầu?
selfcheck-stopped = Đã tạm dừng ở câu { $n }/{ $total }; các câu đã trả lời được giữ lại. Gõ /tudanhgia hoặc bấm «Làm tiếp» khi muốn tiếp tục.
selfcheck-button-old = Nút đó thuộc một câu khác; đây là câu đang hỏi.
selfcheck-type-digit = Quý doanh nghiệp vui lòng chọn một nút, hoặc gõ một số từ 0 đến 4.
selfcheck-state-broken = Không đọc được bản tự đánh giá đang làm dở; xin bắt đầu lại.
selfcheck-cancelled = Đã hủy bản tự đánh giá đang làm. Các kết quả đã lưu trước đó vẫn giữ nguyên (xem và xóa trong /dulieu).

selfcheck-result-head = 🧭 <b>Kết quả tự đánh giá mức sẵn sàng</b> ({ $date }, { $rules })
selfcheck-not-council = ⚠️ Đây là <b>chỉ báo để doanh nghiệp tự tham khảo, không phải điểm chấm của Hội đồng</b>. Mỗi tiêu chí tính bằng trung bình các câu của tiêu chí đó chia cho 4.
selfcheck-compare-head = So với lần trước ({ $date }): trước → nay.
selfcheck-line = • { $name }: <b>{ $score }%</b>
selfcheck-line-compare = • { $name }: { $before }% → <b>{ $score }%</b>
selfcheck-weighted = Quy theo số điểm của 07 tiêu chí (NĐ 74/2018, tổng 1.000 điểm): khoảng <b>{ $points }/{ $of }</b> — chỉ để hình dung, không phải điểm xét thưởng.
selfcheck-unweighted = { $name }: chưa tính vào con số trên. { $note }
selfcheck-weak-head = <b>Hai tiêu chí nên ưu tiên cải thiện</b>
selfcheck-weak-line = { $n }. <b>{ $name }</b> ({ $score }%): { $advice }
    Hỗ trợ của Chương trình NSCL phù hợp: { $kinds }.
selfcheck-chart-title = Mức sẵn sàng theo tiêu chí (%)
selfcheck-chart-subtitle = Tự đánh giá ngày { $date } — chỉ báo, không phải điểm chấm của Hội đồng
selfcheck-chart-caption = Biểu đồ mức sẵn sàng theo từng tiêu chí. Quý doanh nghiệp có thể:
selfcheck-button-support = 🤝 Đề nghị hỗ trợ NSCL cho các nội dung này
selfcheck-button-register = 📝 Đăng ký tham dự Giải thưởng
selfcheck-button-contact = ☎️ Liên hệ đơn vị
selfcheck-button-offer = 🧭 Tự đánh giá mức sẵn sàng
selfcheck-support-intro = Đề nghị hỗ trợ NSCL: các nội dung <b>{ $kinds }</b> đã được chọn sẵn theo kết quả tự đánh giá; Quý doanh nghiệp có thể sửa ở bước xác nhận cuối.

selfcheck-attach-ask = Quý doanh nghiệp có muốn đính kèm kết quả này vào hồ sơ đăng ký Giải thưởng ({ $codes }) không? Chỉ khi đính kèm, cán bộ Sở mới xem được kết quả của doanh nghiệp.
selfcheck-button-attach = 📎 Đính kèm vào { $code }
selfcheck-button-no-attach = Không đính kèm
selfcheck-attached = Đã đính kèm kết quả tự đánh giá vào hồ sơ { $code }. Cán bộ Sở xem được kết quả này khi mở hồ sơ.
selfcheck-not-attached = Kết quả chỉ Quý doanh nghiệp xem được (trong /dulieu). Cán bộ Sở chỉ thấy số liệu tổng hợp, không thấy kết quả của từng doanh nghiệp.
selfcheck-attach-not-allowed = Không đính kèm được: hồ sơ này không phải của tài khoản này hoặc đã kết thúc.
selfcheck-none = Chưa có kết quả tự đánh giá nào được lưu. Gõ /tudanhgia để làm.

selfcheck-data = 🧭 <b>Kết quả tự đánh giá</b>: { $count } lần được lưu (tối đa 5 lần gần nhất); lần gần nhất đính kèm hồ sơ: { $attached }.
selfcheck-button-delete = 🗑 Xóa kết quả tự đánh giá
selfcheck-delete-confirm = Xóa toàn bộ kết quả tự đánh giá của Quý doanh nghiệp? Việc này không thể hoàn tác; các hồ sơ đã đính kèm sẽ không còn kết quả này.
selfcheck-button-delete-yes = ✅ Xóa
selfcheck-button-delete-no = Giữ lại
selfcheck-deleted = Đã xóa toàn bộ kết quả tự đánh giá.
selfcheck-kept = Đã giữ nguyên kết quả tự đánh giá.

selfcheck-case = 🧭 <b>Tự đánh giá doanh nghiệp đính kèm</b> ({ $date }; chỉ báo, không phải điểm chấm): { $items }; quy theo điểm 07 tiêu chí khoảng { $points }/{ $of }.
selfcheck-case-item = { $name } { $score }%
selfcheck-expired = Phần tự đánh giá mức sẵn sàng đang làm dở (lần cuối lúc { $when }) đã hết hạn sau 30 ngày không sử dụng; các câu trả lời đã được xóa. Quý doanh nghiệp có thể làm lại bằng lệnh /tudanhgia.
