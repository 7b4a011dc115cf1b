import { describe, expect, it } from "vitest";
import type { WebMessage } from "../../src/channels/web/chat.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot } from "../../src/main.js";
import { coreTransport } from "../../bench/journeys/core-transport.js";
import { JOURNEYS, awardFood, englishFdi, nsclCoop, official } from "../../bench/journeys/index.js";
import { replay, type Journey, type JourneyResult } from "../../bench/journeys/journey.js";
import { testApp, testConfig } from "../helpers/app.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * Issue 15's four journeys, replayed as people wrote them (bench/journeys/*.ts): each within its
 * turns, every step answered as expected, no answer a person would consider valid refused.
 */
const tempDir = useTempDirs();
const OFFICIAL = { OFFICIAL_TELEGRAM_IDS: official.who.id };

function expectClean(journey: Journey, result: JourneyResult) {
  expect(result.missed, journey.name).toEqual([]);
  expect(result.refusals, journey.name).toEqual([]);
  expect(result.turns, journey.name).toBeLessThanOrEqual(journey.maxTurns);
}

describe("the journeys of issue 15", () => {
  it("the budgets are the issue's: award ≤ 32 turns, NSCL ≤ 22", () => {
    expect(awardFood.maxTurns).toBeLessThanOrEqual(32);
    expect(nsclCoop.maxTurns).toBeLessThanOrEqual(22);
    expect(JOURNEYS).toHaveLength(4);
  });

  it("are done on the dialog core within their turns, nothing valid refused, and stored as said", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now, env: OFFICIAL });
    const results = new Map<Journey, JourneyResult>();
    for (const journey of JOURNEYS) {
      const result = await replay(journey, coreTransport(app, journey.who));
      expectClean(journey, result);
      results.set(journey, result);
    }
    expect(results.get(awardFood)!.turns).toBeLessThanOrEqual(32);
    expect(results.get(nsclCoop)!.turns).toBeLessThanOrEqual(22);

    const award = await app.services.submissions.byOwner(`telegram:${awardFood.who.id}`);
    expect(award).toHaveLength(1);
    expect(award[0]).toMatchObject({
      programme: "gtclqg",
      status: "dossier-received",
      organisation: {
        name: "Cong ty TNHH Che bien Thuc pham Xanh",
        taxCode: "3603295302",
        type: "enterprise",
        foundedOn: { date: "2019-01-01", precision: "year" },
        sectorGroup: "production",
        vsic: "vsic2018:C",
        employees: 50,
        revenueVnd: 12_500_000_000,
        capitalVnd: null,
      },
      award: { product: "Nước mắm cá cơm Xanh", onMarketSince: { date: "2020-01-01", precision: "year" }, certificates: ["iso22000-haccp", "ocop"] },
      contact: { phone: "+84912345678" },
    });
    const support = await app.services.submissions.byOwner(`zalo:${nsclCoop.who.id}`);
    expect(support[0]).toMatchObject({
      programme: "nscl",
      organisation: { type: "cooperative", vsic: "vsic2018:A", employees: null },
      support: { kinds: ["he-thong-quan-ly", "truy-xuat-nguon-goc"], need: "ap dung VietGAP va truy xuat nguon goc cho rau an toan" },
    });
    const fdi = await app.services.submissions.byOwner(`web:${englishFdi.who.id}`);
    expect(fdi[0]).toMatchObject({
      owner: { locale: "en" },
      organisation: {
        name: "Hanwha Food Vina Co., Ltd.",
        foundedOn: { date: "2015-03-01", precision: "month" },
        address: { commune: "Hiep Phuoc commune", province: "Đồng Nai", legacy: true },
        employees: 320,
        revenueVnd: 2_900_000_000_000,
      },
      award: { product: "frozen seafood", certificates: ["iso9001", "iso22000-haccp"] },
      contact: { name: "Kim Min-jun", phone: "+821012345678" },
    });
    await app.close();
  });

  it("the award registration is done the same way through the web endpoint (POST /api/chat)", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger(), { app: { clock: clock.now } });
    try {
      const session = "journey-web-session-00001";
      const result = await replay(awardFood, async (input) => {
        const body = "text" in input ? { session, text: input.text } : { session, button: input.button };
        const res = await fetch(`${bot.webUrl}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
        return ((await res.json()) as { messages: WebMessage[] }).messages;
      });
      expectClean(awardFood, result);
      // In late November with no dates announced the year is asked; "năm sau" files it under 2027.
      expect(result.last).toContain("GT-2027-0001");
    } finally {
      await bot.stop();
    }
  });
});
