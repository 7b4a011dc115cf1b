import type { Journey } from "./journey.js";

/** A cooperative director asks for NSCL support in his own words, without diacritics. Budget: 22 turns. */
export const nsclCoop: Journey = {
  name: "NSCL support request, cooperative director (vi)",
  who: { channel: "zalo", id: "150002" },
  maxTurns: 22,
  steps: [
    { say: "vay cho htx dang ky xin ho tro", expect: "Đồng ý xử lý dữ liệu cá nhân" },
    { say: "ok vay", expect: "cần hỗ trợ nội dung nào" },
    { say: "quản lý tiên tiến và truy xuất nguồn gốc", stays: true, expect: "Truy xuất nguồn gốc" },
    { say: "xong", expect: "nhu cầu" },
    { say: "hồ sơ gồm những gì?", stays: true },
    { say: "nhu cau la ap dung VietGAP va truy xuat nguon goc cho rau an toan", expect: "Tên đầy đủ của tổ chức" },
    { say: "HTX Nông nghiệp Phú Hòa", expect: "Mã số doanh nghiệp" },
    { say: "0100112437", expect: "Loại hình" },
    { say: "htx", expect: "Địa chỉ" },
    { say: "ấp 3, xã Phú Hòa, Đồng Nai", expect: "theo hệ thống nào" },
    { say: "2018", expect: "Ngành kinh tế chính" },
    { say: "nong nghiep", expect: "Số lao động" },
    { say: "không biết", expect: "Họ và tên người liên hệ" },
    { say: "Trần Văn Tư", expect: "Chức vụ" },
    { say: "chu nhiem htx", expect: "Số điện thoại" },
    { say: "0987 654 321", expect: "Email" },
    { say: "htxphuhoa@gmail.com", expect: "Tài liệu" },
    { say: "bỏ qua", expect: "Kiểm tra" },
    { say: "gui", expect: "NS-" },
  ],
};
