import { describeProbeError } from "./describe-probe-error";
import type { HealthCheck } from "./health-check";
import { withDeadline } from "./with-deadline";

export type Probe = () => Promise<HealthCheck>;

/**
 * Runs every probe at once and collects one check per name. A probe that throws or overruns
 * `timeoutMs` becomes a `down` check, so one stuck dependency cannot hang a health endpoint.
 */
export async function runChecks(
  probes: Readonly<Record<string, Probe>>,
  timeoutMs: number,
): Promise<Record<string, HealthCheck>> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      const check = await settle(probe, timeoutMs);
      return [name, check] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function settle(probe: Probe, timeoutMs: number): Promise<HealthCheck> {
  try {
    return await withDeadline(probe(), timeoutMs);
  } catch (error) {
    return { status: "down", error: describeProbeError(error) };
  }
}
