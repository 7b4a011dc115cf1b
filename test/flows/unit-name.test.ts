import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { toPlainText } from "../../src/core/markup.js";
import { loadProvince, unitDisplayName } from "../../src/knowledge/province.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { testApp } from "../helpers/app.js";
import { chatAs } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** The name the profiles carried before the unit's real name after the 2025 mergers was known: never shown. */
const PLACEHOLDER = "Bộ phận Tiêu chuẩn Đo lường Chất lượng";

describe("the unit's name while an official has not confirmed it", () => {
  it("says «đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh» in the welcome, the consent and an answer's contact", async () => {
    const app = await testApp(await tempDir(), { env: { PROVINCE: "bac-ninh" } });
    const user = chatAs(app, { channel: "web", id: "unit-name-bac-ninh-0001" });

    const welcome = await user.say("/start");
    expect(welcome.text).toContain("Đây là Trợ lý Năng suất – Chất lượng của đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh.");
    expect(welcome.text).not.toContain(PLACEHOLDER);

    const answer = await user.say("nop ho so giai thuong chat luong o dau");
    expect(answer.text).toContain("Nguồn:");
    expect(answer.text).toContain("📞 Liên hệ: đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    expect(answer.text).not.toContain(PLACEHOLDER);

    const refused = await user.say("giá vàng hôm nay");
    expect(refused.text).toContain("đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    expect(refused.text).not.toContain(PLACEHOLDER);

    const choose = await user.say("/dangky");
    const consent = await user.pressLabel(choose, "Giải thưởng Chất lượng Quốc gia");
    expect(consent.text).toContain("Người được xem: cán bộ phụ trách của đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh.");
    expect(consent.text).not.toContain(PLACEHOLDER);
    await user.say("/huy");

    await user.say("/ngonngu en");
    const english = await user.say("/start");
    expect(english.text).toContain("of the unit in charge at the Bắc Ninh Department of Science and Technology.");
    expect(english.text).not.toContain(PLACEHOLDER);
    await app.close();
  });

  it("names Tây Ninh's unit the same way, and Đồng Nai's by the name its profile cites", async () => {
    const tayNinh = await testApp(await tempDir(), { env: { PROVINCE: "tay-ninh" } });
    const welcome = await chatAs(tayNinh, { channel: "web", id: "unit-name-tay-ninh-0001" }).say("/start");
    expect(welcome.text).toContain("đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Tây Ninh");
    expect(welcome.text).not.toContain(PLACEHOLDER);
    await tayNinh.close();

    const dongNai = await testApp(await tempDir());
    const named = await chatAs(dongNai, { channel: "web", id: "unit-name-dong-nai-0001" }).say("/start");
    expect(named.text).toContain("của Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai.");
    await dongNai.close();
  });

  it("treats a name nobody filled in («…», «TODO», «<tên đơn vị>») as not confirmed", () => {
    const translator = loadTranslator(localesDir);
    const province = loadProvince(dataDir, "bac-ninh");
    const show = (name: string | null, form: "short" | "full" = "short") =>
      toPlainText(unitDisplayName({ ...province, unit: { ...province.unit, name } }, (key, args) => translator.t("vi", key, args), form));
    for (const name of [null, "TODO", "…", "<tên đơn vị>", "x"]) expect(show(name)).toBe("đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    expect(show("Phòng Tiêu chuẩn Đo lường Chất lượng")).toBe("Phòng Tiêu chuẩn Đo lường Chất lượng");
    expect(show("Phòng Tiêu chuẩn Đo lường Chất lượng", "full")).toBe("Phòng Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
  });
});
