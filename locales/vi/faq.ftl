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
faq-not-sure-footer = Quý doanh nghiệp có thể chọn một câu ở trên, gõ lại câu hỏi cụ thể hơn, hoặc liên hệ trực tiếp:
faq-out-of-scope =
    Trợ lý chưa có câu trả lời cho câu hỏi này. Trợ lý chỉ trả lời về <b>Giải thưởng Chất lượng Quốc gia</b> và <b>Chương trình nâng cao năng suất và chất lượng (NSCL)</b>; các thủ tục hành chính khác Quý doanh nghiệp vui lòng tra cứu tại Cổng Dịch vụ công hoặc hỏi cơ quan phụ trách.
    Nếu câu hỏi thuộc hai lĩnh vực trên, Quý doanh nghiệp có thể gõ lại cụ thể hơn, xem danh mục câu hỏi, hoặc liên hệ:

faq-greeting = Kính chào Quý doanh nghiệp! Quý doanh nghiệp vui lòng gõ câu hỏi về Giải thưởng Chất lượng Quốc gia hoặc Chương trình NSCL, hoặc chọn một mục bên dưới.
faq-thanks = Rất vui được hỗ trợ Quý doanh nghiệp. Khi cần, Quý doanh nghiệp cứ gõ câu hỏi tiếp.

faq-button-browse = 📚 Danh mục câu hỏi
faq-button-calendar = 📅 Lịch năm nay
faq-button-back-topic = ⬅ { $topic }

faq-regime-legacy = <i>⚖️ Theo quy định cũ (NĐ 132/2008, NĐ 74/2018, TT 27/2019) mà các kế hoạch của tỉnh đến nay dẫn; quy định mới áp dụng từ năm giải nào chưa được xác nhận.</i>
faq-regime-2026 = <i>⚖️ Theo quy định mới (Luật 78/2025/QH15, NĐ 37/2026/NĐ-CP); nhiều chi tiết, kể cả năm giải bắt đầu áp dụng, chưa được công bố đầy đủ.</i>
faq-regime-both = <i>⚖️ Câu trả lời có cả quy định cũ (NĐ 132/2008, NĐ 74/2018) và quy định mới (NĐ 37/2026); từng ý đã ghi rõ.</i>
faq-regime-programme = <i>⚖️ Theo Chương trình NSCL (QĐ 1322/QĐ-TTg, 2021–2030) và kế hoạch các tỉnh giai đoạn 2021–2025; kế hoạch 2026–2030 của tỉnh chưa có trong dữ liệu của trợ lý.</i>
faq-general-definition = <i>Phần giải thích thuật ngữ là kiến thức chung để tham khảo, không trích từ văn bản nguồn.</i>
faq-vietnamese-only = <i>(Câu trả lời này hiện chỉ có bằng tiếng Việt.)</i>
faq-source = <i>Nguồn: { $sources }. Rà soát: { $reviewed }.</i>

faq-contact-heading = 📞 <b>{ $unit }</b>
faq-contact-line = • { $label }: { $value }
faq-contact-address = Địa chỉ
faq-contact-phone = Điện thoại
faq-contact-email = Email
faq-contact-website = Trang web
faq-contact-missing-value = <i>chưa cập nhật</i>
faq-contact-missing-note = <i>Thông tin liên hệ chưa được cập nhật trên trợ lý; Quý doanh nghiệp có thể liên hệ trực tiếp { $parent } hoặc Trung tâm Phục vụ hành chính công của tỉnh.</i>

faq-cofunding-known = { $resolution }.
faq-cofunding-unknown = trợ lý chưa có thông tin về nghị quyết đang áp dụng; Quý doanh nghiệp vui lòng hỏi { $parent }.
