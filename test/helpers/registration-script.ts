/** Anyone the script can talk through: the core directly, Telegram offline, the web endpoint. */
export interface Talker {
  hears(): string;
  says(text: string): Promise<unknown>;
  presses(label: string): Promise<unknown>;
}

/** How each award-registration question starts in Vietnamese (to check which question is asked). */
export const QUESTION = {
  consent: "Đồng ý xử lý dữ liệu cá nhân",
  orgName: "Tên đầy đủ của tổ chức",
  taxCode: "Mã số doanh nghiệp (mã số thuế)?",
  orgType: "Loại hình tổ chức?",
  founded: "Ngày thành lập",
  address: "Địa chỉ trụ sở",
  sector: "sản xuất hay dịch vụ?",
  vsicVer: "Mã ngành kinh tế của Quý doanh nghiệp theo hệ thống nào?",
  vsic: "Ngành kinh tế chính",
  employees: "Số lao động tham gia bảo hiểm xã hội",
  revenue: "Tổng doanh thu năm gần nhất?",
  capital: "Tổng nguồn vốn?",
  product: "Sản phẩm hoặc dịch vụ chính",
  marketSince: "có mặt trên thị trường từ khi nào?",
  certs: "Các chứng nhận Quý doanh nghiệp đang có?",
  certsOther: "Tên các chứng nhận khác?",
  prevWin: "đã từng đạt Giải thưởng Chất lượng Quốc gia chưa?",
  prevYear: "Đạt giải năm nào",
  taxIns: "Tự khai: trong 3 năm gần nhất",
  ministry: "có Hội đồng sơ tuyển Giải thưởng Chất lượng Quốc gia riêng không?",
  legal: "Tổ chức của Quý vị có tư cách pháp nhân không?",
  year: "đăng ký cho năm giải nào?",
  contactName: "Họ và tên người liên hệ?",
  position: "Chức vụ của người liên hệ?",
  phone: "Số điện thoại liên hệ",
  email: "Email liên hệ?",
  docs: "Tài liệu kèm theo",
  summary: "Kiểm tra thông tin đăng ký tham dự Giải thưởng Chất lượng Quốc gia",
} as const;
export type Question = keyof typeof QUESTION;

/** Lan's answers to the award registration, typed the way people type on a phone (no diacritics). */
export const LAN_ANSWERS: readonly { at: Question; press?: string; say?: string; ifAsked?: boolean }[] = [
  { at: "consent", press: "Đồng ý" },
  { at: "orgName", say: "Cong ty TNHH San xuat Minh An" },
  { at: "taxCode", say: "0314.409.058" },
  { at: "orgType", say: "doanh nghiep" },
  { at: "founded", say: "15/3/2019" },
  { at: "address", say: "phuong tran bien, dong nai" },
  { at: "sector", press: "Sản xuất" },
  { at: "vsicVer", press: "VSIC 2018" },
  { at: "vsic", say: "1079" },
  { at: "employees", say: "45 nguoi" },
  { at: "revenue", say: "1,5 ty" },
  { at: "capital", say: "20 tỷ" },
  { at: "product", say: "Gach op lat men bong" },
  { at: "marketSince", say: "06/2020" },
  { at: "certs", say: "iso 9001, ocop" },
  // Items typed are ticked; the question stays open until "xong".
  { at: "certs", say: "xong" },
  { at: "prevWin", press: "Chưa từng đạt" },
  { at: "taxIns", press: "Đã thực hiện đầy đủ" },
  { at: "ministry", press: "Không" },
  // Asked only when the profile gives no dates and the usual intake is over (as on 22/11/2026 in Đồng Nai).
  // "20" presses the first year button: this year (tests with a pinned clock: 2026; real-clock ones: the current year).
  { at: "year", press: "20", ifAsked: true },
  { at: "contactName", say: "Nguyen Thi Lan" },
  { at: "position", say: "Truong phong QLCL" },
  { at: "phone", say: "0912 345 678" },
  { at: "email", say: "Lan@MinhAn.vn" },
  { at: "docs", press: "Chưa có tệp" },
];

/** Answers every question from `from` up to (not including) `until`, checking each is the one asked. */
export async function answerFrom(p: Talker, from: Question, until: Question | "end", expect: (said: string, question: Question) => void): Promise<void> {
  let on = false;
  for (const a of LAN_ANSWERS) {
    if (a.at === from) on = true;
    if (a.at === until) return;
    if (!on) continue;
    if (a.ifAsked && !p.hears().includes(QUESTION[a.at])) continue;
    expect(p.hears(), a.at);
    if (a.press) await p.presses(a.press);
    else await p.says(a.say!);
  }
}

/** The address a reverse proxy reports for simulated person `n` (X-Forwarded-For): one per person, as in the field. */
export const addressOf = (n: number): string => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
