import { fold } from "../../domain/text.js";

/** Words typed instead of pressing a button (Zalo, the terminal, habit), compared folded. */
const words = (...list: string[]) => new Set(list);
export const YES = words("dong y", "toi dong y", "co", "vang", "yes", "ok", "oke", "agree", "i agree", "y", "co huy");
export const NO = words("khong", "khong dong y", "ko", "k", "no", "disagree", "khong huy", "n");
export const BACK = words("quay lai", "tro lai", "lui lai", "back", "go back");
export const SKIP = words("bo qua", "skip");
export const DONE = words("xong", "da xong", "xong roi", "het", "done", "finish", "finished");
export const SUBMIT = words("gui", "gui dang ky", "gui di", "xac nhan", "nop", "submit", "send", "confirm");
export const NONE = words("khong co", "chua co", "khong", "chua", "none", "no", "nothing", "khong co gi");
export const RESTART = words("bat dau lai", "lam lai", "dang ky lai", "restart", "start over");

export function is(set: ReadonlySet<string>, text: string): boolean {
  return set.has(fold(text).replace(/[.!]+$/, ""));
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
