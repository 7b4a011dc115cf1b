import { fold } from "../../domain/text.js";

/** Words typed instead of pressing a button (Zalo, the terminal, habit), compared folded. */
const words = (...list: string[]) => new Set(list);
export const YES = words("dong y", "toi dong y", "co", "vang", "yes", "ok", "oke", "agree", "i agree", "y", "co huy");
export const NO = words("khong", "khong dong y", "ko", "k", "no", "disagree", "khong huy", "n");
export const BACK = words("quay lai", "tro lai", "lui lai", "back", "go back");
export const SKIP = words(
  "bo qua", "skip", "bo qua cau nay", "skip this", "khong biet", "chua biet", "khong ro", "chua ro", "em khong biet", "toi khong biet",
  "de sau", "tra loi sau", "i don't know", "i dont know", "don't know", "dont know", "not sure", "later", "pass",
);
export const DONE = words("xong", "da xong", "xong roi", "het", "done", "finish", "finished");
export const SUBMIT = words("gui", "gui dang ky", "gui di", "xac nhan", "nop", "submit", "send", "confirm");
export const NONE = words("khong co", "chua co", "khong", "chua", "none", "no", "nothing", "khong co gi");
export const RESTART = words("bat dau lai", "lam lai", "dang ky lai", "restart", "start over");

export function is(set: ReadonlySet<string>, text: string): boolean {
  return set.has(fold(text).replace(/[.!]+$/, ""));
}

/** Words that may stand around a yes: "ok đồng ý", "ok vậy", "vâng, em đồng ý ạ", "yes I agree". */
const YES_WORDS = new Set(["ok", "oke", "okay", "okie", "dong", "y", "vang", "da", "co", "yes", "agree", "i", "toi", "em", "minh", "chung",
  "vay", "nhe", "a", "roi", "duoc", "chap", "nhan", "sure", "do", "that", "fine", "please", "go", "ahead", "uh", "u", "ung"]);
/** …and at least one of these says it. */
const YES_CORE = /(?:^|\s)(?:ok|oke|okay|okie|dong y|vang|da|yes|agree|duoc|chap nhan|sure|fine|u|ung|co)(?:\s|$)/;

/** A yes, alone or with the words people put around it — never with a "không"/"no" in it. */
export function isYes(text: string): boolean {
  if (is(YES, text)) return true;
  const words = fold(text).replace(/[.,!…]+/g, " ").trim();
  if (words === "" || /(?:^|\s)(?:khong|ko|chua|no|not|dont|don't)(?:\s|$)/.test(words)) return false;
  return YES_CORE.test(words) && words.split(/\s+/).every((w) => YES_WORDS.has(w));
}

/** Phrases that make a message a question rather than an answer (folded, matched as whole words). */
const QUESTION_PHRASES = [
  "la gi", "bao nhieu", "nhu the nao", "the nao", "co duoc khong", "duoc khong", "o dau", "khi nao", "bao gio",
  "tai sao", "vi sao", "lam sao", "lam the nao", "can nhung gi", "gom nhung gi", "nhung gi", "can gi", "phai khong",
  "co phai", "hay khong", "co can", "co bat buoc", "ai duoc",
];
const QUESTION_STARTS = /^(what|how|when|where|why|which|who|can i|can we|do i|do we|does|is it|is there|are there|should)\b/;
const QUESTION_PATTERN = new RegExp(`(?:^|\\s)(?:${QUESTION_PHRASES.join("|")})(?:\\s|$)`);

/** "Ngày thành lập là gì?", "nộp hồ sơ ở đâu", "how long must the product be on sale" … */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.endsWith("?") || t.endsWith("？")) return true;
  const f = fold(t);
  if (QUESTION_STARTS.test(f) || QUESTION_PATTERN.test(f)) return true;
  // "có … không" is the usual yes/no question.
  return /^(?:co|lieu co|cho hoi co)\s.+\skhong$/.test(f);
}
