import { untypedButton } from "../../src/core/button-data.js";
import { buttonRoute, say, type Turn } from "../../src/core/feature.js";
import { esc, html } from "../../src/core/markup.js";
import type { Button } from "../../src/core/types.js";
import type { BotFeature } from "../../src/flows/context.js";

/**
 * Fixtures for what real features will do on every channel: a question with 7 choices, a flow
 * that waits for a file, generated attachments. Only the public feature interface is used.
 */
const sectors = ["Nông nghiệp", "Chế biến thực phẩm", "Cơ khí", "Dệt may", "Xây dựng", "Dịch vụ", "Công nghệ thông tin"];

export const choicesFeature: BotFeature = {
  name: "choices-fixture",
  commands: [
    {
      names: ["chon"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: () => {
        const buttons: Button[] = sectors.map((label, i) => ({ label, data: `pick:${i + 1}` }));
        return say(esc("Quý doanh nghiệp hoạt động trong lĩnh vực nào?"), [buttons.slice(0, 4), buttons.slice(4)]);
      },
    },
    {
      names: ["vanban"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      // One long paragraph of sentences (about 12,000 characters): splitting must cut between sentences.
      run: () =>
        say(
          esc(
            Array.from(
              { length: 60 },
              (_, i) =>
                `Mục ${i + 1}. Hồ sơ tham dự gồm báo cáo tự đánh giá, bản sao giấy chứng nhận đăng ký doanh nghiệp và các tài liệu chứng minh kết quả hoạt động trong ba năm gần nhất, sắp xếp theo thứ tự của mẫu hướng dẫn.`,
            ).join(" "),
          ),
        ),
    },
    {
      names: ["nhantep"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: (ctx) => ({ ...say(esc("Quý doanh nghiệp vui lòng gửi tệp.")), dialog: ctx.begin("file-probe", {}) }),
    },
    {
      names: ["baocao"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: (_ctx, args): Turn => {
        const kind = args.trim();
        const attachment =
          kind === "png"
            ? { kind: "bytes" as const, name: "bieu-do.png", mime: "image/png", bytes: PNG_1x1, asPhoto: true }
            : kind === "pdf"
              ? { kind: "bytes" as const, name: "bien-nhan.pdf", mime: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") }
              : { kind: "bytes" as const, name: "danh-sach.csv", mime: "text/csv", bytes: new TextEncoder().encode("ten,mst\nA,0101\n") };
        return { messages: [{ text: esc("Báo cáo đính kèm."), attachment }] };
      },
    },
  ],
  buttons: [buttonRoute({ codec: untypedButton("pick"), audience: "everyone", handle: (_ctx, [rest]) => say(html`Đã chọn: ${esc(sectors[Number(rest) - 1] ?? "?")}`) })],
  flows: [
    {
      id: "file-probe",
      onEvent(_ctx, event) {
        if (event.kind !== "file") return say(esc("Đang chờ tệp."));
        const f = event.file;
        return { ...say(esc(`tệp|${f.channel}|${f.name}|${f.size}|${f.mime}|${f.ref}|${event.caption}`)), dialog: null };
      },
    },
  ],
};

/** The smallest valid PNG (1×1, transparent). */
export const PNG_1x1 = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);
