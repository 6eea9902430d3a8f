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

export function SubgraphsTable({ subgraphs }) {
  return (
    <section className="fgw-card" data-testid="subgraphs">
      <h2>Subgraphs</h2>
      <table>
        <thead><tr><th>name</th><th>URL</th></tr></thead>
        <tbody>
          {subgraphs.map((s) => (
            <tr key={s.name} data-subgraph={s.name}><td>{s.name}</td><td>{s.url}</td></tr>
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
