import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

// One uPlot time-series chart: x = Unix seconds, one line per series; redrawn when the data changes.
// The x axis spans at least five minutes ending at the last point, so a young gateway's few points are readable;
// the y axis starts at zero and reaches at least `minTop` (an all-zero error rate still gets a scale).
export function TimeChart({ title, testId, times, series, format, minTop = 1 }) {
  const holder = useRef(null);
  const chart = useRef(null);

  useEffect(() => {
    const width = Math.max(320, holder.current.clientWidth);
    const options = {
      title,
      width,
      height: 220,
      scales: {
        x: { time: true, auto: false, range: xRange(times) },
        y: { range: (_, __, max) => [0, Math.max(minTop, (max ?? 0) * 1.15)] },
      },
      axes: [{}, { size: 72, values: (_, ticks) => ticks.map(format) }],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, value: (_, v) => (v == null ? '–' : format(v)) }))],
    };
    const data = [times, ...series.map((s) => s.values)];
    chart.current?.destroy();
    chart.current = new uPlot(options, data, holder.current);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [title, times, series, format, minTop]);

  return <div className="fgw-chart" data-testid={testId} data-points={times.length} ref={holder} />;
}

// At least five minutes ending just after the last point (now, when there is none).
function xRange(times) {
  const last = times.length > 0 ? times[times.length - 1] : Date.now() / 1000;
  const first = times.length > 0 ? times[0] : last;
  const span = Math.max(300, last - first);
  return [last - span, last + span * 0.02];
}
