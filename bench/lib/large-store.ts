import type { App } from "../../src/app.js";
import type { DialogState } from "../../src/core/feature.js";
import { taxCheckDigit } from "../../src/domain/tax-code.js";
import type { SubmissionDraft } from "../../src/services/submissions.js";

/** A valid, distinct tax code for each n (the check digit computed, first nine digits from n). */
export function taxCodeFor(n: number): string {
  for (let k = n; ; k++) {
    const first9 = String(360_000_000 + (k % 600_000_000)).padStart(9, "0");
    const check = taxCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

/** A complete submission as the registration form builds it, varied by i. */
export function submissionDraft(i: number, userKey = `telegram:${100000 + i}`): SubmissionDraft {
  const programme = i % 4 === 0 ? "nscl" : "gtclqg";
  const [channel, userId] = userKey.split(":") as ["telegram", string];
  return {
    programme,
    awardYear: 2026,
    rules: "2026",
    rulesConfirmed: false,
    owner: { userKey, channel, userId, locale: i % 7 === 0 ? "en" : "vi" },
    consentAt: "2026-11-22T03:00:00.000Z",
    organisation: {
      name: `Công ty TNHH Sản xuất Thương mại số ${i}`,
      taxCode: taxCodeFor(i * 11),
      type: "enterprise",
      foundedOn: programme === "gtclqg" ? { date: "2015-06-01", precision: "day" } : null,
      address: { text: `Phường ${i % 95}, Đồng Nai`, commune: `Phường ${i % 95}`, communeKey: `phuong ${i % 95}`, province: "Đồng Nai", legacy: false },
      sectorGroup: programme === "gtclqg" ? (i % 2 ? "production" : "services") : null,
      vsic: "vsic2018:C",
      employees: 20 + (i % 300),
      revenueVnd: 1_500_000_000 + i * 1_000_000,
      capitalVnd: null,
      sizeClass: "small",
      legalEntity: null,
    },
    award: programme === "gtclqg" ? { product: "Gạch ốp lát men bóng", onMarketSince: { date: "2020-06-01", precision: "month" }, certificates: ["iso9001", "ocop"], certificatesOther: null, priorAward: "none", priorAwardYear: null, taxInsuranceDeclared: "yes", ministryCouncil: "no" } : null,
    support: programme === "nscl" ? { kinds: ["he-thong-quan-ly", "cong-cu-cai-tien"], need: "Áp dụng ISO 9001 và 5S cho xưởng sản xuất" } : null,
    contact: { name: "Nguyễn Thị Lan", position: "Trưởng phòng Quản lý chất lượng", phone: "+84912345678", email: "lan@congty.vn" },
    documents: [{ file: { channel: "telegram", ref: "BQACAgIAAxkBAAIBZ2VmZ2hpamtsbW5vcHFyc3R1dnd4eXo", name: "don-dang-ky.pdf", size: 120_000, mime: "application/pdf" }, addedAt: "2026-11-22T03:00:00.000Z", item: "registration-form" }],
  };
}

export interface LargeSize {
  submissions: number;
  users: number;
  dialogs: number;
}

export const LARGE: LargeSize = { submissions: 5000, users: 25_000, dialogs: 25_000 };

/** Records written per unit of work while filling (one commit each). */
const FILL_BATCH = 500;

/** Runs `each(i)` for i < n, `FILL_BATCH` to a unit of work. */
async function inUnits(app: App, n: number, each: (i: number) => Promise<unknown>): Promise<void> {
  for (let from = 0; from < n; from += FILL_BATCH) {
    await app.storage.unit(async () => {
      for (let i = from; i < Math.min(n, from + FILL_BATCH); i++) await each(i);
    });
  }
}

/**
 * Fills a store through the same services and repositories the bot uses: submissions, users who
 * subscribed to announcements, and unfinished forms. `formState` is a real registration half
 * done, so each dialog record has the size and shape of the real thing.
 */
export async function fillStore(app: App, size: LargeSize, formState: DialogState, now: Date): Promise<void> {
  const iso = now.toISOString();
  const { repos } = app.storage;
  await inUnits(app, size.submissions, (i) => app.services.submissions.create(submissionDraft(i), now));
  await inUnits(app, size.users, async (i) => {
    const id = String(100000 + i);
    await repos.users.put(`telegram:${id}`, { channel: "telegram", id, locale: i % 7 === 0 ? "en" : "vi", firstSeen: iso, lastSeen: iso, unreachableSince: null });
    // Every user a subscriber: asked at /start, and said yes.
    await app.services.subscriptions.set(`telegram:${id}`, "yes", now);
  });
  await inUnits(app, size.dialogs, (i) => repos.dialogs.put(`telegram:${100000 + i}`, formState));
}
