# Danh mục chương trình → chủ đề → câu hỏi.

cmd-programmes = Xem câu hỏi thường gặp theo chương trình và chủ đề
menu-programmes = 📚 Chương trình

programmes-intro =
    <b>Chương trình và chủ đề</b>
    Quý doanh nghiệp chọn một mục để xem các câu hỏi thường gặp, hoặc gõ câu hỏi bất cứ lúc nào.
programmes-choose-topic = Chọn chủ đề:
programmes-topic-heading = <b>{ $topic }</b>
programmes-question-line = { $n }. { $question }
programmes-page = <i>Trang { $page }/{ $pages }</i>
programmes-topic-footer = Chọn số của câu hỏi bên dưới, hoặc gõ câu hỏi của Quý doanh nghiệp.
programmes-back-home = ⬅ Danh mục chương trình
programmes-back = ⬅ { $title }
programmes-next = Trang sau ▶
programmes-previous = ◀ Trang trước
programmes-register-gtclqg = 📝 Đăng ký tham dự Giải thưởng
programmes-register-nscl = 📝 Đề nghị hỗ trợ năng suất, chất lượng
