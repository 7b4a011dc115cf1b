/**
 * Enterprise size under NĐ 80/2021/NĐ-CP, Điều 5 (domain.md §5.3). A class applies when the
 * employees (LĐ, paying social insurance) are within its limit AND the revenue (DT) OR the total
 * capital (NV) is within its limit; the smallest class met wins. None met: not an SME ("large").
 */
export const SIZE_CLASSES = ["micro", "small", "medium", "large"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** NĐ 80's two sector groups: agriculture/forestry/fishery + industry/construction, or trade/services. */
export type SizeSector = "industry" | "trade-services";

const TY = 1e9;
interface Limit {
  employees: number;
  revenue: number;
  capital: number;
}
const LIMITS: Record<SizeSector, Record<Exclude<SizeClass, "large">, Limit>> = {
  industry: {
    micro: { employees: 10, revenue: 3 * TY, capital: 3 * TY },
    small: { employees: 100, revenue: 50 * TY, capital: 20 * TY },
    medium: { employees: 200, revenue: 200 * TY, capital: 100 * TY },
  },
  "trade-services": {
    micro: { employees: 10, revenue: 10 * TY, capital: 3 * TY },
    small: { employees: 50, revenue: 100 * TY, capital: 50 * TY },
    medium: { employees: 100, revenue: 300 * TY, capital: 100 * TY },
  },
};

export interface SizeInput {
  sector: SizeSector;
  employees: number;
  revenueVnd: number | null;
  capitalVnd: number | null;
}

/** null when neither revenue nor capital is known (the class cannot be told). */
export function sizeClassOf(input: SizeInput): SizeClass | null {
  if (input.revenueVnd === null && input.capitalVnd === null) return null;
  for (const cls of ["micro", "small", "medium"] as const) {
    const limit = LIMITS[input.sector][cls];
    const money =
      (input.revenueVnd !== null && input.revenueVnd <= limit.revenue) || (input.capitalVnd !== null && input.capitalVnd <= limit.capital);
    if (input.employees <= limit.employees && money) return cls;
  }
  return "large";
}
