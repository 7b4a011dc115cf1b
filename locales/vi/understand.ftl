# Understanding people as they write (issue 15): values found inside a sentence, intents in free text.
# Placeables are escaped by the bot; only <b>, <i>, <u>, <code>, <a href="…"> may be used; & is written &amp;.

understand-understood = Trợ lý hiểu: { $label }: <b>{ $value }</b>. (Nếu chưa đúng, Quý doanh nghiệp bấm ⬅️ Quay lại.)
understand-several = Trợ lý thấy nhiều hơn một giá trị trong câu trả lời. Quý doanh nghiệp vui lòng gõ lại đúng một giá trị. Ví dụ: { $example }.
understand-money-foreign = Trợ lý nhận được số tiền bằng ngoại tệ (“{ $typed }”). Trợ lý không tự quy đổi tỷ giá: Quý doanh nghiệp vui lòng ghi số tiền bằng đồng Việt Nam, theo báo cáo tài chính. Ví dụ: { $example }.
understand-phone-foreign = Đã ghi số điện thoại nước ngoài như Quý doanh nghiệp gõ (có mã quốc gia).
understand-multi-added = Đã chọn thêm: <b>{ $list }</b>. Quý doanh nghiệp có thể gõ hoặc bấm thêm mục khác, rồi bấm Xong (hoặc gõ “xong”).
understand-multi-unknown = Trợ lý chưa nhận ra: { $list }.
understand-which-one = Trợ lý thấy câu trả lời có thể là một trong các lựa chọn sau: { $list }. Quý doanh nghiệp vui lòng bấm lựa chọn đúng.
understand-multi-which = “{ $typed }” có thể là: { $list }. Quý doanh nghiệp vui lòng bấm mục đúng bên dưới.
