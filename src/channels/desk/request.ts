import type { App } from "../../app.js";
import type { Audience } from "../../core/feature.js";
import type { MessageArgs } from "../../core/i18n.js";
import type { Markup } from "../../core/markup.js";
import type { Locale } from "../../core/types.js";
import type { Ctx } from "../../flows/context.js";
import type { DeskOfficial } from "../../services/desk-auth.js";
import type { Html } from "./html.js";

/** One request of a signed-in official, as a page sees it. The role in `official` was read from the store for this request. */
export interface DeskRequest {
  readonly app: App;
  readonly now: Date;
  readonly url: URL;
  /** The path under /desk (`/dossiers/GT-2026-0001`). */
  readonly path: string;
  readonly locale: Locale;
  readonly official: DeskOfficial & { via: "web" };
  /** The fields of a POSTed form (empty for a GET); its CSRF token was checked already. */
  readonly form: URLSearchParams;
  /** The official as a turn context, for the renderers and services the bot's desk uses (same texts, same rules). */
  readonly ctx: Ctx;
  t(key: string, args?: MessageArgs): Markup;
  /** Plain text of a message (titles, attributes, option labels). */
  text(key: string, args?: MessageArgs): string;
}

export type DeskResult =
  | { kind: "page"; title: string; body: Html; status?: number; nav?: string }
  | { kind: "redirect"; to: string }
  | { kind: "file"; name: string; mime: string; bytes: Uint8Array; inline?: boolean };

/**
 * A page (or form action) of the desk: one file per page under pages/, listed in pages/index.ts.
 * `path` is under /desk: exact, or a prefix ending in `/*`. The audience is checked on the server
 * for every request, before `handle`; a page with `nav` is listed in the navigation.
 */
export interface DeskPage {
  method: "GET" | "POST";
  path: string;
  audience: Exclude<Audience, "everyone">;
  nav?: { id: string; labelKey: string };
  handle(req: DeskRequest): Promise<DeskResult> | DeskResult;
}

export const page = (title: string, body: Html, nav?: string, status?: number): DeskResult => ({ kind: "page", title, body, ...(nav ? { nav } : {}), ...(status ? { status } : {}) });
export const redirect = (to: string): DeskResult => ({ kind: "redirect", to });
