# Hỏi đáp: câu trả lời từ kho kiến thức, lời mời hỏi, câu trả lời khi trợ lý không chắc chắn.

cmd-faq = Hỏi đáp về Giải thưởng Chất lượng Quốc gia và Chương trình NSCL
menu-faq = 💬 Hỏi đáp

faq-invite =
    <b>Hỏi đáp</b>
    Quý doanh nghiệp vui lòng gõ câu hỏi (có dấu hoặc không dấu đều được), ví dụ: <i>điều kiện tham dự giải thưởng</i>, <i>hồ sơ gồm những gì</i>, <i>hỗ trợ áp dụng ISO 9001</i>.
    Một số câu hỏi thường gặp:

faq-not-sure =
    Trợ lý chưa chắc chắn về câu hỏi này nên không trả lời, để tránh thông tin sai.
    <b>Có phải Quý doanh nghiệp muốn hỏi…</b>
faq-suggestion-line = { $n }. { $question }
faq-not-sure-footer = Quý doanh nghiệp có thể chọn một câu ở trên hoặc gõ lại cụ thể hơn.
faq-out-of-scope = Trợ lý chưa có câu trả lời cho câu hỏi này. Trợ lý chỉ trả lời về <b>Giải thưởng Chất lượng Quốc gia</b> và <b>Chương trình NSCL</b>.
faq-greeting = Kính chào Quý doanh nghiệp! Quý doanh nghiệp vui lòng gõ câu hỏi về Giải thưởng Chất lượng Quốc gia hoặc Chương trình NSCL, hoặc chọn một mục bên dưới.
faq-thanks = Rất vui được hỗ trợ Quý doanh nghiệp. Khi cần, Quý doanh nghiệp cứ gõ câu hỏi tiếp.

faq-button-browse = 📚 Danh mục câu hỏi
faq-button-calendar = 📅 Lịch năm nay
faq-button-back-topic = ⬅ { $topic }

faq-regime-legacy = <i>⚖️ Theo quy định cũ (NĐ 132/2008, NĐ 74/2018); năm giải áp dụng quy định mới chưa được xác nhận.</i>
faq-regime-2026 = <i>⚖️ Theo quy định mới (NĐ 37/2026/NĐ-CP); nhiều chi tiết chưa được công bố.</i>
faq-regime-both = <i>⚖️ Có cả quy định cũ (NĐ 74/2018) và mới (NĐ 37/2026); từng ý đã ghi rõ.</i>
faq-regime-programme = <i>⚖️ Theo Chương trình NSCL (QĐ 1322/QĐ-TTg); kế hoạch 2026–2030 của tỉnh chưa có trong dữ liệu.</i>
faq-general-definition = <i>Phần giải thích thuật ngữ là kiến thức chung để tham khảo, không trích từ văn bản nguồn.</i>
faq-vietnamese-only = <i>(Câu trả lời này hiện chỉ có bằng tiếng Việt.)</i>
faq-source = <i>Nguồn: { $sources } (rà soát { $reviewed })</i>

faq-cofunding-known = { $resolution }.
faq-cofunding-unknown = trợ lý chưa có thông tin về nghị quyết đang áp dụng; Quý doanh nghiệp vui lòng hỏi { $parent }.
