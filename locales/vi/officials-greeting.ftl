# Lời chào, hướng dẫn dành cho cán bộ, và thông báo khi một tài khoản được cấp hoặc thu hồi quyền.
officials-role-official = cán bộ phụ trách
officials-role-admin = quản trị viên
officials-welcome-named =
    Kính chào { $role } { $name }! Đây là <b>{ bot-name }</b> của { $unit }.
    Gõ /hoso để xem hồ sơ mới nhất, /trogiup để xem các lệnh dành cho cán bộ.
officials-welcome =
    Kính chào { $role }! Đây là <b>{ bot-name }</b> của { $unit }.
    Gõ /hoso để xem hồ sơ mới nhất, /trogiup để xem các lệnh dành cho cán bộ.
officials-help-intro = <b>Lệnh dành cho cán bộ</b>
officials-help-everyone = <b>Lệnh chung</b> (như doanh nghiệp dùng): { $commands }
officials-help-footer = Lệnh /huy dừng thao tác đang làm dở. Câu hỏi gõ trực tiếp được trả lời như với doanh nghiệp.
role-notice-granted = 🔑 Tài khoản này vừa được cấp quyền <b>{ $role }</b> trong { bot-name } của { $unit }. Từ nay có thể dùng:
role-notice-footer = Gõ /trogiup để xem đầy đủ các lệnh.
role-notice-revoked = Quyền cán bộ của tài khoản này trong { bot-name } của { $unit } đã được thu hồi: các lệnh của cán bộ không còn dùng được. Các chức năng chung vẫn dùng bình thường (/trogiup).
role-notice-sent = 📨 Đã báo cho người này qua kênh nhắn tin của họ.
role-notice-failed = ⚠️ Chưa báo được cho người này ({ $reason }); vui lòng báo trực tiếp.
