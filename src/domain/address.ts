import { z } from "zod";
import type { MessageRef } from "../core/i18n.js";
import type { VnProvince } from "./vn-province.js";
import { fail, ok, type Parsed } from "./result.js";
import { fold, tidy } from "./text.js";

export const ADDRESS_EXAMPLE = "Phường Trấn Biên, Đồng Nai";

/**
 * An address under two-tier local government (since 1/7/2025: province → xã/phường/đặc khu).
 * An older address with a district (quận/huyện/thị xã) or a merged province is kept as text and
 * marked `legacy`; its province is mapped to today's.
 */
export const addressSchema = z.object({
  /** Everything as typed (spaces tidied). */
  text: z.string().min(1).max(300),
  /** The xã/phường/đặc khu part as typed, e.g. "Phường Trấn Biên"; null if not told. */
  commune: z.string().min(1).max(120).nullable(),
  /** Folded commune for grouping ("phuong tran bien"), so "Trấn Biên" and "tran bien" count together. */
  communeKey: z.string().min(1).max(120).nullable(),
  /** Today's province or city, e.g. "Đồng Nai"; null if not told and no default. */
  province: z.string().min(1).nullable(),
  legacy: z.boolean(),
});
export type Address = z.infer<typeof addressSchema>;

const key = (s: string) => fold(s).replace(/[-–.]/g, " ").replace(/\s+/g, " ").trim();
const PROVINCE_PREFIX = /^(?:tinh|thanh pho|tp|t p)\s+/;
const COMMUNE_PREFIX = /^(?:xa|phuong|dac khu|p\.|x\.)\s*\S/;
/** The English way: "Hiep Phuoc commune", "Tran Bien ward", "Ward 5", "Phu Quoc special zone". */
const COMMUNE_ENGLISH = /^(?:\S.*\s(?:commune|ward|special zone)|(?:commune|ward)\s+\S+)$/;
const DISTRICT_PREFIX = /^(?:quan|huyen|thi xa|thanh pho|tp|thi tran|q\.|h\.|tx\.|tt\.)\s*\S/;
const DISTRICT_ENGLISH = /^(?:\S.*\s(?:district|town|township)|district\s+\S+)$/;
/** An industrial park or cluster locates an enterprise as well as a commune does: "KCN Nhơn Trạch 3", "Nhon Trach 3 Industrial Park". */
const INDUSTRIAL_PARK = /(?:^|\s)(?:kcn|ccn|khu cong nghiep|cum cong nghiep|khu che xuat|kcx|industrial (?:park|zone|estate|cluster)|export processing zone|ip|iz)(?:\s|$)/;
const PROVINCE_ENGLISH = /\s+(?:province|city|prov\.?)$/;
const COUNTRY = new Set(["viet nam", "vietnam", "vn"]);

interface ProvinceIndex {
  get(part: string): { name: string; old: boolean } | undefined;
}
const indexes = new WeakMap<readonly VnProvince[], ProvinceIndex>();

function provinceIndex(provinces: readonly VnProvince[]): ProvinceIndex {
  const cached = indexes.get(provinces);
  if (cached) return cached;
  const map = new Map<string, { name: string; old: boolean }>();
  for (const p of provinces) {
    for (const alias of [p.name, ...p.aliases]) map.set(key(alias), { name: p.name, old: false });
    for (const old of p.mergedFrom) map.set(key(old), { name: p.name, old: true });
  }
  const index: ProvinceIndex = {
    get(part) {
      const k = key(part);
      return map.get(k) ?? map.get(k.replace(PROVINCE_PREFIX, ""));
    },
  };
  indexes.set(provinces, index);
  return index;
}

/** Is this part of an address a province or city (today's or a merged one)? */
export function provinceOf(part: string, provinces: readonly VnProvince[]): { name: string; old: boolean } | undefined {
  return provinceIndex(provinces).get(part);
}

/**
 * Reads "Phường Trấn Biên, Đồng Nai", "123 Phạm Văn Thuận, phuong tran bien, tinh dong nai" or an
 * old "KP 3, P. Tân Phong, TP Biên Hòa, Đồng Nai". Without a province, `defaultProvince` (the
 * bot's own) is assumed and the user is told so.
 */
export function parseAddress(input: string, provinces: readonly VnProvince[], defaultProvince: string | null): Parsed<Address> {
  const text = tidy(input.normalize("NFKC"));
  if (text.length < 4 || !/\p{L}/u.test(text)) return fail("val-address-short", { example: ADDRESS_EXAMPLE });
  if (text.length > 300) return fail("val-address-long", { max: 300, example: ADDRESS_EXAMPLE });
  const parts = text.split(/\s*[,;\n]\s*/).filter((p) => p !== "");
  let province: string | null = null;
  let commune: string | null = null;
  let legacy = false;
  let park = false;
  for (const part of parts) {
    const folded = fold(part);
    if (COUNTRY.has(key(part))) continue;
    const found = provinceOf(part, provinces) ?? provinceOf(folded.replace(PROVINCE_ENGLISH, ""), provinces);
    if (found) {
      province = found.name;
      legacy ||= found.old;
      continue;
    }
    if (COMMUNE_PREFIX.test(folded) || COMMUNE_ENGLISH.test(folded)) {
      commune ??= part;
      continue;
    }
    if (DISTRICT_PREFIX.test(folded) || DISTRICT_ENGLISH.test(folded)) legacy = true;
    if (INDUSTRIAL_PARK.test(folded)) park = true;
  }
  if (commune === null && !legacy && !(park && province !== null)) return fail("val-address-commune", { example: ADDRESS_EXAMPLE });
  let note: MessageRef | undefined;
  if (province === null && defaultProvince !== null) {
    province = defaultProvince;
    note = { key: "val-address-assumed-province", args: { province: defaultProvince } };
  }
  return ok({ text, commune, communeKey: commune ? key(commune) : null, province, legacy }, note);
}
