import type { Programme } from "../../src/domain/programmes.js";
import type { SubmissionDraft } from "../../src/services/submissions.js";

/** A complete, valid draft as the registration form would build it; override what a test cares about. */
export function draft(overrides: { programme?: Programme; taxCode?: string; userKey?: string; awardYear?: number; name?: string } = {}): SubmissionDraft {
  const programme = overrides.programme ?? "gtclqg";
  const userKey = overrides.userKey ?? "telegram:1001";
  const [channel, userId] = userKey.split(":") as ["telegram", string];
  return {
    programme,
    awardYear: overrides.awardYear ?? 2026,
    rules: "2026",
    rulesConfirmed: false,
    owner: { userKey, channel, userId, locale: "vi" },
    consentAt: "2026-11-22T03:00:00.000Z",
    organisation: {
      name: overrides.name ?? "Công ty TNHH Minh An",
      taxCode: overrides.taxCode ?? "0314409058",
      type: "enterprise",
      foundedOn: programme === "gtclqg" ? { date: "2019-03-15", precision: "day" } : null,
      address: { text: "Phường Trấn Biên, Đồng Nai", commune: "Phường Trấn Biên", communeKey: "phuong tran bien", province: "Đồng Nai", legacy: false },
      sectorGroup: programme === "gtclqg" ? "production" : null,
      vsic: "vsic2018:C",
      employees: 45,
      revenueVnd: 1_500_000_000,
      capitalVnd: null,
      sizeClass: "small",
      legalEntity: null,
    },
    award: programme === "gtclqg" ? { product: "Gạch ốp lát", onMarketSince: { date: "2020-06-01", precision: "month" }, certificates: ["iso9001"], certificatesOther: null, priorAward: "none", priorAwardYear: null, taxInsuranceDeclared: "yes", ministryCouncil: "no" } : null,
    support: programme === "nscl" ? { kinds: ["he-thong-quan-ly"], need: "Áp dụng ISO 9001 cho xưởng" } : null,
    contact: { name: "Nguyễn Thị Lan", position: "Trưởng phòng", phone: "+84912345678", email: "lan@minhan.vn" },
    documents: [],
  };
}
