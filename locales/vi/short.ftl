# Tin nhắn ngắn: câu trả lời hỏi đáp dẫn bằng ý chính, dòng liên hệ, lời đáp "ok", chọn nhiều mục (sửa tại chỗ), thông báo.

faq-button-more = 📖 Xem thêm
faq-more-title = <b>{ $question }</b> <i>(tiếp)</i>
faq-ack = Vâng ạ. Khi cần, Quý doanh nghiệp cứ gõ câu hỏi hoặc chọn một mục bên dưới.

contact-line = 📞 { $unit } · { $contacts }
contact-line-office = 📞 Liên hệ: { $unit } — tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh.
contact-line-brief = 📞 { $contacts }

form-multi-picked = ✓ Đã chọn: { $item } (đang chọn { $count } mục; bấm “Xong” khi đủ)
form-multi-unpicked = ✗ Đã bỏ chọn: { $item } (đang chọn { $count } mục)

broadcast-sender = 📢 <b>Thông báo của { $unit }</b>
broadcast-stop = <i>/tatthongbao để ngừng nhận</i>
faq-source-others = và { $count } nguồn khác

# Đơn vị và liên hệ trong một câu (thông báo, lỗi nhập liệu, hồ sơ): chỉ những gì đơn vị đã có.
unit-contact-phone = { $unit } (điện thoại: { $phone })
unit-contact-email = { $unit } (email: { $email })
unit-contact-office = { $unit } (tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh)
