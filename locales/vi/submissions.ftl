# Following a submission: statuses, /tracuu, /dulieu, /rut, files sent later.

cmd-status = Tra cứu tình trạng hồ sơ
cmd-my-data = Xem dữ liệu trợ lý đang lưu về Quý doanh nghiệp
cmd-withdraw = Rút hồ sơ đã đăng ký
menu-status = 🔎 Tra cứu hồ sơ

# Statuses (src/domain/statuses.ts lists them, in workflow order).
status-gtclqg-registered = Đã đăng ký
status-gtclqg-dossier-received = Đã nhận hồ sơ
status-gtclqg-needs-supplement = Cần bổ sung hồ sơ
status-gtclqg-desk-review = Đang đánh giá hồ sơ
status-gtclqg-onsite-review = Đang đánh giá tại chỗ
status-gtclqg-shortlisted = Hội đồng sơ tuyển đề xuất
status-gtclqg-not-shortlisted = Hội đồng sơ tuyển không đề xuất
status-gtclqg-national-council = Đã chuyển Hội đồng quốc gia
status-gtclqg-gold-award = Đạt Giải Vàng Chất lượng Quốc gia
status-gtclqg-award = Đạt Giải thưởng Chất lượng Quốc gia
status-gtclqg-not-awarded = Không đạt giải
status-gtclqg-withdrawn = Đã rút hồ sơ
status-nscl-registered = Đã đăng ký
status-nscl-eligible = Đủ điều kiện hỗ trợ
status-nscl-ineligible = Không đủ điều kiện hỗ trợ
status-nscl-in-plan = Đã đưa vào kế hoạch
status-nscl-in-progress = Đang triển khai
status-nscl-acceptance = Đang nghiệm thu
status-nscl-completed = Hoàn thành
status-nscl-withdrawn = Đã rút đề nghị
status-unknown = Chưa xác định

sub-public-status =
    Hồ sơ <code>{ $code }</code> — { $programme } năm { $year }
    Tình trạng: <b>{ $status }</b>
    Cập nhật lần cuối: { $date }
sub-code-invalid = Mã hồ sơ chưa đúng dạng. Mã có dạng { $example } (GT: Giải thưởng Chất lượng Quốc gia; NS: hỗ trợ năng suất, chất lượng).
sub-code-unknown = Không tìm thấy hồ sơ mang mã { $code }. Quý doanh nghiệp vui lòng kiểm tra lại mã trong tin nhắn xác nhận đăng ký.
sub-none = Chưa có hồ sơ nào được đăng ký từ tài khoản này. Để tra cứu một hồ sơ, Quý doanh nghiệp gõ /tracuu kèm mã hồ sơ, ví dụ: /tracuu GT-2026-0042.
sub-own-intro = Các hồ sơ đăng ký từ tài khoản này ({ $count }):
sub-own-footer = Rút hồ sơ: /rut. Xem toàn bộ dữ liệu đã lưu: /dulieu.
sub-details-head = <b>Hồ sơ { $code }</b> — { $programme } năm { $year }
sub-field-status = Tình trạng
sub-status-since = { $status } (từ { $date })
sub-field-size = Quy mô (NĐ 80/2021)
sub-field-contact = Người liên hệ
sub-contact-value = { $name }, { $position }; điện thoại { $phone }; email { $email }
sub-contact-removed = đã xóa theo yêu cầu ngày { $date }
sub-field-pending-contact = Thông tin liên hệ mới
sub-pending-contact = gửi ngày { $date }, đang chờ cán bộ xác minh
sub-field-history = Lịch sử
sub-history-line = { $date }: { $status }

sub-not-found = Không tìm thấy hồ sơ này trong các hồ sơ đăng ký từ tài khoản của Quý doanh nghiệp.
sub-withdraw-final = Hồ sơ { $code } đã kết thúc nên không thể rút.
sub-remove-contact-open = Chỉ có thể xóa thông tin liên hệ sau khi rút hồ sơ { $code }.
sub-attach-final = Hồ sơ { $code } đã kết thúc nên không nhận thêm tài liệu.
sub-attach-too-many = Mỗi hồ sơ nhận tối đa { $max } tệp.
sub-status-not-of-programme = Tình trạng này không thuộc quy trình của hồ sơ { $code }.
sub-no-pending-contact = Hồ sơ { $code } không có thông tin liên hệ mới nào đang chờ xác minh.

data-intro =
    <b>Dữ liệu trợ lý đang lưu về Quý doanh nghiệp</b>
    Dữ liệu được lưu trên máy chủ của Sở, chỉ cán bộ phụ trách của { $unit } được xem và không chuyển cho bên thứ ba.
data-user =
    <b>Tài khoản</b>: kênh { $channel }, mã { $id }; ngôn ngữ: { $chosen ->
        [yes] { $language }
       *[no] { $language } (mặc định)
    }; lần đầu nhắn tin { $first }, gần nhất { $last }.
data-no-submissions = Chưa có hồ sơ đăng ký nào.
data-rights = Quý doanh nghiệp có thể rút hồ sơ (/rut): hồ sơ được giữ lại để lưu trữ với tình trạng “đã rút”; sau khi rút có thể yêu cầu xóa thông tin người liên hệ. Phần đăng ký đang làm dở xóa được bằng /huy và tự xóa sau 30 ngày không dùng.
data-button-withdraw = Rút hồ sơ { $code }
data-button-remove-contact = Xóa thông tin liên hệ của { $code }
data-button-withdraw-yes = ✅ Xác nhận rút hồ sơ
data-button-keep = Không rút
data-button-keep-contact = Giữ thông tin liên hệ
data-withdraw-confirm = Quý doanh nghiệp xác nhận rút hồ sơ <code>{ $code }</code> ({ $org }, tình trạng: { $status })? Hồ sơ sẽ được giữ lại để lưu trữ với tình trạng “đã rút” và không được xem xét tiếp.
data-withdraw-which = Quý doanh nghiệp muốn rút hồ sơ nào?
data-nothing-to-withdraw = Quý doanh nghiệp không có hồ sơ nào đang được xem xét để rút.
data-withdrawn = Đã rút hồ sơ <code>{ $code }</code>; hồ sơ được giữ lại để lưu trữ. Quý doanh nghiệp có muốn xóa thông tin người liên hệ (họ tên, chức vụ, điện thoại, email) khỏi hồ sơ này không?
data-contact-removed = Đã xóa thông tin người liên hệ khỏi hồ sơ <code>{ $code }</code>.
data-kept = Đã giữ nguyên, không có thay đổi nào.
data-withdraw-confirm-linked = Hồ sơ <code>{ $code }</code> ({ $org }, tình trạng: { $status }) được đăng ký từ một tài khoản khác; đề nghị rút hồ sơ sẽ được gửi tới tài khoản đó để xác nhận. Quý doanh nghiệp có muốn gửi đề nghị không?
data-linked =
    <b>Tài khoản liên kết với hồ sơ { $code }</b> (xem được hồ sơ và nhận thông báo):
    { $accounts }
data-linked-account = • { $channel }, liên kết lúc { $date }
data-button-unlink = Hủy liên kết { $channel } ({ $date }) khỏi { $code }
data-unlinked = Đã hủy liên kết: tài khoản { $channel } kia không còn xem được hồ sơ { $code }.
data-unlinked-account = Tài khoản đã đăng ký hồ sơ { $code } đã hủy liên kết với tài khoản này: từ nay tài khoản này không xem và không nhận thông báo về hồ sơ.
data-withdrawn-confirmed = Đã rút hồ sơ <code>{ $code }</code>; hồ sơ được giữ lại để lưu trữ.
final-ask-withdraw = Tài khoản { $channel } liên kết với hồ sơ <b>{ $code }</b> ({ $org }) đề nghị <b>rút hồ sơ</b> (lúc { $when }). Hồ sơ chưa thay đổi. Quý doanh nghiệp có xác nhận rút hồ sơ không?
final-ask-remove-contact = Tài khoản { $channel } liên kết với hồ sơ <b>{ $code }</b> ({ $org }) đề nghị <b>xóa thông tin người liên hệ</b> (lúc { $when }). Hồ sơ chưa thay đổi. Quý doanh nghiệp có xác nhận không?
final-button-confirm = ✅ Xác nhận
final-button-decline = Không đồng ý
final-asked = Đã gửi đề nghị tới tài khoản { $channel } đã đăng ký hồ sơ { $code }. Hồ sơ chưa thay đổi cho đến khi tài khoản đó xác nhận.
final-owner-unreachable = Trợ lý chưa gửi được đề nghị tới tài khoản đã đăng ký hồ sơ { $code }; hồ sơ chưa thay đổi. Quý doanh nghiệp vui lòng dùng tài khoản đó, hoặc liên hệ { $contact }.
final-declined = Đã giữ nguyên hồ sơ { $code }, không có thay đổi nào.
final-declined-requester = Tài khoản đã đăng ký hồ sơ { $code } không đồng ý đề nghị vừa gửi; hồ sơ giữ nguyên.
final-withdrawn-requester = Tài khoản đã đăng ký hồ sơ { $code } đã xác nhận: hồ sơ đã được rút và giữ lại để lưu trữ.
final-contact-removed-requester = Tài khoản đã đăng ký hồ sơ { $code } đã xác nhận: thông tin người liên hệ đã được xóa khỏi hồ sơ.

attach-which = Quý doanh nghiệp muốn đính kèm { $count } tệp ({ $names }) vào hồ sơ nào?
attach-button = 📎 Hồ sơ { $code }
attach-button-none = Không đính kèm
attach-done = Đã đính kèm { $names } vào hồ sơ <code>{ $code }</code> (hồ sơ hiện có { $count } tệp).
attach-not-kept = Tệp vừa gửi không được lưu.

# Linking the same enterprise on another channel (/lienket).
cmd-link = Theo dõi hồ sơ đã đăng ký từ kênh khác (Telegram, Zalo…)
channel-telegram = Telegram
channel-zalo = Zalo
channel-web = trang trò chuyện trên web
channel-console = cửa sổ dòng lệnh
link-usage = Quý doanh nghiệp vui lòng gõ lệnh kèm mã hồ sơ, ví dụ: <code>/lienket GT-2026-0042</code>. Tài khoản đã đăng ký hồ sơ sẽ được hỏi để xác nhận.
link-not-found = Không tìm thấy hồ sơ có mã { $code }. Quý doanh nghiệp vui lòng kiểm tra lại mã (ví dụ: GT-2026-0042).
link-already = Tài khoản này đã theo dõi hồ sơ { $code }. Gõ /tracuu để xem.
link-requested = Trợ lý đã gửi yêu cầu xác nhận tới tài khoản { $channel } đã đăng ký hồ sơ { $code }, kèm kênh của tài khoản này và tên người liên hệ trong hồ sơ do tài khoản này đăng ký (nếu có). Khi tài khoản đó đồng ý, Quý doanh nghiệp sẽ xem và nhận thông báo về hồ sơ tại đây.
link-confirm-question =
    Có yêu cầu theo dõi hồ sơ <b>{ $code }</b>:
    • Từ: một tài khoản { $channel }; { $who }
    • Lúc: { $when }
    Nếu đồng ý, tài khoản đó sẽ xem được tình trạng và toàn bộ thông tin của hồ sơ (kể cả thông tin người liên hệ) và nhận các thông báo về hồ sơ. Việc rút hồ sơ hoặc xóa thông tin liên hệ từ tài khoản đó vẫn cần Quý doanh nghiệp xác nhận; Quý doanh nghiệp có thể hủy liên kết bất cứ lúc nào trong /dulieu.
    Nếu đó là Quý doanh nghiệp (hoặc người được Quý doanh nghiệp giao), vui lòng bấm “Đồng ý”; nếu không biết người yêu cầu, bấm “Không đồng ý” — tài khoản đó sẽ không xem được thông tin hồ sơ.
link-who-named = người yêu cầu là <b>{ $name }</b> ({ $org }), theo hồ sơ do tài khoản đó đăng ký
link-who-unknown = trợ lý không biết tên người yêu cầu (tài khoản đó chưa đăng ký hồ sơ nào)
link-limit-requester = Tài khoản này đã gửi nhiều yêu cầu liên kết trong một giờ qua. Quý doanh nghiệp vui lòng thử lại sau { $time }, hoặc liên hệ { $contact }.
link-limit-submission = Hồ sơ này đã nhận nhiều yêu cầu liên kết trong ngày. Quý doanh nghiệp vui lòng thử lại sau { $time }, hoặc liên hệ { $contact } để được hỗ trợ.
link-not-linked = Tài khoản này không còn liên kết với hồ sơ { $code }.
link-confirm-yes = Đồng ý
link-confirm-no = Không đồng ý
link-owner-unreachable = Trợ lý chưa gửi được yêu cầu xác nhận tới tài khoản đã đăng ký hồ sơ. Quý doanh nghiệp vui lòng dùng tài khoản đó, hoặc liên hệ { $unit } để được hỗ trợ.
link-expired = Yêu cầu liên kết này không còn hiệu lực (đã được trả lời hoặc quá 24 giờ).
link-declined = Đã từ chối. Tài khoản kia không xem được hồ sơ { $code }.
link-declined-requester = Tài khoản đã đăng ký hồ sơ { $code } không đồng ý cho tài khoản này theo dõi hồ sơ.
link-done-owner = Đã đồng ý: tài khoản { $channel } kia từ nay xem và nhận thông báo về hồ sơ { $code }.
link-done-requester = Đã liên kết: tài khoản này từ nay xem và nhận thông báo về hồ sơ { $code }. Gõ /tracuu để xem.
link-too-many = Hồ sơ { $code } đã liên kết với nhiều tài khoản nhất có thể (10).

file-rules = Tệp hồ sơ: PDF, Word hoặc ảnh ({ $types }), mỗi tệp không quá { $max } MB.
file-too-large = Tệp này lớn hơn { $max } MB nên Trợ lý chưa nhận được. Quý doanh nghiệp vui lòng nén hoặc tách tệp rồi gửi lại (PDF, Word hoặc ảnh: { $types }).
file-empty = Tệp này không có nội dung. Quý doanh nghiệp vui lòng kiểm tra và gửi lại tệp (PDF, Word hoặc ảnh: { $types }, không quá { $max } MB).
file-type-unsupported = Trợ lý chỉ nhận tệp PDF, Word hoặc ảnh ({ $types }), mỗi tệp không quá { $max } MB. Quý doanh nghiệp vui lòng chuyển tệp sang một trong các định dạng này rồi gửi lại.
file-content-mismatch = Nội dung tệp không đúng với định dạng ghi ở đuôi tên tệp (ví dụ tệp có đuôi .pdf nhưng không phải tệp PDF), nên Trợ lý chưa nhận. Quý doanh nghiệp vui lòng kiểm tra lại tệp rồi gửi lại (PDF, Word hoặc ảnh: { $types }, không quá { $max } MB).
file-gone = Tệp “{ $name }” không còn được lưu trên máy chủ nên không gửi kèm được. Vui lòng đề nghị doanh nghiệp gửi lại tệp.

file-not-kept = Tệp «{ $name }» không được lưu.
checklist-head = <b>Danh mục hồ sơ tham dự</b> (<code>{ $code }</code>):
checklist-state-missing = ⬜ chưa nộp
checklist-state-sent = 📤 đã gửi
checklist-state-needs-more = ⚠️ cần bổ sung
checklist-state-ok = ✅ đạt
checklist-optional = { $name } (không bắt buộc)
checklist-line = • { $name }: { $state } ({ $files } tệp)
checklist-line-note = • { $name }: { $state } ({ $files } tệp) — ghi chú của cán bộ: { $note }
checklist-unassigned = { $count } tệp chưa xếp vào mục nào.
checklist-complete = Hồ sơ đã có đủ các mục bắt buộc.
checklist-incomplete = Hồ sơ chưa đủ các mục bắt buộc.
checklist-not-published = <i>Danh mục theo hướng dẫn của các năm trước: danh mục hồ sơ theo Luật 78/2025/QH15 và Nghị định 37/2026/NĐ-CP chưa được công bố.</i>
checklist-item-unknown = Mục này không có trong danh mục hồ sơ { $code }.
item-which = Tệp vừa gửi ({ $names }) thuộc mục nào của hồ sơ <code>{ $code }</code>? Quý doanh nghiệp vui lòng chọn một mục (có thể gửi thêm tệp cho cùng mục trước khi chọn).
item-button = 📁 { $name }
item-button-later = Để sau
item-button-sort = 📁 Xếp tệp của hồ sơ { $code } vào mục
item-done = Đã xếp { $count } tệp vào mục «{ $name }» của hồ sơ <code>{ $code }</code>.
item-later = Tệp đã được lưu vào hồ sơ <code>{ $code }</code> nhưng chưa xếp vào mục nào. Quý doanh nghiệp có thể xếp sau qua /tracuu.
item-none-unsorted = Hồ sơ <code>{ $code }</code> không còn tệp nào chưa xếp mục.
