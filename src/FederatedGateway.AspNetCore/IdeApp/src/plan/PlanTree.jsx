import { createContext, useContext } from 'react';
import { printPath, printSelections, topFields } from './planJson.js';
import { formatMs } from './planTimings.js';

// The last run's timings (planTimings.indexTimings), when the gateway returned them.
export const TimingsContext = createContext(null);

// The plan (the gateway's JSON form) as nested boxes: Sequence steps are numbered, Parallel branches sit side by
// side in one box, Flatten shows where in the answer the entities are merged, and each Fetch names its subgraph
// with its requirements ("from") and selection ("fetch") foldable underneath, and, when the gateway timed the run,
// how long it took and when it started within the request (a bar on the request's time line).
export function PlanTree({ node }) {
  if (!node) {
    return null;
  }
  switch (node.kind) {
    case 'queryPlan':
      return (
        <div className="fgw-plan-tree" data-testid="plan-tree">
          <PlanTree node={node.node} />
        </div>
      );
    case 'sequence':
    case 'parallel':
      return (
        <Group title={node.kind === 'sequence' ? 'Sequence' : 'Parallel'} className={`fgw-plan-${node.kind}`}>
          {node.nodes.map((child, index) => (
            <div key={index} className="fgw-plan-step">
              {node.kind === 'sequence' && <span className="fgw-plan-step-number">{index + 1}</span>}
              <PlanTree node={child} />
            </div>
          ))}
        </Group>
      );
    case 'flatten':
      return (
        <Group title="Flatten" detail={node.paths.map(printPath).join(', ')} className="fgw-plan-flatten">
          <PlanTree node={node.node} />
        </Group>
      );
    case 'condition':
      // Include(if: $v) { … } Else { … }, or Skip(if: $v) { … } when only the else branch fetches.
      return node.ifClause === null && node.elseClause
        ? (
          <Group title="Skip" detail={`if $${node.variable}`} className="fgw-plan-condition">
            <PlanTree node={node.elseClause} />
          </Group>
        )
        : (
          <Group title="Include" detail={`if $${node.variable}`} className="fgw-plan-condition">
            <PlanTree node={node.ifClause} />
            {node.elseClause && (
              <Group title="Else" className="fgw-plan-condition">
                <PlanTree node={node.elseClause} />
              </Group>
            )}
          </Group>
        );
    case 'subscription':
      return (
        <Group title="Subscription" className="fgw-plan-subscription">
          <Group title="Primary" className="fgw-plan-subscription">
            <PlanTree node={node.primary} />
          </Group>
          {node.rest && (
            <Group title="Rest (per event)" className="fgw-plan-subscription">
              <PlanTree node={node.rest} />
            </Group>
          )}
        </Group>
      );
    case 'fetch':
    case 'entityFetch':
      return <FetchBox fetch={node} />;
    default:
      return <Group title={node.kind} className="fgw-plan-other" />;
  }
}

function Group({ title, detail, className, children }) {
  return (
    <section className={`fgw-plan-group ${className}`}>
      <header className="fgw-plan-group-title">
        {title}
        {detail && <code className="fgw-plan-detail">{detail}</code>}
      </header>
      <div className="fgw-plan-group-body">{children}</div>
    </section>
  );
}

function FetchBox({ fetch }) {
  const entity = fetch.kind === 'entityFetch';
  const timings = useContext(TimingsContext);
  const timing = timings && fetch.id !== undefined ? timings.byId.get(fetch.id) : undefined;
  return (
    <details className="fgw-plan-fetch" data-service={fetch.serviceName}>
      <summary>
        <span className="fgw-plan-fetch-label">Fetch</span>
        <span className="fgw-plan-service" style={{ '--fgw-service-hue': serviceHue(fetch.serviceName) }}>{fetch.serviceName}</span>
        {entity && <span className="fgw-plan-entity">entities</span>}
        <span className="fgw-plan-fields">{topFields(fetch)}</span>
        {timings && <FetchTiming timing={timing} totalMs={timings.totalMs} />}
      </summary>
      {entity && (
        <>
          <div className="fgw-plan-code-title">from (representations)</div>
          <pre className="fgw-plan-code">{printSelections(fetch.requires)}</pre>
        </>
      )}
      <div className="fgw-plan-code-title">fetch</div>
      <pre className="fgw-plan-code">{printSelections(fetch.selectionSet)}</pre>
      <div className="fgw-plan-code-title">sent</div>
      <pre className="fgw-plan-code fgw-plan-sent">{fetch.operation}</pre>
    </details>
  );
}

// "12 ms" and a bar placed on the request's time line; "not run" for a fetch the request skipped (no entities to
// fetch, a branch cut short).
function FetchTiming({ timing, totalMs }) {
  if (!timing) {
    return <span className="fgw-plan-timing fgw-plan-timing-none" data-testid="fetch-timing">not run</span>;
  }
  const total = Math.max(totalMs, timing.startMs + timing.durationMs, 0.001);
  const failed = timing.outcome !== 'ok';
  return (
    <span
      className={`fgw-plan-timing${failed ? ' fgw-plan-timing-failed' : ''}`}
      data-testid="fetch-timing"
      title={`started at ${formatMs(timing.startMs)}, took ${formatMs(timing.durationMs)}${timing.status ? `, HTTP ${timing.status}` : ''}${failed ? `, ${timing.outcome}` : ''}`}
    >
      <span className="fgw-plan-timing-track">
        <span
          className="fgw-plan-timing-bar"
          style={{ left: `${(100 * timing.startMs) / total}%`, width: `${Math.max((100 * timing.durationMs) / total, 1)}%` }}
        />
      </span>
      {formatMs(timing.durationMs)}
      {failed && ` ${timing.outcome}`}
    </span>
  );
}

// A stable colour per subgraph name.
function serviceHue(name) {
  let hash = 0;
  for (const char of name) {
    hash = (hash * 31 + char.charCodeAt(0)) % 360;
  }
  return hash;
}
