import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("requesting NSCL support", () => {
  it("takes a request in English, with several kinds of support, and stores it with a support code", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now });
    const hoa = person(app, "web", "hoa-session-0000000001");
    await hoa.says("/language en");

    expect(await hoa.says("/register nscl")).toContain("Consent to the processing of personal data");
    const kinds = await hoa.presses("I agree");
    expect(kinds).toContain("Which support do you need?");
    // The list comes from the knowledge base (data/nscl-support-kinds.json), in the user's language.
    expect(kinds).toContain("Advanced management systems (e.g. ISO 9001");
    expect(hoa.buttonLabels()).toContain("Product traceability");
    expect(await hoa.presses("✔️ Done (0)")).toContain("Please choose at least 1 item(s), then press Done.");
    await hoa.presses("Advanced management systems");
    await hoa.presses("Product traceability");
    expect(await hoa.presses("Done (2)")).toContain("A short description of the need");
    expect(await hoa.says("Traceability for our cashew line and ISO 9001")).toContain("The organisation's full name");
    expect(await hoa.says("HTX Điều Bình Phước")).toContain("The enterprise code (tax code)?");
    expect(await hoa.says("0100112437")).toContain("Type of organisation?");
    expect(await hoa.presses("Cooperative")).toContain("Head office: commune or ward, and province?");
    // An address from before the merger of Bình Phước into Đồng Nai.
    expect(await hoa.says("Xa Tien Hung, TP Dong Xoai, Binh Phuoc")).toContain("Which classification does your economic sector code come from?");
    expect(await hoa.presses("VSIC 2018")).toContain("Main economic sector");
    expect(await hoa.says("A")).toContain("Average number of employees");
    expect(await hoa.says("12")).toContain("Total revenue of the last year?");
    expect(await hoa.says("8 tỷ")).toContain("Total capital?");
    // NĐ 80/2021 classifies enterprises: a cooperative is never labelled a small enterprise.
    const afterCapital = await hoa.presses("Skip");
    expect(afterCapital).not.toContain("Under Decree 80/2021/NĐ-CP");
    expect(afterCapital).toContain("Full name of the contact person?");
    await hoa.says("Lê Thị Hoa");
    await hoa.says("Chairwoman");
    await hoa.says("+84 971 234 567");
    expect(await hoa.says("hoa@htxdieu.vn")).toContain("Documents (optional");
    const summary = await hoa.presses("No files now");
    expect(summary).toContain("Please check your request for productivity and quality support");
    expect(summary).toContain("Support wanted: Advanced management systems, Product traceability");
    expect(summary).toContain("Address: Xa Tien Hung, TP Dong Xoai, Binh Phuoc (province: Đồng Nai) (address under the old boundaries)");

    const done = await hoa.presses("Submit");
    expect(done).toContain("Request of HTX Điều Bình Phước for productivity and quality support (2026) received.");
    expect(done).toContain("Submission code: NS-2026-0001");
    expect(done).toContain("A consultant is selected; the enterprise commits its share of the costs");
    expect(done).toContain("The 2026 dossier deadline has not been announced yet.");
    expect(done).toContain("/status NS-2026-0001");

    expect(await app.services.submissions.get("NS-2026-0001")).toMatchObject({
      programme: "nscl",
      owner: { channel: "web", locale: "en" },
      organisation: {
        type: "cooperative",
        taxCode: "0100112437",
        address: { province: "Đồng Nai", legacy: true, commune: "Xa Tien Hung" },
        vsic: "vsic2018:A",
        employees: 12,
        revenueVnd: 8_000_000_000,
        capitalVnd: null,
        sizeClass: null,
        sectorGroup: null,
        foundedOn: null,
      },
      award: null,
      support: { kinds: ["he-thong-quan-ly", "truy-xuat-nguon-goc"], need: "Traceability for our cashew line and ISO 9001" },
      contact: { phone: "+84971234567" },
    });
    await app.close();
  });
});
