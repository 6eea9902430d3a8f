// The last run's fetch timings (extensions.queryPlan.timings, written by the gateway's FetchTimings):
// {"totalMs", "fetches": [{"id", "serviceName", "startMs", "durationMs", "status", "outcome"}]}, looked up by the
// plan's fetch ids. A fetch that ran more than once (a subscription's events) keeps its last run.
export function indexTimings(timings) {
  if (!timings || !Array.isArray(timings.fetches)) {
    return null;
  }
  const byId = new Map();
  for (const fetch of timings.fetches) {
    byId.set(fetch.id, fetch);
  }
  return { totalMs: timings.totalMs, byId, fetches: timings.fetches };
}

// "0.4 ms", "12 ms", "1.25 s".
export function formatMs(ms) {
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(2)} s`;
  }
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

// The slowest fetch of the run, or null.
export function slowest(index) {
  if (!index || index.fetches.length === 0) {
    return null;
  }
  return index.fetches.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
}
