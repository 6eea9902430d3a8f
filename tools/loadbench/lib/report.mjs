// Turns a load-benchmark results folder into tables.
//   node report.mjs windows <out dir> <baseline> <foreign max %>
//       reads <out>/windows.csv (one row per measured window), writes <out>/rounds.csv (the same rows with
//       ratios against the baseline gateway of the same round and connection count) and <out>/summary.md,
//       and prints the Markdown.
//   node report.mjs soak <out dir> <settle seconds> <tolerance MB>
//       reads <out>/soak.csv (elapsed_s,rss_mb,hwm_mb,cpu_pct), writes and prints <out>/soak.md.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [mode, outDir, ...rest] = process.argv.slice(2);

function readCsv(path) {
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(header.map((name, i) => [name, /^-?[0-9.]+$/.test(cells[i]) ? Number(cells[i]) : cells[i]]));
  });
  return { header, rows };
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const num = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
const table = (head, body) =>
  [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? ":--" : "--:")).join(" | ")} |`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function windows([baseline, foreignMaxText]) {
  const foreignMax = Number(foreignMaxText);
  const { header, rows } = readCsv(join(outDir, "windows.csv"));
  const gateways = [...new Set(rows.map((r) => r.gateway))];
  const connCounts = [...new Set(rows.map((r) => r.conns))];
  const usable = (r) => r.requests > 0 && r.errors === 0 && r.verify_before === "ok" && r.verify_after === "ok";
  const clean = (r) => usable(r) && r.foreign_cpu_pct <= foreignMax;
  // ALLOC=1 runs add what our gateways allocated per request; the column shows only then.
  const withAlloc = rows.some((r) => Number.isFinite(r.alloc_kb_per_req));
  const allocCell = (value) => (withAlloc ? [num(value, 1)] : []);
  const allocHead = withAlloc ? ["alloc KB/req"] : [];

  // Ratios against the baseline of the same round and connection count (paired, so drift cancels out).
  for (const r of rows) {
    const base = rows.find((b) => b.gateway === baseline && b.round === r.round && b.conns === r.conns);
    const ok = base !== undefined && usable(base) && usable(r);
    r.rps_ratio = ok ? r.rps / base.rps : NaN;
    r.p95_ratio = ok ? r.p95_ms / base.p95_ms : NaN;
    r.req_per_cpu_s_ratio = ok ? r.req_per_cpu_s / base.req_per_cpu_s : NaN;
  }
  const ratioColumns = ["rps_ratio", "p95_ratio", "req_per_cpu_s_ratio"];
  writeFileSync(
    join(outDir, "rounds.csv"),
    [[...header, ...ratioColumns].join(","), ...rows.map((r) => [...header, ...ratioColumns].map((h) => (typeof r[h] === "number" && ratioColumns.includes(h) ? num(r[h], 3) : r[h])).join(","))].join("\n") + "\n",
  );

  const out = [`# Load benchmark ${outDir.split("/").pop()}`, ""];
  try {
    out.push("```", readFileSync(join(outDir, "meta.txt"), "utf8").trim(), "```", "");
  } catch {
    // no meta.txt: fine
  }
  for (const conns of connCounts) {
    out.push(`## ${conns} connection${conns === 1 ? "" : "s"}`, "", "Every window (round by round; ratios against the same round's baseline):", "");
    const perRound = rows
      .filter((r) => r.conns === conns)
      .sort((a, b) => a.round - b.round || a.order - b.order)
      .map((r) => [
        `${r.round}`,
        `${r.gateway}${clean(r) ? "" : usable(r) ? " (busy machine)" : " (FAILED)"}`,
        num(r.rps, 1),
        num(r.p50_ms, 2),
        num(r.p95_ms, 2),
        num(r.p99_ms, 2),
        num(r.req_per_cpu_s, 1),
        num(r.rss_max_mb, 0),
        num(r.sg_per_req, 2),
        ...allocCell(r.alloc_kb_per_req),
        `${r.errors}`,
        num(r.foreign_cpu_pct, 0),
        ratio(r.rps_ratio),
        ratio(r.p95_ratio),
        ratio(r.req_per_cpu_s_ratio),
      ]);
    out.push(
      table(["round", "gateway", "RPS", "p50 ms", "p95 ms", "p99 ms", "req/CPU-s", "peak RSS MB", "subgraph req/req", ...allocHead, "errors", "other CPU %", "RPS ×", "p95 ×", "req/CPU-s ×"], perRound),
      "",
      `Medians over clean windows (no errors, verified before and after, other processes under ${foreignMax}% of a core; when a gateway has no clean window, over its error-free ones). Peak RSS is the largest seen. Ratios are medians of the per-round ratios against **${baseline}**:`,
      "",
    );
    const summary = gateways.map((gateway) => {
      const mine = rows.filter((r) => r.gateway === gateway && r.conns === conns);
      let used = mine.filter(clean);
      if (used.length === 0) used = mine.filter(usable);
      const m = (key) => median(used.map((r) => r[key]));
      return [
        gateway,
        `${used.length}/${mine.length}`,
        num(m("rps"), 1),
        num(m("p50_ms"), 2),
        num(m("p95_ms"), 2),
        num(m("p99_ms"), 2),
        num(m("req_per_cpu_s"), 1),
        num(Math.max(...used.map((r) => r.rss_max_mb)), 0),
        num(m("sg_per_req"), 2),
        ...allocCell(m("alloc_kb_per_req")),
        `${mine.reduce((sum, r) => sum + r.errors, 0)}`,
        gateway === baseline ? "1.00× (baseline)" : ratio(m("rps_ratio")),
        gateway === baseline ? "1.00×" : ratio(m("p95_ratio")),
        gateway === baseline ? "1.00×" : ratio(m("req_per_cpu_s_ratio")),
      ];
    });
    out.push(
      table(["gateway", "windows", "RPS", "p50 ms", "p95 ms", "p99 ms", "req/CPU-s", "peak RSS MB", "subgraph req/req", ...allocHead, "errors (all)", "RPS ×", "p95 ×", "req/CPU-s ×"], summary),
      "",
    );
  }
  const text = out.join("\n");
  writeFileSync(join(outDir, "summary.md"), text + "\n");
  console.log(text);
}

function soak([settleText, toleranceText]) {
  const settle = Number(settleText);
  const tolerance = Number(toleranceText);
  const { rows } = readCsv(join(outDir, "soak.csv"));
  const after = rows.filter((r) => r.elapsed_s >= settle);
  const lines = [`# Soak ${outDir.split("/").pop()}`, ""];
  if (after.length < 2) {
    lines.push(`Too few samples after the ${settle} s settling time to judge growth (${rows.length} samples in all).`);
  } else {
    const first = after[0];
    const last = after[after.length - 1];
    // Least-squares slope of RSS over time, in MB per minute.
    const mx = after.reduce((s, r) => s + r.elapsed_s, 0) / after.length;
    const my = after.reduce((s, r) => s + r.rss_mb, 0) / after.length;
    const sxx = after.reduce((s, r) => s + (r.elapsed_s - mx) ** 2, 0);
    const sxy = after.reduce((s, r) => s + (r.elapsed_s - mx) * (r.rss_mb - my), 0);
    const slope = sxx > 0 ? (sxy / sxx) * 60 : 0;
    const growth = last.rss_mb - first.rss_mb;
    const verdict = growth <= tolerance && slope * ((last.elapsed_s - first.elapsed_s) / 60) <= tolerance ? "no growth beyond the tolerance" : "GROWTH";
    lines.push(
      table(
        ["samples", "RSS at settle MB", "RSS at end MB", "max RSS MB", "VmHWM MB", "growth MB", "trend MB/min", `verdict (tolerance ${tolerance} MB)`],
        [[`${after.length}/${rows.length}`, num(first.rss_mb, 1), num(last.rss_mb, 1), num(Math.max(...rows.map((r) => r.rss_mb)), 1), num(last.hwm_mb, 1), num(growth, 1), num(slope, 2), verdict]],
      ),
    );
  }
  try {
    lines.push("", "wrk:", "```", readFileSync(join(outDir, "soak-load.txt"), "utf8").trim(), "```");
  } catch {
    // no load output
  }
  const text = lines.join("\n");
  writeFileSync(join(outDir, "soak.md"), text + "\n");
  console.log(text);
}

if (mode === "windows") windows(rest);
else if (mode === "soak") soak(rest);
else {
  console.error("usage: node report.mjs windows <dir> <baseline> <foreign max %> | soak <dir> <settle s> <tolerance MB>");
  process.exit(2);
}
