import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { App } from "../../app.js";
import { allowed } from "../../core/feature.js";
import { toPlainText } from "../../core/markup.js";
import type { Locale } from "../../core/types.js";
import { deskAssetsDir } from "../../paths.js";
import type { DeskOfficial, RedeemRefusal } from "../../services/desk-auth.js";
import { readBody, type Route } from "../shared/http.js";
import { clientAddress, createRateLimiter } from "../shared/rate-limit.js";
import { deskContext } from "./context.js";
import { h, htmlText, type Html } from "./html.js";
import { layout, type NavEntry } from "./layout.js";
import { personName } from "../../flows/officials/case-view.js";
import { deskPages } from "./pages/index.js";
import type { DeskPage, DeskRequest, DeskResult } from "./request.js";

const SESSION_COOKIE = "nscl_desk";
const LANGUAGE_COOKIE = "nscl_desk_lang";
const MAX_FORM_BYTES = 64 * 1024;
/** Bad or replayed sign-in links per client address: more than this in the window and every sign-in from it is refused for a while. */
const BAD_LINKS = { requests: 5, windowMs: 15 * 60_000 };

const ASSETS: Record<string, { mime: string; body: Buffer }> = {
  "desk.css": { mime: "text/css; charset=utf-8", body: readFileSync(path.join(deskAssetsDir, "desk.css")) },
  "desk.js": { mime: "text/javascript; charset=utf-8", body: readFileSync(path.join(deskAssetsDir, "desk.js")) },
};

const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export interface DeskOptions {
  clock?: () => Date;
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function matches(page: DeskPage, pathname: string): boolean {
  return page.path.endsWith("/*") ? pathname.startsWith(page.path.slice(0, -1)) : pathname === page.path;
}

/**
 * The officials' web desk under /desk (README, "The officials' web desk"): server-rendered pages
 * over the same services and rules as the bot's desk. Every request is checked here: the session
 * (by a hash in the store), the official's role read again, the page's audience, and on a POST
 * the form's CSRF token. Pages are one file each under pages/.
 */
export function createDesk(app: App, options: DeskOptions = {}): { routes: Route[] } {
  const clock = options.clock ?? (() => new Date());
  const auth = app.services.deskAuth;
  const https = app.services.desk.publicUrl.startsWith("https://");
  const badLinks = createRateLimiter(BAD_LINKS.requests, BAD_LINKS.windowMs);
  const brand = (locale: Locale) => toPlainText(app.translator.t(locale, "dw-brand"));
  const text = (locale: Locale, key: string, args?: Parameters<App["translator"]["t"]>[2]) => toPlainText(app.translator.t(locale, key, args));

  /** When each request began: the server's time for it goes out in a Server-Timing header (the browser's developer tools and the bench read it). */
  const began = new WeakMap<ServerResponse, number>();
  const send = (res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: string | Uint8Array) => {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    const timing = began.has(res) ? { "server-timing": `app;dur=${(performance.now() - began.get(res)!).toFixed(1)}` } : {};
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers, ...timing, "content-length": String(bytes.length) });
    res.end(bytes);
  };
  const sendHtml = (res: ServerResponse, status: number, page: Html, headers: Record<string, string | string[]> = {}) =>
    send(res, status, { "content-type": "text/html; charset=utf-8", ...headers }, htmlText(page));
  const redirectTo = (res: ServerResponse, to: string, headers: Record<string, string | string[]> = {}) => send(res, 303, { location: to, ...headers }, "");
  /** A plain page for anyone not signed in: what happened, and how to get a link. */
  const refusal = (res: ServerResponse, status: number, locale: Locale, key: string, headers: Record<string, string | string[]> = {}, titleKey = "dw-refused-title") =>
    sendHtml(res, status, layout({ locale, title: text(locale, titleKey), brand: brand(locale), nav: [], body: h`<p class="refused">${text(locale, key)}</p>` }), headers);
  /** A browser-session cookie (the server ends the session after 8 hours idle); `clear` removes it. */
  const sessionCookie = (value: string, clear = false) =>
    `${SESSION_COOKIE}=${value}; Path=/desk; HttpOnly; SameSite=Strict${clear ? "; Max-Age=0" : ""}${https ? "; Secure" : ""}`;
  const localeOf = (req: IncomingMessage): Locale => {
    const chosen = cookieOf(req, LANGUAGE_COOKIE);
    return chosen === "vi" || chosen === "en" ? chosen : app.config.DEFAULT_LOCALE;
  };
  const addressOf = (req: IncomingMessage) => clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], app.config.WEB_TRUSTED_PROXY);

  const readForm = async (req: IncomingMessage): Promise<URLSearchParams | null> => {
    if (!/^application\/x-www-form-urlencoded[ \t]*(;|$)/i.test(req.headers["content-type"] ?? "")) return null;
    return new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString("utf8"));
  };

  async function login(req: IncomingMessage, res: ServerResponse, url: URL, locale: Locale): Promise<void> {
    const address = addressOf(req);
    if (limited.has(address) && limited.get(address)! > Date.now()) {
      app.log.warn("desk: sign-in refused, too many bad links", { address });
      refusal(res, 429, locale, "dw-link-too-many");
      return;
    }
    const now = clock();
    if (req.method === "GET") {
      const token = url.searchParams.get("t") ?? "";
      const check = await auth.inspect(token, now);
      if (!check.ok) return noteBad(req, res, locale, check.reason);
      // One more step (a POST): a link preview fetching the link uses nothing.
      const body = h`<form method="post" action="/desk/login" data-autosubmit><input type="hidden" name="t" value="${token}">
<p>${text(locale, "dw-login-continue-text")}</p><button type="submit">${text(locale, "dw-login-continue")}</button></form>`;
      sendHtml(res, 200, layout({ locale, title: text(locale, "dw-login-title"), brand: brand(locale), nav: [], body }));
      return;
    }
    const form = await readForm(req);
    const redeemed = await auth.redeem(form?.get("t") ?? "", now);
    if (!redeemed.ok) return noteBad(req, res, locale, redeemed.reason);
    app.log.info("desk: signed in", { user: redeemed.userKey });
    redirectTo(res, "/desk/dossiers", { "set-cookie": sessionCookie(redeemed.session) });
  }

  /** Bad links per address in a sliding window; past the limit the address waits out the window. */
  const limited = new Map<string, number>();
  function noteBad(req: IncomingMessage, res: ServerResponse, locale: Locale, reason: RedeemRefusal): void {
    const address = addressOf(req);
    const now = Date.now();
    if (badLinks.over(address, now)) {
      // Addresses whose wait is over are forgotten as others are added: the map stays small.
      for (const [a, until] of limited) if (until <= now) limited.delete(a);
      limited.set(address, now + BAD_LINKS.windowMs);
    }
    app.log.warn("desk: sign-in link refused", { reason, address });
    refusal(res, reason === "expired" ? 410 : 403, locale, `dw-link-${reason}`);
  }

  const nav = (locale: Locale, role: DeskOfficial["role"]): NavEntry[] =>
    deskPages.filter((p) => p.nav && p.method === "GET" && allowed(p.audience, role)).map((p) => ({ id: p.nav!.id, href: `/desk${p.path}`, label: text(locale, p.nav!.labelKey) }));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    began.set(res, performance.now());
    const url = new URL(req.url ?? "/", "http://localhost");
    const sub = url.pathname.slice("/desk".length) || "/";
    const locale = localeOf(req);
    if (req.method === "GET" && sub.startsWith("/assets/")) {
      const asset = ASSETS[sub.slice("/assets/".length)];
      if (!asset) return refusal(res, 404, locale, "dw-not-found");
      return send(res, 200, { "content-type": asset.mime, "cache-control": "public, max-age=3600" }, asset.body);
    }
    if (sub === "/login") return login(req, res, url, locale);
    if (sub === "/signed-out" && req.method === "GET") return refusal(res, 200, locale, "dw-signed-out", {}, "dw-signed-out-title");
    if (sub === "/lang" && req.method === "GET") {
      const to = url.searchParams.get("to") === "en" ? "en" : "vi";
      const back = url.searchParams.get("back") ?? "";
      return redirectTo(res, /^\/desk\/[A-Za-z0-9\-/?=&%._~+]*$/.test(back) ? back : "/desk/dossiers", {
        "set-cookie": `${LANGUAGE_COOKIE}=${to}; Path=/desk; SameSite=Strict; Max-Age=31536000${https ? "; Secure" : ""}`,
      });
    }

    // Everything else: a signed-in official, whose role is read again now.
    const now = clock();
    const cookie = cookieOf(req, SESSION_COOKIE);
    const official = cookie ? await auth.check(cookie, now) : null;
    if (!official) {
      if (cookie) app.log.warn("desk: session refused", { address: addressOf(req), path: sub });
      return refusal(res, 401, locale, "dw-sign-in-first", cookie ? { "set-cookie": sessionCookie("", true) } : {});
    }
    if (sub === "/") return redirectTo(res, "/desk/dossiers");

    let form = new URLSearchParams();
    if (req.method === "POST") {
      const parsed = await readForm(req);
      const token = parsed?.get("csrf") ?? "";
      if (!parsed || !auth.csrfMatches(official, token)) {
        app.log.warn("desk: form refused without its CSRF token", { user: official.userKey, path: sub });
        return refusal(res, 403, locale, "dw-csrf");
      }
      form = parsed;
    }
    if (sub === "/logout" && req.method === "POST") {
      await auth.signOut(official.userKey);
      return redirectTo(res, "/desk/signed-out", { "set-cookie": sessionCookie("", true) });
    }

    const candidates = deskPages.filter((p) => matches(p, sub));
    const target = candidates.find((p) => p.method === req.method);
    if (!target) return refusal(res, candidates.length ? 405 : 404, locale, "dw-not-found");
    if (!allowed(target.audience, official.role)) {
      app.log.warn("desk: page refused for the role", { user: official.userKey, path: sub });
      return refusal(res, 403, locale, "dw-not-allowed");
    }
    const ctx = deskContext(app, official, locale, now);
    const request: DeskRequest = {
      app,
      now,
      url,
      path: sub,
      locale,
      official: { ...official, via: "web" },
      form,
      ctx,
      t: (key, args) => app.translator.t(locale, key, args),
      text: (key, args) => text(locale, key, args),
    };
    const result: DeskResult = await target.handle(request);
    switch (result.kind) {
      case "redirect":
        return redirectTo(res, result.to);
      case "file":
        return send(
          res,
          200,
          {
            "content-type": result.mime,
            "content-disposition": `${result.inline ? "inline" : "attachment"}; filename="${result.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(result.name)}`,
          },
          result.bytes,
        );
      case "page": {
        const back = `${url.pathname}${url.search}`;
        const other: Locale = locale === "vi" ? "en" : "vi";
        // A name, never the account id (as the bot's desk shows people).
        const who = personName(ctx, official.userKey, official.role, await app.services.users.names([official.userKey]));
        const shell = layout({
          locale,
          title: result.title,
          brand: brand(locale),
          nav: nav(locale, official.role),
          active: result.nav,
          session: {
            csrf: official.csrf,
            signOut: text(locale, "dw-sign-out"),
            who: text(locale, "dw-signed-in-as", { who, role: text(locale, `export-role-${official.role}`) }),
            otherLanguage: { href: `/desk/lang?to=${other}&back=${encodeURIComponent(req.method === "GET" ? back : "/desk/dossiers")}`, label: text(locale, "dw-other-language") },
          },
          body: result.body,
        });
        return sendHtml(res, result.status ?? 200, shell);
      }
    }
  }

  return {
    routes: [
      { method: "GET", path: "/desk", handle: (_req, res) => redirectTo(res, "/desk/dossiers") },
      { method: "GET", path: "/desk/*", handle },
      { method: "POST", path: "/desk/*", handle },
    ],
  };
}
