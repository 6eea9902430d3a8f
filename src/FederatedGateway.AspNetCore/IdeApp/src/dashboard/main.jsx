import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { TimeChart } from './TimeChart.jsx';
import { FieldUsage, OperationsTable, SubgraphsTable } from './Tables.jsx';

const base = document.body.dataset.base;
const tokenKey = 'fgw-dashboard-token';
const refreshMs = 10_000;
const perSecond = (v) => v.toFixed(v < 10 ? 2 : 0);
const percent = (v) => `${(v * 100).toFixed(1)}%`;
const millis = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

function useReport(token) {
  const [state, setState] = useState({ report: null, status: 'loading' });
  const load = useCallback(async () => {
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    try {
      const response = await fetch(`${base}/api/report`, { headers });
      if (response.status === 401 || response.status === 403) {
        setState({ report: null, status: response.status === 401 ? 'unauthenticated' : 'forbidden' });
        return;
      }
      setState({ report: await response.json(), status: 'ok' });
    } catch (error) {
      setState((s) => ({ ...s, status: `error: ${error.message}` }));
    }
  }, [token]);
  useEffect(() => {
    load();
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [load]);
  return state;
}

function TokenForm({ status, onToken }) {
  const [value, setValue] = useState('');
  return (
    <form className="fgw-card" data-testid="token-form" onSubmit={(e) => { e.preventDefault(); onToken(value.trim()); }}>
      <h2>{status === 'forbidden' ? 'Not allowed' : 'Sign in'}</h2>
      <p>The dashboard's data needs a bearer token{status === 'forbidden' ? ' that the dashboard policy allows' : ''}.</p>
      <input type="password" placeholder="token" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Use token</button>
    </form>
  );
}

function Dashboard() {
  const [token, setToken] = useState(() => sessionStorage.getItem(tokenKey) ?? '');
  const { report, status } = useReport(token);
  const charts = useMemo(() => {
    const traffic = report?.traffic ?? [];
    const times = traffic.map((p) => p.time);
    return {
      times,
      load: [
        { label: 'requests/s', color: '#2f6fdf', values: traffic.map((p) => p.requestsPerSecond) },
      ],
      errors: [{ label: 'error rate', color: '#d1453b', values: traffic.map((p) => p.errorRate) }],
      latency: [
        { label: 'p50', color: '#2e9e5b', values: traffic.map((p) => p.p50) },
        { label: 'p95', color: '#e0a100', values: traffic.map((p) => p.p95) },
        { label: 'p99', color: '#d1453b', values: traffic.map((p) => p.p99) },
      ],
    };
  }, [report]);

  if (status === 'unauthenticated' || status === 'forbidden') {
    return (
      <TokenForm
        status={status}
        onToken={(t) => {
          sessionStorage.setItem(tokenKey, t);
          setToken(t);
        }}
      />
    );
  }
  if (!report) {
    return <p className="fgw-empty">{status === 'loading' ? 'Loading…' : status}</p>;
  }
  return (
    <>
      <header className="fgw-header">
        <h1>FederatedGateway</h1>
        <span data-testid="generated-at">as of {new Date(report.generatedAt).toLocaleTimeString()}</span>
      </header>
      <div className="fgw-grid">
        <section className="fgw-card"><TimeChart title="Traffic" testId="chart-traffic" times={charts.times} series={charts.load} format={perSecond} /></section>
        <section className="fgw-card"><TimeChart title="Error rate" testId="chart-errors" times={charts.times} series={charts.errors} format={percent} minTop={0.05} /></section>
        <section className="fgw-card"><TimeChart title="Latency" testId="chart-latency" times={charts.times} series={charts.latency} format={millis} minTop={10} /></section>
        <SubgraphsTable subgraphs={report.subgraphs} />
        <OperationsTable title="Top operations (last hour)" testId="top-operations" operations={report.topOperations} />
        <OperationsTable title="Slowest operations (p95, last hour)" testId="slowest-operations" operations={report.slowestOperations} />
        <FieldUsage fields={report.fields} neverUsed={report.neverUsedFields} windowDays={Math.round(parseDays(report.fieldUsageWindow))} />
      </div>
    </>
  );
}

// A TimeSpan as System.Text.Json writes it ("30.00:00:00") in days.
function parseDays(span) {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(span ?? '');
  if (!match) return 0;
  return Number(match[1] ?? 0) + Number(match[2]) / 24;
}

createRoot(document.getElementById('fgw-dashboard')).render(<Dashboard />);
