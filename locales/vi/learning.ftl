# Teaching the FAQ from officials' answers: /hoc, /duyet, the learning flow (src/flows/officials/learn.ts).

cmd-learn = Cán bộ: dạy hỏi đáp từ một câu hỏi và câu trả lời (/hoc câu hỏi | câu trả lời)
cmd-approve = Cán bộ: duyệt các mục hỏi đáp mới đang chờ

learn-usage = Cách dùng: <code>/hoc câu hỏi | câu trả lời</code> — ví dụ <code>/hoc hồ sơ nộp ở đâu | Nộp tại bộ phận một cửa của Sở.</code>
learn-intro =
    <b>Câu hỏi:</b> { $question }
    <b>Câu trả lời:</b> { $answer }
learn-choose = Thêm câu hỏi này làm <b>một cách hỏi khác</b> của mục nào dưới đây (có hiệu lực ngay), hoặc tạo <b>mục mới</b> từ câu trả lời (cần cán bộ thứ hai hoặc quản trị duyệt):
learn-choose-none = Không có mục nào gần với câu hỏi này. Có thể tạo <b>mục mới</b> từ câu trả lời (cần cán bộ thứ hai hoặc quản trị duyệt):
learn-button-phrasing = ➕ Cách hỏi của: { $question }
learn-button-new = 📝 Tạo mục mới từ câu trả lời này
learn-button-cancel = ✖ Hủy
learn-button-submit = 📨 Gửi duyệt
learn-cancelled = Đã hủy, hỏi đáp không thay đổi.
learn-use-buttons = Vui lòng chọn bằng các nút bên dưới.
learn-phrasing-added = Đã thêm “{ $question }” làm một cách hỏi của mục “{ $entry }”. Từ bây giờ bot trả lời câu hỏi này (và các câu gần giống) bằng mục đó.
learn-ask-topic = Mục mới thuộc chủ đề nào?
learn-ask-source = Nguồn của câu trả lời: tên văn bản đã có trong danh mục nguồn (ví dụ <code>NĐ 37/2026/NĐ-CP</code>) hoặc địa chỉ trang web (http…); nhiều nguồn cách nhau bằng dấu chấm phẩy.
learn-ask-reviewed = Ngày kiểm tra thông tin (ví dụ 20/11/2026; không sau hôm nay):
learn-draft =
    <b>Bản nháp mục mới</b>
    <b>Câu hỏi:</b> { $question }
    <b>Câu trả lời:</b> { $answer }
    <b>Chủ đề:</b> { $topic }
    <b>Nguồn:</b> { $source }
    <b>Ngày kiểm tra:</b> { $reviewed }
    Mục chỉ được dùng để trả lời sau khi cán bộ thứ hai hoặc quản trị duyệt (/duyet).
learn-draft-not-kept = Bản nháp chưa được lưu; có thể bắt đầu lại bằng /hoc.
learn-entry-pending = Đã gửi mục mới <code>{ $id }</code> chờ duyệt. Cán bộ khác hoặc quản trị duyệt bằng /duyet; trước đó bot chưa dùng mục này.
learn-entry-live = Đã thêm mục mới <code>{ $id }</code> vào hỏi đáp (Quý cán bộ là quản trị duy nhất nên tự duyệt).

learn-pending-none = Không có mục hỏi đáp mới nào đang chờ duyệt.
learn-pending-head = Có { $count } mục hỏi đáp mới đang chờ duyệt:
learn-pending-line =
    <b>{ $id }</b> — { $question }
    { $answer }
    Chủ đề: { $topic }; nguồn: { $source }; kiểm tra ngày { $reviewed }; đề xuất bởi { $by } lúc { $at }
learn-button-approve = ✅ Duyệt { $id }
learn-button-reject = ❌ Từ chối { $id }
learn-approved = Đã duyệt mục <code>{ $id }</code>: bot bắt đầu dùng mục này để trả lời.
learn-rejected = Đã từ chối mục <code>{ $id }</code>: bot không dùng mục này.

learn-error-not-allowed = Chỉ cán bộ hoặc quản trị mới dạy được hỏi đáp.
learn-error-empty = Câu hỏi trống.
learn-error-too-short = Câu hỏi quá ngắn.
learn-error-too-long = Câu hỏi dài quá { $max } ký tự; vui lòng rút gọn.
learn-error-unknown-entry = Không có mục hỏi đáp “{ $entry }”.
learn-error-no-english = Mục này chưa có bản tiếng Anh, nên không thêm được cách hỏi tiếng Anh.
learn-error-duplicate = Câu “{ $question }” đã là một cách hỏi của mục này.
learn-error-duplicate-other = Câu “{ $question }” đã là một cách hỏi của mục khác: “{ $entry }”.
learn-error-check = Không lưu được vì kiểm tra hỏi đáp báo lỗi:
    { $problems }
learn-error-needs-vietnamese = Mục mới cần câu hỏi và câu trả lời bằng tiếng Việt.
learn-error-empty-answer = Câu trả lời trống.
learn-error-no-source = Cần ghi nguồn của câu trả lời.
learn-error-source = Nguồn “{ $source }” không có trong danh mục nguồn (data/kb/sources.json) và không phải địa chỉ web (http…).
learn-error-reviewed = Ngày kiểm tra chưa đúng: cần ngày, tháng, năm có thật, ví dụ 20/11/2026.
learn-error-reviewed-future = Ngày kiểm tra không được sau hôm nay.
learn-error-topic = Chủ đề không có trong danh mục.
learn-error-placeholder = Câu trả lời dùng chỗ điền “{ $name }” không hợp lệ; chỉ dùng được: { $allowed }.
learn-error-answer-long = Câu trả lời dài quá { $max } ký tự; vui lòng tách thành nhiều mục.
learn-error-unknown-draft = Không có mục chờ duyệt này.
learn-error-not-pending = Mục này không còn chờ duyệt (tình trạng: { $status }).
learn-error-needs-second = Mục do chính Quý cán bộ đề xuất cần một cán bộ khác hoặc quản trị duyệt.
