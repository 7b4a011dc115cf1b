import type { Journey } from "./journey.js";

/** A provincial official finds the new registration, opens it and marks it received (short: issue 15's desk part is elsewhere). */
export const official: Journey = {
  name: "official: find, open, mark received",
  who: { channel: "telegram", id: "7770001" },
  maxTurns: 6,
  steps: [
    { say: "/hoso" },
    { say: "/hoso thuc pham xanh", expect: "Hồ sơ GT-" },
    { press: "→ Đã nhận hồ sơ", expect: "Doanh nghiệp sẽ nhận thông báo" },
    { press: "Chuyển, không kèm ghi chú", expect: "Đã nhận hồ sơ" },
  ],
};
