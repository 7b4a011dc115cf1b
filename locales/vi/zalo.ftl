# The Zalo Official Account channel. Zalo shows no formatting: these texts are sent as plain text.

zalo-file-elsewhere = Tệp “{ $name }” chưa gửi được qua Zalo. Quý doanh nghiệp vui lòng nhận tệp qua Telegram hoặc liên hệ cán bộ phụ trách để được gửi qua thư điện tử.
zalo-stored-file = 📎 { $name }: { $url }

# To officials (Telegram), when the OA's tokens cannot be renewed.
zalo-needs-consent =
    <b>Kênh Zalo OA đã ngừng gửi tin.</b> Hệ thống không làm mới được mã truy cập Zalo (lỗi: { $detail }).
    Quản trị viên Zalo OA cần cấp quyền lại cho ứng dụng, rồi cập nhật ZALO_REFRESH_TOKEN và khởi động lại trợ lý (xem mục Zalo trong README).

# Printed by npm start for the person at the server.
startup-zalo = Kênh Zalo OA đang chạy: địa chỉ nhận sự kiện (webhook) trên máy này là { $url }
