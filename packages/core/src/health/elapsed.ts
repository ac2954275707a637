/** Milliseconds since `started`, to one decimal, as reported in `latency_ms`. */
export function elapsedMs(started: number, now: number = performance.now()): number {
  return Math.round((now - started) * 10) / 10;
}
