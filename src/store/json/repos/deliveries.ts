import { foldDeliveries, type DeliveryEntry, type Recipient, type SkipReason } from "../../../domain/records/delivery.js";
import { zeroCounts, type FinalResult } from "../../../domain/records/broadcast-job.js";
import type { Claim, DeliveriesRepository, DeliverySummary, RecipientDump } from "../../repositories.js";
import type { AppendLog } from "../append-log.js";
import type { JsonUnit } from "../unit.js";
import type { JsonContext } from "./context.js";

/** Sends in flight found when a job's file is read at start belong to the process that wrote it, which is gone. */
const PREVIOUS_RUN = "previous-run";

interface JobRun {
  recipients: Recipient[];
  skip: (SkipReason | null)[];
  final: (FinalResult | null)[];
  tries: number[];
  errors: number[];
  /** index → instance that sent it. */
  inFlight: Map<number, string>;
  /** index → when it may be sent again (ms). */
  retryAt: Map<number, number>;
  /** Next index never looked at in this process. */
  cursor: number;
}

/**
 * Delivery records in the job's own append-only file (see domain/records/delivery.ts for
 * the lines), with the job's state kept in memory once read: the JSON backend is one process, so
 * claiming a recipient is a step of that process; a line per step goes to the file with the unit.
 */
export function jsonDeliveries(ctx: JsonContext, log: AppendLog<DeliveryEntry>): DeliveriesRepository {
  const runs = new Map<string, Promise<{ run: JobRun | null; hasLines: boolean }>>();

  const read = (job: string) => {
    let found = runs.get(job);
    if (!found) {
      found = log.read(job).then((entries) => {
        const state = foldDeliveries(entries);
        if (!state.recipients) return { run: null, hasLines: entries.length > 0 };
        const run: JobRun = {
          recipients: state.recipients,
          skip: skipsOf(entries, state.recipients.length),
          final: state.final,
          tries: state.tries,
          errors: state.errors,
          inFlight: new Map(state.inFlight.map((i) => [i, PREVIOUS_RUN])),
          retryAt: new Map(),
          cursor: 0,
        };
        return { run, hasLines: true };
      });
      runs.set(job, found);
    }
    return found;
  };

  const write = (unit: JsonUnit, entry: DeliveryEntry) => log.append(entry, unit);
  /** Runs `undo` if the unit fails (the lines are then not written either). */
  const onFail = (unit: JsonUnit, undo: () => void) => unit.onSettle((committed) => !committed && undo());

  const summaryOf = (run: JobRun): DeliverySummary => {
    const counts = zeroCounts();
    let waiting = 0;
    run.final.forEach((f, i) => {
      if (f) counts[f]++;
      else if (!run.inFlight.has(i)) waiting++;
    });
    return { total: run.recipients.length, skippedAtListing: run.skip.filter((s) => s !== null).length, counts, waiting, inFlight: run.inFlight.size };
  };

  const settleIn = (unit: JsonUnit, job: string, run: JobRun, index: number, result: FinalResult, at: Date, detail?: string) => {
    const before = { final: run.final[index]!, inFlight: run.inFlight.get(index), retry: run.retryAt.get(index) };
    write(unit, { k: "end", job, i: index, r: result, at: at.toISOString(), ...(detail ? { d: detail.slice(0, 300) } : {}) });
    run.final[index] = result;
    run.inFlight.delete(index);
    run.retryAt.delete(index);
    onFail(unit, () => {
      run.final[index] = before.final;
      if (before.inFlight !== undefined) run.inFlight.set(index, before.inFlight);
      if (before.retry !== undefined) run.retryAt.set(index, before.retry);
    });
  };

  const need = async (job: string): Promise<JobRun> => {
    const { run } = await read(job);
    if (!run) throw new Error(`broadcast ${job}: recipients not listed`);
    return run;
  };

  return {
    async summary(job) {
      const { run } = await read(job);
      return run ? summaryOf(run) : null;
    },
    async list(job, recipients) {
      const unit = ctx.unit(`deliveries[${job}]`);
      const previous = await read(job);
      // A list cut short by a crash is started over.
      if (previous.hasLines) write(unit, { k: "reset", job });
      recipients.forEach((r, i) => write(unit, { k: "to", job, i, ch: r.ch, id: r.id, loc: r.loc, ...(r.codes ? { codes: r.codes } : {}), ...(r.skip ? { skip: r.skip } : {}) }));
      write(unit, { k: "listed", job, n: recipients.length });
      const run: JobRun = {
        recipients: recipients.map(({ skip: _skip, ...r }) => r),
        skip: recipients.map((r) => r.skip ?? null),
        final: recipients.map((r) => r.skip ?? null),
        tries: recipients.map(() => 0),
        errors: recipients.map(() => 0),
        inFlight: new Map(),
        retryAt: new Map(),
        cursor: 0,
      };
      const mine = Promise.resolve({ run, hasLines: true });
      runs.set(job, mine);
      onFail(unit, () => {
        if (runs.get(job) === mine) runs.set(job, Promise.resolve(previous));
      });
      return summaryOf(run);
    },
    async claim(job, now, instance): Promise<Claim> {
      const { run } = await read(job);
      if (!run) return { kind: "none" };
      const unit = ctx.unit(`deliveries[${job}]`);
      const take = (index: number): Claim => {
        const attempt = ++run.tries[index]!;
        run.inFlight.set(index, instance);
        write(unit, { k: "try", job, i: index, n: attempt });
        onFail(unit, () => {
          run.tries[index]!--;
          run.inFlight.delete(index);
          run.retryAt.set(index, 0);
        });
        return { kind: "send", index, recipient: run.recipients[index]!, attempt, errors: run.errors[index]! };
      };
      const t = now.getTime();
      let soonest = Infinity;
      let retry: number | null = null;
      for (const [index, at] of run.retryAt) {
        if (at <= t) retry = retry === null ? index : Math.min(retry, index);
        else soonest = Math.min(soonest, at);
      }
      // The next never tried in order, without passing it yet: a due retry may come first.
      while (run.cursor < run.recipients.length && !(run.final[run.cursor] === null && !run.inFlight.has(run.cursor) && !run.retryAt.has(run.cursor))) run.cursor++;
      const fresh = run.cursor < run.recipients.length ? run.cursor : null;
      // The lowest index due: a retry whose time has come, or the next never tried.
      if (retry !== null && (fresh === null || retry < fresh)) {
        run.retryAt.delete(retry);
        return take(retry);
      }
      if (fresh !== null) {
        run.cursor++;
        return take(fresh);
      }
      return soonest < Infinity ? { kind: "wait", ms: soonest - t } : { kind: "none" };
    },
    async settle(job, index, result, at, detail) {
      const run = await need(job);
      if (run.final[index] !== null) return;
      settleIn(ctx.unit(`deliveries[${job}]`), job, run, index, result, at, detail);
    },
    async again(job, index, attempt, why, retryAt, detail) {
      const run = await need(job);
      if (run.final[index] !== null) return;
      const unit = ctx.unit(`deliveries[${job}]`);
      write(unit, { k: "again", job, i: index, n: attempt, why, ...(detail ? { d: detail.slice(0, 300) } : {}) });
      const before = { inFlight: run.inFlight.get(index), errors: run.errors[index]! };
      run.inFlight.delete(index);
      run.retryAt.set(index, retryAt.getTime());
      if (why === "error") run.errors[index]!++;
      onFail(unit, () => {
        run.retryAt.delete(index);
        run.errors[index] = before.errors;
        if (before.inFlight !== undefined) run.inFlight.set(index, before.inFlight);
      });
    },
    async abandonInFlight(job, live, at) {
      const { run } = await read(job);
      if (!run) return 0;
      const gone = [...run.inFlight].filter(([, instance]) => !live.includes(instance)).map(([index]) => index);
      if (gone.length === 0) return 0;
      const unit = ctx.unit(`deliveries[${job}]`);
      for (const index of gone) settleIn(unit, job, run, index, "uncertain", at, "in flight when the bot stopped");
      return gone.length;
    },
    async dump(job) {
      const { run } = await read(job);
      if (!run) return [];
      return run.recipients.map(
        (r, index): RecipientDump => ({
          ...r,
          index,
          skip: run.skip[index] ?? null,
          final: run.final[index] ?? (run.inFlight.has(index) ? "uncertain" : null),
          tries: run.tries[index]!,
          errors: run.errors[index]!,
        }),
      );
    },
    async restore(job, recipients) {
      const unit = ctx.unit(`deliveries[${job}]`);
      const sorted = [...recipients].sort((a, b) => a.index - b.index);
      for (const r of sorted) write(unit, { k: "to", job, i: r.index, ch: r.ch, id: r.id, loc: r.loc, ...(r.codes ? { codes: r.codes } : {}), ...(r.skip ? { skip: r.skip } : {}) });
      write(unit, { k: "listed", job, n: sorted.length });
      const at = new Date().toISOString();
      for (const r of sorted) {
        if (r.skip) continue;
        // Lines that fold back to the same tries, errors and result (see foldDeliveries).
        if (r.tries > 0) write(unit, { k: "try", job, i: r.index, n: r.tries });
        for (let e = 1; e <= r.errors; e++) write(unit, { k: "again", job, i: r.index, n: Math.max(1, r.tries), why: "error" });
        if (r.final) write(unit, { k: "end", job, i: r.index, r: r.final, at });
        else if (r.tries > 0 && r.errors === 0) write(unit, { k: "again", job, i: r.index, n: r.tries, why: "stopped" });
      }
      runs.delete(job);
      unit.afterCommit(() => runs.delete(job));
    },
    jobs: () => log.files(),
  };
}

/** The skip reason of each listed recipient (the fold keeps only the final results). */
function skipsOf(entries: readonly DeliveryEntry[], n: number): (SkipReason | null)[] {
  let skips: (SkipReason | null)[] = [];
  let listed = false;
  for (const e of entries) {
    if (listed) break;
    if (e.k === "reset") skips = [];
    else if (e.k === "to") skips[e.i] = e.skip ?? null;
    else if (e.k === "listed" && e.n === n) listed = true;
  }
  return Array.from({ length: n }, (_, i) => skips[i] ?? null);
}
