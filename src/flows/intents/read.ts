import type { Locale } from "../../core/types.js";
import type { Programme } from "../../domain/programmes.js";
import { fold } from "../../domain/text.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";

/**
 * What free text means when it means a command (issue 15): "ok vậy tôi muốn đăng ký tham gia giải",
 * "hồ sơ GT-2026-0001 của em tới đâu rồi", "hủy", "menu", "english please"… Pure functions on the
 * text, folded like every answer (no diacritics, lower case); the caller decides where they apply.
 */
export type Intent =
  | { kind: "register"; programme: Programme | null }
  | { kind: "lookup"; code: string | null }
  | { kind: "cancel" }
  | { kind: "menu" }
  | { kind: "help" }
  | { kind: "language"; locale: Locale };

/** Folded, punctuation as spaces, single spaces. */
export function plainWords(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const has = (words: string, phrases: readonly string[]) => phrases.some((p) => ` ${words} `.includes(` ${p} `));

/** Words naming the support programme, and the award (folded). */
const NSCL_WORDS = ["ho tro", "nang suat", "nscl", "nang suat chat luong", "support", "productivity", "chuong trinh 1322", "1322"];
const AWARD_WORDS = ["giai thuong", "giai", "gtclqg", "gtcl", "award", "prize", "chat luong quoc gia", "quality award"];

/** Which programme the words name: one of them, or null when none or both. */
export function programmeNamed(text: string): Programme | null {
  const words = plainWords(text);
  const nscl = has(words, NSCL_WORDS);
  const award = has(words, AWARD_WORDS);
  return nscl === award ? null : nscl ? "nscl" : "gtclqg";
}

/** A tracking code anywhere in the text: "ho so GT-2026-0001 cua em", "ns 2026 7". */
export function trackingCodeIn(text: string): string | null {
  const m = /(?:^|[^\p{L}\p{N}])((?:gt|ns)[\s\-_.]*20\d{2}[\s\-_.]*\d{1,6})(?![\p{L}\p{N}])/iu.exec(text.normalize("NFKC"));
  return m ? (parseTrackingCode(m[1]!)?.code ?? null) : null;
}

/** Not "dung" alone: it folds "đúng" (right) and "Dũng" as well as "dừng". */
const CANCEL = new Set([
  "huy", "huy bo", "huy di", "huy dang ky", "huy ho so nay", "thoi", "thoi nhe", "thoi a", "thoi khoi", "thoi khong lam nua", "dung lai", "dung lai di",
  "khong lam nua", "khong dang ky nua", "stop", "cancel", "quit", "exit", "thoat", "never mind", "nevermind",
]);
/** "thôi em không đăng ký nữa", "tôi không muốn tiếp tục nữa", "thôi để sau". */
const CANCEL_SENTENCE =
  /^(?:(?:thoi|a thoi|vay thoi|ok thoi)\s+)?(?:(?:em|toi|minh|chung toi|ben em|cty em|cong ty)\s+)?(?:khong|ko|k|chua)\s+(?:muon\s+)?(?:dang ky|dang ki|lam|tiep tuc|dien|dien tiep|lam tiep)(?:\s+(?:nua|tiep))?(?:\s+(?:dau|a|nhe|roi))*$|^thoi\s+(?:de sau|de khi khac|lan sau)(?:\s+(?:nhe|a))?$|^(?:i|we)\s+(?:don t|dont|do not)\s+want\s+to\s+(?:register|continue|go on)(?:\s+(?:any more|anymore))?$/;

const MENU = new Set(["menu", "main menu", "ve menu", "mo menu", "xem menu", "danh muc", "trang chu", "man hinh chinh", "quay ve menu", "show menu"]);
const HELP = new Set(["help", "tro giup", "giup do", "giup voi", "huong dan", "can giup do", "toi can giup do", "em can giup do", "help me", "how does this work", "huong dan su dung"]);
const LOOKUP = new Set([
  "tra cuu", "tra cuu ho so", "tra cuu trang thai", "xem ho so", "ho so cua toi", "ho so cua em", "ho so cua cong ty", "trang thai ho so",
  "xem trang thai", "kiem tra ho so", "check status", "status", "my submission", "my submissions", "track", "track my submission",
]);
const ENGLISH = /^(?:(?:please\s+)?(?:in\s+|speak\s+|switch\s+to\s+|answer\s+in\s+|reply\s+in\s+)?english(?:\s+please)?|(?:do|can)\s+you\s+speak\s+english|tieng anh|chuyen sang tieng anh|english version)$/;
const VIETNAMESE = /^(?:tieng viet|chuyen sang tieng viet|noi tieng viet|tieng viet di|tieng viet nhe|(?:in\s+|switch\s+to\s+)?vietnamese(?:\s+please)?)$/;

/** "đăng ký", "register", "tham gia", "xin hỗ trợ" — but not "đăng ký nhận thông báo" or "giấy đăng ký kinh doanh". */
const REGISTER_WORDS = ["dang ky", "dang ki", "register", "sign up", "apply", "tham gia", "xin ho tro", "de nghi ho tro", "nop don"];
/** Without a programme named, only a wish to register counts ("tôi muốn đăng ký"), never "thủ tục đăng ký kết hôn". */
const REGISTER_WISH = /^(?:(?:ok|vay|da|vang|a|u|thi|the)\s+)*(?:(?:toi|em|minh|chung toi|ben em|cty em|cong ty em|htx|i|we)\s+)?(?:(?:muon|can|xin|se|dinh|want to|would like to|need to|d like to)\s+)?(?:dang ky|dang ki|register|sign up|apply)(?:\s+(?:tham gia|ngay|luon|di|a|nhe|now|please))*$/;
const NOT_REGISTER = ["thong bao", "kinh doanh", "nhan tin", "subscribe", "announcement", "thu tuc", "dieu kien", "ket hon", "thuong tru", "tam tru", "khai sinh", "xe", "nhan hieu"];

/**
 * The intent of a message, or null. `question`: the message reads as a question (then only a
 * tracking code or a language wish counts — "đăng ký giải thưởng thế nào?" is for the FAQ).
 */
export function readIntent(text: string, question = false): Intent | null {
  const words = plainWords(text);
  if (words === "") return null;
  const code = trackingCodeIn(text);
  if (code) return { kind: "lookup", code };
  if (ENGLISH.test(words)) return { kind: "language", locale: "en" };
  if (VIETNAMESE.test(words)) return { kind: "language", locale: "vi" };
  if (question) return null;
  if (isCancel(text)) return { kind: "cancel" };
  if (MENU.has(words)) return { kind: "menu" };
  if (HELP.has(words)) return { kind: "help" };
  if (LOOKUP.has(words)) return { kind: "lookup", code: null };
  if (has(words, REGISTER_WORDS) && !has(words, NOT_REGISTER)) {
    const programme = programmeNamed(words);
    if (programme || REGISTER_WISH.test(words)) return { kind: "register", programme };
  }
  return null;
}

/** "hủy", "thôi", "thôi em không đăng ký nữa": the wish to stop what is in progress. */
export function isCancel(text: string): boolean {
  const words = plainWords(text).replace(/\s+(?:a|nhe|nha|di)$/, "");
  return CANCEL.has(words) || CANCEL.has(plainWords(text)) || CANCEL_SENTENCE.test(words);
}
