import type { SubmissionFilter } from "../../repositories.js";
import { escapeLike } from "../context.js";

/** SQL conditions for a filter; values are appended to `values` ($n placeholders). Every condition given must hold. */
export function filterConditions(filter: SubmissionFilter, values: unknown[]): string[] {
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  if (filter.programme !== undefined) conditions.push(`programme = ${param(filter.programme)}`);
  if (filter.year !== undefined) conditions.push(`award_year = ${param(filter.year)}::int`);
  if (filter.statuses !== undefined) conditions.push(`status = ANY(${param([...filter.statuses])}::text[])`);
  if (filter.notStatuses !== undefined) conditions.push(`NOT (status = ANY(${param([...filter.notStatuses])}::text[]))`);
  if (filter.sectorGroup !== undefined) conditions.push(`sector_group = ${param(filter.sectorGroup)}`);
  if (filter.communeKey !== undefined) conditions.push(`commune_key = ${param(filter.communeKey)}`);
  // code is COLLATE "C": a prefix LIKE is a range of the primary key's index.
  if (filter.codePrefix !== undefined) conditions.push(`code LIKE ${param(`${escapeLike(filter.codePrefix)}%`)}`);
  return conditions;
}

export const whereClause = (conditions: readonly string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");
