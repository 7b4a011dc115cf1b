# /tracuu (hồ sơ của chính mình): yêu cầu bổ sung của cán bộ, cho doanh nghiệp lỡ mất thông báo.
sub-supplement-head = 📌 <b>Hồ sơ { $code } cần bổ sung</b> (cán bộ yêu cầu lúc { $date }).
sub-supplement-note = <b>Ghi chú của cán bộ phụ trách:</b> { $note }
sub-supplement-items = <b>Các mục cần bổ sung:</b>
sub-supplement-missing = <b>Các mục bắt buộc chưa nộp:</b>
sub-supplement-item = • { $name }
sub-supplement-item-note = • { $name }: { $note }
