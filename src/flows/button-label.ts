/** Button labels are plain text and shown on one line: long questions are cut at a word. */
export function buttonLabel(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.?]+$/, "")}…`;
}
