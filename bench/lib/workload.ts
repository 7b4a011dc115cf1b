import { taxCodeFor } from "./large-store.js";

/** One thing a simulated user does: type text, or press the button whose label contains `press`. */
export type Step = { say: string } | { press: string };

/** Questions as enterprises type them on a phone: no diacritics, abbreviations, a typo or two. */
export const QUESTIONS = [
  "giai thuong chat luong quoc gia la gi",
  "dieu kien tham du gtclqg",
  "dn thanh lap 2 nam co duoc tham gia khong",
  "ho so tham du gom nhung gi",
  "thang diem giai vang bao nhieu",
  "7 tieu chi cua giai thuong",
  "han nop ho so nam nay",
  "phi tham du giai thuong chat luong",
  "chuong trinh nscl ho tro nhung gi",
  "5s la gi",
  "tccs la gi vay",
  "hop chuan va hop quy khac nhau the nao",
  "doanh nghiep nho duoc ho tro ap dung iso 9001 khong",
  "muc ho tro kinh phi la bao nhieu phan tram",
  "lam sao dang ky ho tro nang suat chat luong",
  "giai thuong do ai trao",
  "san pham phai co mat tren thi truong bao lau",
  "truy xuat nguon goc co duoc ho tro khong",
  "lien he so khoa hoc cong nghe o dau",
  "kaizen khac lean cho nao",
];

/** Three questions, as a visitor after an announcement asks them. */
export function faqScript(n: number): Step[] {
  return [0, 7, 13].map((k) => ({ say: QUESTIONS[(n + k) % QUESTIONS.length]! }));
}

/**
 * A whole award registration typed without diacritics, with two wrong answers (a tax code with a
 * wrong check digit, a too-short phone number) and an edit from the summary before sending.
 */
export function registrationScript(n: number): Step[] {
  const tax = taxCodeFor(5_000_000 + n * 13);
  return [
    { say: "/dangky gtclqg" },
    { press: "Đồng ý" },
    { say: `Cong ty TNHH San xuat Thuong mai ${n}` },
    { say: "0314409059" },
    { say: `${tax.slice(0, 4)}.${tax.slice(4, 7)}.${tax.slice(7)}` },
    { say: "doanh nghiep" },
    { say: "15/3/2019" },
    { say: "phuong tran bien, dong nai" },
    { press: "Sản xuất" },
    { press: "VSIC 2018" },
    { say: "1079" },
    { say: "45 nguoi" },
    { say: "1,5 ty" },
    { say: "20 tỷ" },
    { say: "Gach op lat men bong" },
    { say: "06/2020" },
    { say: "iso 9001, ocop" },
    { press: "Chưa từng đạt" },
    { press: "Đã thực hiện đầy đủ" },
    { press: "Không" },
    // The award year, asked when the profile has no dates and the usual intake is over (August–December);
    // in the other months this is one more wrong answer at the contact's name, which the next line answers.
    { say: String(new Date().getUTCFullYear()) },
    { say: "Nguyen Thi Lan" },
    { say: "Truong phong QLCL" },
    { say: "12345" },
    { say: "0912 345 678" },
    { say: "lan@congty.vn" },
    { press: "Chưa có tệp" },
    { press: "Số lao động" },
    { say: "150" },
    { press: "Gửi đăng ký" },
  ];
}

/** 70 % of the user slots ask questions, 30 % register; `person` makes each one distinct (own tax code). */
export function scriptFor(slot: number, person: number): { kind: "faq" | "registration"; steps: Step[] } {
  return slot % 10 < 3 ? { kind: "registration", steps: registrationScript(person) } : { kind: "faq", steps: faqScript(person) };
}
