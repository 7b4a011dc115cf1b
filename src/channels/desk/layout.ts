import type { Locale } from "../../core/types.js";
import { h, type Html } from "./html.js";

export interface NavEntry {
  id: string;
  href: string;
  label: string;
}

export interface Shell {
  locale: Locale;
  title: string;
  /** The app's name in the header. */
  brand: string;
  nav: readonly NavEntry[];
  active?: string | undefined;
  /** Signed in: the sign-out form (with the session's CSRF token) and the language switch. */
  session?: { csrf: string; signOut: string; who: string; otherLanguage: { href: string; label: string } };
  body: Html;
}

/** The one page shell: header, navigation, main. Phone first; the CSS widens it on a laptop. */
export function layout(s: Shell): Html {
  return h`<!doctype html>
<html lang="${s.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${s.title} · ${s.brand}</title>
<link rel="stylesheet" href="/desk/assets/desk.css">
<script src="/desk/assets/desk.js" defer></script>
</head>
<body>
<header class="top">
<span class="brand">${s.brand}</span>
${s.session
  ? h`<nav aria-label="${s.brand}"><ul>${s.nav.map((n) => h`<li><a href="${n.href}"${n.id === s.active ? h` aria-current="page"` : ""}>${n.label}</a></li>`)}</ul></nav>
<div class="who"><span>${s.session.who}</span>
<a href="${s.session.otherLanguage.href}" lang="${s.locale === "vi" ? "en" : "vi"}">${s.session.otherLanguage.label}</a>
<form method="post" action="/desk/logout"><input type="hidden" name="csrf" value="${s.session.csrf}"><button type="submit">${s.session.signOut}</button></form></div>`
  : ""}
</header>
<main id="main">
<h1>${s.title}</h1>
${s.body}
</main>
</body>
</html>
`;
}
