import type { Journey } from "./journey.js";

/**
 * A small food-processing firm in Đồng Nai registers for the award with natural answers: the issue's
 * phrasings (a word before each value, no diacritics, a lead-in, several certificates at once) and
 * more of the same kinds. Clean run: 27 turns; the budget: 32.
 */
export const awardFood: Journey = {
  name: "award registration, food processing firm (vi)",
  who: { channel: "telegram", id: "150001" },
  maxTurns: 32,
  steps: [
    { say: "chào bạn" },
    { say: "ok vay toi muon dang ky tham gia giai", expect: "Đồng ý xử lý dữ liệu cá nhân" },
    { say: "ok dong y", expect: "Tên đầy đủ của tổ chức" },
    { say: "ten cong ty la Cong ty TNHH Che bien Thuc pham Xanh", expect: "Mã số doanh nghiệp" },
    { say: "mst la 3603295302", expect: "Trợ lý hiểu" },
    { say: "cong ty tnhh", expect: "Ngày thành lập" },
    { say: "thành lập năm 2019", expect: "2019" },
    { say: "xa hiep phuoc, dong nai", expect: "sản xuất hay dịch vụ" },
    { say: "che bien thuc pham", expect: "theo hệ thống nào" },
    { say: "theo vsic 2018", expect: "Ngành kinh tế chính" },
    { say: "che bien thuc pham", expect: "Công nghiệp chế biến" },
    { say: "khoảng 50 người", expect: "doanh thu" },
    { say: "doanh thu 12,5 tỷ", expect: "12,5 tỷ" },
    { say: "giải thưởng xét mấy năm một lần?", stays: true },
    { say: "không biết", expect: "Sản phẩm hoặc dịch vụ chính" },
    { say: "à thôi để sản phẩm là Nước mắm cá cơm Xanh", expect: "Nước mắm cá cơm Xanh" },
    { say: "tu nam 2020", expect: "chứng nhận" },
    { say: "co haccp voi iso 22000", stays: true, expect: "Đã chọn thêm" },
    { say: "ocop", stays: true, expect: "OCOP" },
    { say: "xong", expect: "đã từng đạt Giải thưởng" },
    { say: "chua tung dat", expect: "Tự khai" },
    { say: "da thuc hien day du", expect: "Hội đồng sơ tuyển" },
    { say: "khong" },
    // In August–December with no dates announced, the award year is asked; in December a person means next year's.
    { say: "nam sau", ifAsked: "cho năm giải nào", expect: "Họ và tên người liên hệ" },
    { say: "Nguyễn Thị Hạnh", expect: "Chức vụ" },
    { say: "giam doc", expect: "Số điện thoại" },
    { say: "sdt 0912 345 678", expect: "Email" },
    { say: "hanh@thucphamxanh.vn", expect: "Tài liệu kèm theo" },
    { say: "để sau", expect: "Kiểm tra thông tin đăng ký" },
    { say: "gửi", expect: "GT-" },
  ],
};
