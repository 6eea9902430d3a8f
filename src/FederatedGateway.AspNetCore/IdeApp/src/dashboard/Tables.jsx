const ms = (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

export function OperationsTable({ title, testId, operations }) {
  return (
    <section className="fgw-card" data-testid={testId}>
      <h2>{title}</h2>
      {operations.length === 0 ? (
        <p className="fgw-empty">No operations in the last hour.</p>
      ) : (
        <table>
          <thead>
            <tr><th>operation</th><th>requests</th><th>errors</th><th>p50</th><th>p95</th><th>p99</th><th>clients</th></tr>
          </thead>
          <tbody>
            {operations.map((o) => (
              <tr key={o.hash} data-operation={o.name}>
                <td title={o.hash}>{o.name}</td>
                <td>{o.requests}</td>
                <td className={o.errors > 0 ? 'fgw-bad' : ''}>{o.errors}</td>
                <td>{ms(o.p50)}</td>
                <td>{ms(o.p95)}</td>
                <td>{ms(o.p99)}</td>
                <td>{o.clients.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const rate = (v) => `${(v * 100).toFixed(v > 0 && v < 0.01 ? 2 : 1)}%`;

// Each subgraph's fetches over the last five minutes, with a status badge (ok, degraded, failing, idle).
export function SubgraphsTable({ subgraphs }) {
  return (
    <section className="fgw-card fgw-wide" data-testid="subgraphs">
      <h2>Subgraphs (last 5 minutes)</h2>
      <table>
        <thead>
          <tr><th>name</th><th>status</th><th>fetches/s</th><th>errors</th><th>p50</th><th>p95</th><th>last failure</th><th>URL</th></tr>
        </thead>
        <tbody>
          {subgraphs.map((s) => (
            <tr key={s.name} data-subgraph={s.name} data-status={s.status}>
              <td>{s.name}</td>
              <td><span className={`fgw-status fgw-status-${s.status}`}>{s.status}</span></td>
              <td>{s.fetchesPerSecond.toFixed(s.fetchesPerSecond < 10 ? 2 : 0)}</td>
              <td className={s.errorRate > 0 ? 'fgw-bad' : ''}>{rate(s.errorRate)}</td>
              <td>{s.fetches === 0 ? '–' : ms(s.p50)}</td>
              <td>{s.fetches === 0 ? '–' : ms(s.p95)}</td>
              <td data-testid="last-failure">{s.lastError ? `${s.lastError} at ${new Date(s.lastErrorAt).toLocaleTimeString()}` : '–'}</td>
              <td>{s.url}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function FieldUsage({ fields, neverUsed, windowDays }) {
  const max = fields.reduce((m, f) => Math.max(m, f.requests), 1);
  return (
    <section className="fgw-card fgw-wide" data-testid="field-usage">
      <h2>Field usage (last {windowDays} days)</h2>
      <div className="fgw-columns">
        <div>
          <h3>Used</h3>
          <ul className="fgw-bars">
            {fields.slice(0, 40).map((f) => (
              <li key={f.coordinate} data-coordinate={f.coordinate}>
                <span className="fgw-bar" style={{ width: `${Math.max(2, (100 * f.requests) / max)}%` }} />
                <code>{f.coordinate}</code> <span className="fgw-count">{f.requests}</span>
              </li>
            ))}
          </ul>
        </div>
        <div data-testid="never-used">
          <h3>Never used ({neverUsed.length})</h3>
          <ul className="fgw-list">
            {neverUsed.map((f) => <li key={f} data-coordinate={f}><code>{f}</code></li>)}
          </ul>
        </div>
      </div>
    </section>
  );
}
