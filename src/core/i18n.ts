import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { esc, type Markup } from "./markup.js";
import { LOCALES, type Locale } from "./types.js";

/** A value that is already markup (a list we built, a formatted block) and must not be escaped again. */
export interface RawMarkup {
  readonly raw: Markup;
}
export function raw(m: Markup): RawMarkup {
  return { raw: m };
}

/** Strings are escaped before they reach Fluent; numbers are formatted by Fluent (1.200 in vi). */
export type MessageArgs = Record<string, string | number | RawMarkup>;

/** A user-facing text identified by its key; errors users can cause are returned as these. */
export interface MessageRef {
  key: string;
  args?: MessageArgs;
}

export interface Translator {
  readonly locales: readonly Locale[];
  t(locale: Locale, key: string, args?: MessageArgs): Markup;
  has(locale: Locale, key: string): boolean;
  keys(locale: Locale): string[];
}

export class LocaleError extends Error {}

/**
 * Loads `locales/<locale>/*.ftl` into one Fluent bundle per locale. A file with a syntax error
 * or a key defined twice stops the start with the file's name.
 */
export function loadTranslator(localesDir: string, onMissing: (msg: string) => void = () => {}): Translator {
  const bundles = new Map<Locale, FluentBundle>();
  for (const locale of LOCALES) {
    const dir = path.join(localesDir, locale);
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".ftl"))
      .sort();
    for (const file of files) {
      const full = path.join(dir, file);
      const resource = new FluentResource(readFileSync(full, "utf8"));
      // FluentResource skips broken entries silently; count entries to notice them.
      const junk = /^[a-z][a-z0-9-]*\s*=|^-[a-z][a-z0-9-]*\s*=/gm;
      const declared = (readFileSync(full, "utf8").match(junk) ?? []).length;
      if (resource.body.length !== declared) {
        throw new LocaleError(`${full}: ${declared - resource.body.length} entr(ies) could not be parsed`);
      }
      const errors = bundle.addResource(resource);
      if (errors.length) throw new LocaleError(`${full}: ${errors.map((e) => e.message).join("; ")}`);
    }
    bundles.set(locale, bundle);
  }

  const format = (locale: Locale, key: string, args?: MessageArgs): Markup | null => {
    const bundle = bundles.get(locale);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) return null;
    const fluentArgs: Record<string, FluentVariable> = {};
    for (const [name, value] of Object.entries(args ?? {})) {
      fluentArgs[name] = typeof value === "string" ? esc(value) : typeof value === "number" ? value : value.raw;
    }
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, fluentArgs, errors);
    if (errors.length) onMissing(`${locale}:${key}: ${errors.map((e) => e.message).join("; ")}`);
    return text as Markup;
  };

  return {
    locales: LOCALES,
    t(locale, key, args) {
      const text = format(locale, key, args) ?? format("vi", key, args);
      if (text === null) {
        onMissing(`missing message ${key}`);
        return esc(key);
      }
      return text;
    },
    has(locale, key) {
      return Boolean(bundles.get(locale)?.getMessage(key)?.value);
    },
    keys(locale) {
      return [...(bundles.get(locale)?._messages.keys() ?? [])];
    },
  };
}
