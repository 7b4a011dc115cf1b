import { itemButton } from "../../src/flows/submissions/dossier-item.js";
import { checklistButton } from "../../src/flows/officials/checklist-buttons.js";
import { checklistStepButton } from "../../src/flows/officials/checklist.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { features } from "../../src/app.js";
import { buttonCodec, commandButton, digits, untypedButton, type ButtonCodec, type ButtonFields } from "../../src/core/button-data.js";
import { buttonRegistry } from "../../src/core/button-registry.js";
import { createDispatcher } from "../../src/core/dispatcher.js";
import { buttonRoute, say } from "../../src/core/feature.js";
import { esc } from "../../src/core/markup.js";
import { LOCALES, MAX_BUTTON_DATA_BYTES } from "../../src/core/types.js";
import { PROGRAMMES } from "../../src/domain/programmes.js";
import { STATUSES, STATUS_IDS, WITHDRAWN } from "../../src/domain/statuses.js";
import { SECTOR_GROUPS } from "../../src/domain/submission.js";
import { allowedNext } from "../../src/domain/workflow.js";
import { composeButton } from "../../src/flows/broadcast/compose.js";
import { jobsButton } from "../../src/flows/broadcast/jobs-list.js";
import { offerButton } from "../../src/flows/broadcast/subscription.js";
import type { BotFeature } from "../../src/flows/context.js";
import { formButton } from "../../src/flows/forms/buttons.js";
import { faqButton, kbButton } from "../../src/flows/kb-buttons.js";
import { languageButton } from "../../src/flows/language.js";
import { registerButton } from "../../src/flows/registration/buttons.js";
import { queueButton } from "../../src/flows/officials/queue.js";
import { caseButton, caseStepButton } from "../../src/flows/officials/case-view.js";
import { exportButton } from "../../src/flows/officials/export.js";
import { rolesButton } from "../../src/flows/officials/roles.js";
import { approveButton, learnButton } from "../../src/flows/officials/learn.js";
import { statsButton } from "../../src/flows/officials/stats.js";
import { selfCheckButton } from "../../src/flows/self-check/buttons.js";
import { askPersonButton, voteButton } from "../../src/flows/handoff/buttons.js";
import { answerStepButton, inboxButton } from "../../src/flows/officials/inbox.js";
import { attachButton } from "../../src/flows/submissions/attach.js";
import { accountButton } from "../../src/flows/submissions/linked-accounts.js";
import { linkButton } from "../../src/flows/submissions/link.js";
import { submissionButton } from "../../src/flows/submissions/my-data.js";
import { testApp } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The longest values each field can really hold: the longest code, status, id, key. */
const CODE = "NS-2026-999999";
const longest = <T extends string>(list: readonly T[]): T => list.reduce((a, b) => (b.length > a.length ? b : a));
const STATUS = longest(STATUS_IDS);
const ID48 = "a".repeat(48);
/** The longest id of an NSCL support kind (a choice of the support form). */
const SUPPORT_KIND = "thuc-hanh-nong-nghiep-tot";

/** A codec with the values its feature writes (the longest realistic ones among them). */
interface Case<T extends ButtonFields> {
  codec: ButtonCodec<T>;
  values: readonly Readonly<T>[];
}
/** Forgets T: the table holds codecs of different values, each checked against its own samples. */
const entry = <T extends ButtonFields>(codec: ButtonCodec<T>, values: readonly Readonly<T>[]): Case<ButtonFields> => ({ codec, values }) as unknown as Case<ButtonFields>;

const caseMoves = PROGRAMMES.flatMap((p) => STATUSES[p].flatMap((from) => allowedNext(p, from.id).map((to) => ["s", CODE, from.id, to] as const)));
const exportPaths = PROGRAMMES.flatMap((p) => [...STATUSES[p].map((s) => s.id), WITHDRAWN, "open" as const, "all" as const].flatMap((s) => (["xlsx", "csv"] as const).map((f) => [p, 2026, s, f] as const)));

/** Every typed codec of the bot, by prefix. The test below checks this covers the whole registry. */
const TYPED: Record<string, Case<ButtonFields>> = {
  cmd: entry(commandButton, [["dsthongbao"], ["nhanthongbao"], ["a".repeat(32)]]),
  lang: entry(languageButton, LOCALES.map((l) => [l] as const)),
  ann: entry(offerButton, [["yes"], ["no"]]),
  faq: entry(faqButton, [["gt-dang-ky-the-nao"], [ID48], ["gt-ho-so", "more"], [ID48, "more"]]),
  kb: entry(kbButton, [["home"], ["p", "gtclqg"], ["t", "gt-dossier"], ["t", ID48, 999]]),
  sub: entry(submissionButton, [["no"], ["w", CODE], ["wy", CODE], ["rc", "x".repeat(32)]]),
  lnk: entry(linkButton, [["ok", "AAAAAAAAAAAA"], ["no", "a_b-c_d-e_f-"]]),
  acc: entry(accountButton, [["ul", CODE, "AAAAAAAAAA"], ["ow", CODE, "a_b-c_d-e_"], ["orc", CODE, "0123456789"], ["od", "x".repeat(32), "zzzzzzzzzz"]]),
  att: entry(attachButton, [["no"], [CODE], ["x".repeat(32)]]),
  hq: entry(queueButton, [["all", 1], ["registered", 12], ["needs-supplement", 3, "GT-2026"], ["all", 2, "NS"]]),
  hs: entry(caseButton, [["pc"], ["f"], ["v", CODE], ["n", CODE], ["ca", CODE], ["cd", CODE], ["da", CODE], ["d", CODE, 7], ["s", CODE, STATUS, STATUS], ...caseMoves]),
  hsf: entry(caseStepButton, [["go"], ["x"]]),
  di: entry(itemButton, [["i", "registration-form"], ["i", "a".repeat(24)], ["later"], ["s", CODE]]),
  ck: entry(checklistButton, [["o", CODE, "self-assessment"], ["m", CODE, "a".repeat(24), "more"], ["m", CODE, "environment", "ok"], ["m", CODE, "other-results", "none"], ["r", CODE]]),
  ckf: entry(checklistStepButton, [["x"]]),
  hoi: entry(askPersonButton, [["q"], ["e", "gt-ho-so"], ["e", ID48], ["del"], ["dely"]]),
  vote: entry(voteButton, [["up", "gt-ho-so"], ["down", ID48]]),
  ht: entry(inboxButton, [["p", 0], ["p", 9999], ["a", "HT1"], ["n", "HT999999999"], ["v", "HT12"], ["l", "HT1"], ["ln", "HT999999999"]]),
  hta: entry(answerStepButton, [["send"], ["own"], ["unit"], ["edit"], ["x"]]),
  tk: entry(statsButton, [["gtclqg"], ["nscl", 2026]]),
  tdg: entry(selfCheckButton, [["a", "ld1", 0], ["a", "abcdefghijklmnop", 4], ["b"], ["x"], ["c"], ["r"], ["ns"], ["u"], ["na"], ["d"], ["dy"], ["dn"], ["at", CODE]]),
  xu: entry(exportButton, [[], ["all"], ["nscl", "all"], ["all", "all", "open"], ["all", "all", "all", "csv"], ...exportPaths]),
  hoc: entry(learnButton, [["p", "gt-dang-ky-the-nao"], ["p", ID48], ["t", "gt-dossier"], ["n"], ["ok"], ["x"]]),
  duy: entry(approveButton, [["a", "hoc-1"], ["r", ID48]]),
  rq: entry(rolesButton, [["no"], ["r", "telegram:777"], ["ry", `zalo:${"9".repeat(25)}`]]),
  bcj: entry(jobsButton, [["pause", "TB-0001"], ["cancelok", "NH-99999"]]),
  dk: entry(registerButton, PROGRAMMES.map((p) => [p] as const)),
  rg: entry(formButton, [
    ["back"],
    ["submit"],
    ["restart"],
    ["cancel"],
    ["cancel", "yes"],
    ["cancel", "no"],
    ["a", "dup-contact"],
    ["a", "switch-nscl"],
    ["skip", "abcdefghijkl"],
    ["edit", "marketSince"],
    ["ok", "certs"],
    ["c", "consent", "yes"],
    ["c", "orgType", "public-unit"],
    ["c", "vsic", "vsic2018:C"],
    ["t", "certs", "iso22000-haccp"],
    ["t", "abcdefghijkl", SUPPORT_KIND],
  ]),
  bc: entry(composeButton, [
    ["quit"],
    ["seg"],
    ["seg", "lang"],
    ["stp", "gtclqg"],
    ["st", STATUS],
    ...SECTOR_GROUPS.map((g) => ["sec", g] as const),
    ["cm", 7],
    ["lang", "en"],
  ]),
};


describe("button codecs", () => {
  it("cover every prefix the bot registers, with the very codec object it registers", () => {
    const registry = createDispatcher(features).buttons;
    expect(new Set(registry.keys())).toEqual(new Set(Object.keys(TYPED)));
    for (const [prefix, { codec }] of Object.entries(TYPED)) expect(registry.get(prefix)?.codec, prefix).toBe(codec);
  });

  it("round-trip every value their features write, in at most 64 bytes, in today's wire format", () => {
    for (const [prefix, { codec, values }] of Object.entries(TYPED)) {
      for (const value of values) {
        const data = codec.encode(value);
        expect(data.startsWith(prefix), data).toBe(true);
        expect(data).toBe([prefix, ...value].join(":"));
        expect(bytes(data), data).toBeLessThanOrEqual(MAX_BUTTON_DATA_BYTES);
        expect(codec.decode(data), data).toEqual(value);
      }
    }
  });

  it("write the same data as the buttons already sent in chats", () => {
    expect(caseButton.encode(["s", "GT-2026-0001", "registered", "dossier-received"])).toBe("hs:s:GT-2026-0001:registered:dossier-received");
    expect(exportButton.encode(["gtclqg", 2026, "all", "xlsx"])).toBe("xu:gtclqg:2026:all:xlsx");
    expect(exportButton.encode([])).toBe("xu");
    expect(kbButton.encode(["t", "gt-dossier", 2])).toBe("kb:t:gt-dossier:2");
    expect(rolesButton.encode(["ry", "telegram:777"])).toBe("rq:ry:telegram:777");
    expect(rolesButton.decode("rq:ry:telegram:777")).toEqual(["ry", "telegram:777"]);
    expect(commandButton.encode(["dangky"])).toBe("cmd:dangky");
  });

  it("read the data of every realistic button the knowledge base makes", async () => {
    const app = await testApp(await tempDir());
    const { kb } = app.services;
    for (const p of kb.programmes()) {
      expect(kbButton.decode(kbButton.encode(["p", p.id]))).toEqual(["p", p.id]);
      for (const t of kb.topicsOf(p.id)) {
        expect(kbButton.decode(kbButton.encode(["t", t.id, 999]))).toEqual(["t", t.id, 999]);
        for (const e of kb.entriesOf(t.id)) {
          expect(faqButton.decode(faqButton.encode([e.id]))).toEqual([e.id]);
          expect(faqButton.decode(faqButton.encode([e.id, "more"]))).toEqual([e.id, "more"]);
        }
      }
    }
    await app.close();
  });

  it("decode malformed or forged data to undefined", () => {
    const forged: [ButtonCodec<ButtonFields>, string][] = [
      [TYPED.cmd!.codec, "cmd:"],
      [TYPED.cmd!.codec, "cmd:Dang-Ky"],
      [TYPED.cmd!.codec, "cmd:a:b"],
      [TYPED.lang!.codec, "lang:fr"],
      [TYPED.dk!.codec, "dk:giaithuong"],
      [TYPED.rg!.codec, "rg:a:__proto__"],
      [TYPED.rg!.codec, "rg:c:orgType"],
      [TYPED.rg!.codec, "rg:skip:../x"],
      [TYPED.rg!.codec, "rg:cancel:maybe"],
      [TYPED.rg!.codec, "rg:submit:now"],
      [TYPED.faq!.codec, "faq:../../etc/passwd"],
      [TYPED.faq!.codec, "faq:"],
      [TYPED.faq!.codec, "faq:gt-ho-so:less"],
      [TYPED.kb!.codec, "kb:p:gtclqg:2"],
      [TYPED.kb!.codec, "kb:t:x:1234"],
      [TYPED.kb!.codec, "kb:x:y"],
      [TYPED.hs!.codec, "hs:v:../x"],
      [TYPED.hs!.codec, "hs:s:GT-2026-0001:registered:nowhere"],
      [TYPED.hs!.codec, "hs:d:GT-2026-0001:-1"],
      [TYPED.hs!.codec, "hs:v:GT-2026-0001:extra"],
      [TYPED.xu!.codec, "xu:gtclqg:20x6:all:csv"],
      [TYPED.xu!.codec, "xu:gtclqg:2026:award:pdf"],
      [TYPED.xu!.codec, "xu:a:b:c:d:e"],
      [TYPED.tk!.codec, "tk:gtclqg:26"],
      [TYPED.tdg!.codec, "tdg:a:ld1:5"],
      [TYPED.tdg!.codec, "tdg:a:LD1:3"],
      [TYPED.tdg!.codec, "tdg:at:../x"],
      [TYPED.rq!.codec, "rq:x:telegram:1"],
      [TYPED.bcj!.codec, "bcj:cancelok:../x"],
      [TYPED.bc!.codec, "bc:cm:10"],
      [TYPED.bc!.codec, "bc:now:later"],
      [TYPED.lnk!.codec, "lnk:ok:short"],
      // Another codec's data, a prefix that only starts the same, data no button could carry.
      [TYPED.hs!.codec, "hsf:go"],
      [TYPED.sub!.codec, `sub:w:${"x".repeat(80)}`],
      [TYPED.sub!.codec, "subx:w:GT-2026-0001"],
    ];
    for (const [codec, data] of forged) expect(codec.decode(data), data).toBeUndefined();
  });

  it("never throw on any string a client may send", () => {
    const codecs = Object.values(TYPED).map((c) => c.codec);
    const prefixed = fc.tuple(fc.constantFrom(...codecs.map((c) => c.prefix)), fc.array(fc.oneof(fc.string(), fc.constantFrom("", ":", "all", "2026", "GT-2026-0001")), { maxLength: 6 }));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), prefixed.map(([p, fields]) => [p, ...fields].join(":"))), (data) => {
        for (const codec of codecs) {
          const value = codec.decode(data);
          // What decodes is what encodes back: one wire form per value.
          if (value !== undefined) expect(codec.decode(codec.encode(value))).toEqual(value);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("refuse to write data over 64 bytes (counted in UTF-8) or data they could not read back", () => {
    const note = buttonCodec("note", z.tuple([z.string().min(1)]));
    const vietnamese = "Giải thưởng Chất lượng Quốc gia năm 2026, Đồng Nai";
    expect(vietnamese.length + 5).toBeLessThanOrEqual(MAX_BUTTON_DATA_BYTES);
    expect(bytes(`note:${vietnamese}`)).toBeGreaterThan(MAX_BUTTON_DATA_BYTES);
    expect(() => note.encode([vietnamese])).toThrow(/bytes/);
    expect(() => note.encode(["a:b"])).toThrow(/does not decode/);
    expect(() => note.encode([""])).toThrow(/does not decode/);
    expect(() => caseButton.encode(["v", "not a code"])).toThrow(/does not decode/);
    expect(() => buttonCodec("Bad:", z.tuple([]))).toThrow(/prefix/);
    expect(digits(3).safeParse("1e2").success).toBe(false);
  });

  it("keep the colons of the last field of a codec with maxFields", () => {
    const keyed = buttonCodec("key", z.tuple([z.string(), z.string()]), { maxFields: 2 });
    expect(keyed.decode("key:a:telegram:1")).toEqual(["a", "telegram:1"]);
    expect(untypedButton("free").decode("free:x:y:z")).toEqual(["x:y:z"]);
    expect(untypedButton("free").decode("free")).toBeUndefined();
  });
});

describe("the button prefix registry", () => {
  const route = (prefix: string) => buttonRoute({ codec: untypedButton(prefix), audience: "everyone", handle: () => say(esc("ok")) });
  const feature = (name: string, prefix: string): BotFeature => ({ name, buttons: [route(prefix)] });

  it("refuses two features declaring one prefix, naming both", () => {
    expect(() => createDispatcher([feature("first", "dup"), feature("second", "dup")])).toThrow('button prefix "dup" is declared twice: by first and by second');
    expect(() => createDispatcher([...features, feature("intruder", "xu")])).toThrow('button prefix "xu" is declared twice: by officials and by intruder');
    expect(() => createDispatcher([feature("mine", "cmd")])).toThrow('button prefix "cmd" is declared twice: by core and by mine');
  });

  it("refuses a flow of another feature answering a route's prefix, and two codecs of one prefix in one feature", () => {
    const codec = untypedButton("shared");
    const owner: BotFeature = { name: "owner", buttons: [buttonRoute({ codec, audience: "everyone", handle: () => say(esc("ok")) })] };
    const other: BotFeature = { name: "other", flows: [{ id: "other-flow", buttons: [codec], onEvent: () => say(esc("?")) }] };
    expect(() => createDispatcher([owner, other])).toThrow("by owner and by other");
    const twice: BotFeature = { name: "twice", flows: [{ id: "a", buttons: [untypedButton("two")], onEvent: () => say(esc("?")) }, { id: "b", buttons: [untypedButton("two")], onEvent: () => say(esc("?")) }] };
    expect(() => createDispatcher([twice])).toThrow("by twice and by twice");
  });

  it("lets one feature list its own codec on a route and on several flows", () => {
    const codec = untypedButton("own");
    const registry = buttonRegistry([
      { owner: "desk", codec },
      { owner: "desk", codec },
    ]);
    expect(registry.get("own")?.owner).toBe("desk");
    const desk: BotFeature = {
      name: "desk",
      buttons: [buttonRoute({ codec, audience: "everyone", handle: () => say(esc("ok")) })],
      flows: [
        { id: "a", buttons: [codec], onEvent: () => say(esc("?")) },
        { id: "b", buttons: [codec], onEvent: () => say(esc("?")) },
      ],
    };
    expect(createDispatcher([desk]).buttons.get("own")?.owner).toBe("desk");
  });
});
