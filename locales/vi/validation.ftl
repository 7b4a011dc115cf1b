# What is wrong with an answer, and an example of a right one.

val-tax-empty = Quý doanh nghiệp vui lòng nhập mã số thuế, ví dụ: { $example }.
val-tax-digits = Mã số thuế chỉ gồm chữ số (chi nhánh có thêm dấu gạch ngang và 3 chữ số). Ví dụ: { $example }.
val-tax-personal = Mã số 12 chữ số là số định danh cá nhân. Doanh nghiệp, hợp tác xã dùng mã số 10 chữ số (chi nhánh: 13 chữ số). Ví dụ: { $example }.
val-tax-length = Mã số thuế gồm 10 chữ số (chi nhánh: 13 chữ số); mã vừa nhập có { $count } chữ số. Ví dụ: { $example }.
val-tax-checksum = Mã số thuế này không hợp lệ (chữ số kiểm tra không khớp), có thể do gõ nhầm một chữ số. Quý doanh nghiệp vui lòng đối chiếu Giấy chứng nhận đăng ký doanh nghiệp. Ví dụ đúng định dạng: { $example }.
val-tax-branch = Ba chữ số cuối của mã chi nhánh phải từ 001 đến 999. Ví dụ: { $example }.

val-phone-empty = Quý doanh nghiệp vui lòng nhập số điện thoại, ví dụ: { $example }.
val-phone-chars = Số điện thoại chỉ gồm chữ số (có thể có dấu cách, dấu chấm, dấu + ở đầu). Ví dụ: { $example }.
val-phone-foreign = Trợ lý chỉ nhận số điện thoại Việt Nam (bắt đầu bằng 0 hoặc +84). Ví dụ: { $example }.
val-phone-length = Số điện thoại chưa đủ hoặc thừa chữ số: số di động có 10 chữ số, số cố định có 11 chữ số (gồm mã vùng). Ví dụ: { $example }.
val-phone-invalid = Đây chưa phải số điện thoại Việt Nam hợp lệ: số di động bắt đầu bằng 03, 05, 07, 08, 09; số cố định bắt đầu bằng mã vùng 02. Ví dụ: { $example }.
val-phone-unknown-prefix = Lưu ý: đầu số { $prefix } chưa có trong danh sách nhà mạng trợ lý biết; số vẫn được ghi nhận, Quý doanh nghiệp vui lòng kiểm tra lại nếu gõ nhầm.

val-email-empty = Quý doanh nghiệp vui lòng nhập địa chỉ email, ví dụ: { $example }.
val-email-space = Địa chỉ email không chứa dấu cách. Ví dụ: { $example }.
val-email-at = Địa chỉ email cần đúng một ký tự @. Ví dụ: { $example }.
val-email-invalid = Địa chỉ email chưa đúng định dạng (không dấu, có tên miền như .vn, .com). Ví dụ: { $example }.

val-money-empty = Quý doanh nghiệp vui lòng nhập số tiền, ví dụ: { $example }.
val-money-negative = Số tiền không thể âm. Ví dụ: { $example }.
val-money-invalid = Trợ lý chưa đọc được số tiền này. Quý doanh nghiệp có thể ghi như: 1,5 tỷ; 200 triệu; 1.500.000.000. Ví dụ: { $example }.
val-money-unit = Số tiền cần có đơn vị (triệu, tỷ) hoặc ghi đủ chữ số. Ví dụ: { $example } hoặc 1.500.000.000.
val-money-too-large = Số tiền quá lớn, có thể do gõ nhầm. Ví dụ: { $example }.

val-date-empty = Quý doanh nghiệp vui lòng nhập ngày, ví dụ: { $example }.
val-date-format = Trợ lý chưa đọc được ngày này. Quý doanh nghiệp có thể ghi ngày/tháng/năm (15/3/2019), tháng/năm (03/2019) hoặc năm (2019). Ví dụ: { $example }.
val-date-invalid = Ngày này không có trên lịch (ví dụ 31/2). Ví dụ đúng: { $example }.
val-date-year = Năm cần ghi đủ 4 chữ số. Ví dụ: { $example }.
val-date-future = Ngày này ở tương lai; Quý doanh nghiệp vui lòng kiểm tra lại. Ví dụ: { $example }.
val-date-too-old = Năm này quá xa, có thể do gõ nhầm. Ví dụ: { $example }.

val-address-short = Địa chỉ quá ngắn. Quý doanh nghiệp vui lòng ghi xã/phường và tỉnh/thành phố, ví dụ: { $example }.
val-address-long = Địa chỉ quá dài (tối đa { $max } ký tự). Ví dụ: { $example }.
val-address-commune = Quý doanh nghiệp vui lòng ghi rõ xã, phường (hoặc đặc khu) và tỉnh/thành phố, ví dụ: { $example }. Địa chỉ cũ có quận/huyện vẫn được chấp nhận.
val-address-assumed-province = Trợ lý hiểu địa chỉ thuộc tỉnh/thành phố { $province }; nếu chưa đúng, Quý doanh nghiệp có thể sửa ở bảng tóm tắt.

val-count-empty = Quý doanh nghiệp vui lòng nhập số lao động, ví dụ: { $example }.
val-count-negative = Số lao động không thể âm. Ví dụ: { $example }.
val-count-invalid = Quý doanh nghiệp vui lòng nhập một số, ví dụ: { $example }.
val-count-whole = Số lao động là số nguyên. Ví dụ: { $example }.
val-count-too-large = Số này quá lớn, có thể do gõ nhầm. Ví dụ: { $example }.

val-text-short = Câu trả lời cần ít nhất { $min } ký tự và có chữ. Ví dụ: { $example }.
val-text-long = Câu trả lời quá dài (tối đa { $max } ký tự). Ví dụ: { $example }.
val-person-digits = Họ tên không chứa chữ số. Ví dụ: { $example }.
