import type { Pool } from "@sovra/db";

import { type Operation, runOwner, runScoped, type Timing } from "./operations";
import type { Sample } from "./seed";

export interface Series {
  scoped: Timing[];
  owner: Timing[];
}

export interface Summary {
  median: number;
  p95: number;
}

export interface RunSettings {
  warmup: number;
  iterations: number;
  log: (line: string) => void;
}

/**
 * Runs scoped and owner transactions in pairs on the same sample, alternating which goes
 * first, so drift (cache, autovacuum, CPU frequency) lands on both variants alike.
 * @throws Error when the variants return different or unexpected row counts.
 */
export async function measure(
  pool: Pool,
  op: Operation,
  samples: readonly Sample[],
  settings: RunSettings,
): Promise<Series> {
  const warm: Series = { scoped: [], owner: [] };
  for (let i = 0; i < settings.warmup; i += 1) {
    await runPair(pool, op, pick(samples, i), i, warm);
  }
  settings.log(`${op.name}: ${settings.warmup} warm-up pairs done`);

  const series: Series = { scoped: [], owner: [] };
  const step = Math.max(1, Math.floor(settings.iterations / 10));
  for (let i = 0; i < settings.iterations; i += 1) {
    await runPair(pool, op, pick(samples, settings.warmup + i), i, series);
    if ((i + 1) % step === 0 || i + 1 === settings.iterations) {
      settings.log(`${op.name}: ${i + 1}/${settings.iterations} pairs`);
    }
  }
  return series;
}

async function runPair(pool: Pool, op: Operation, sample: Sample, i: number, into: Series) {
  const scopedFirst = i % 2 === 0;
  const first = await (scopedFirst ? runScoped : runOwner)(pool, op, sample);
  const second = await (scopedFirst ? runOwner : runScoped)(pool, op, sample);
  const [scoped, owner] = scopedFirst ? [first, second] : [second, first];

  assertRows(op, sample, scoped, owner);
  into.scoped.push(scoped);
  into.owner.push(owner);
}

function assertRows(op: Operation, sample: Sample, scoped: Timing, owner: Timing): void {
  const inRange = scoped.rows >= op.minRows && scoped.rows <= op.maxRows;
  if (scoped.rows !== owner.rows || !inRange) {
    throw new Error(
      `${op.name}: scoped returned ${scoped.rows} rows, owner ${owner.rows} ` +
        `(tenant ${sample.tenantId}); the variants do not read the same data`,
    );
  }
}

function pick(samples: readonly Sample[], i: number): Sample {
  const sample = samples[i % samples.length];
  if (sample === undefined) {
    throw new Error("no samples to measure with");
  }
  return sample;
}

/** Median and 95th percentile (nearest rank) of one field of a series. */
export function summarize(timings: readonly Timing[], field: "totalMs" | "queryMs"): Summary {
  return percentiles(timings.map((t) => t[field]));
}

export function percentiles(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

function percentile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
