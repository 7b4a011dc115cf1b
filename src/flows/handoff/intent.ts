import { foldForSearch } from "../../knowledge/fold.js";

/**
 * What a user writes to ask for a person, folded like every question (no diacritics, lower
 * case): "gặp cán bộ", "hỏi người thật", "nói chuyện với cán bộ", "talk to a person"…
 */
const PHRASES = [
  "gap can bo",
  "hoi can bo",
  "gap nguoi that",
  "hoi nguoi that",
  "noi chuyen voi can bo",
  "noi chuyen voi nguoi that",
  "chuyen cho can bo",
  "gap nhan vien",
  "talk to a person",
  "talk to a human",
  "speak to a person",
  "speak to a human",
  "talk to an official",
  "real person",
  "human agent",
];

/** The wish, and what else the message says (a question typed with it is passed on as it is). */
export function personWish(text: string): { wanted: boolean; rest: string } {
  const folded = ` ${foldForSearch(text)} `;
  const phrase = PHRASES.find((p) => folded.includes(` ${p} `));
  if (!phrase) return { wanted: false, rest: "" };
  return { wanted: true, rest: folded.replace(` ${phrase} `, " ").trim() };
}
