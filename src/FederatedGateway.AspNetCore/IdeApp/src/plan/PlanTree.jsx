import { printPath, printSelections, topFields } from './planJson.js';

// The plan (the gateway's JSON form) as nested boxes: Sequence steps are numbered, Parallel branches sit side by
// side in one box, Flatten shows where in the answer the entities are merged, and each Fetch names its subgraph
// with its requirements ("from") and selection ("fetch") foldable underneath.
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
  return (
    <details className="fgw-plan-fetch" data-service={fetch.serviceName}>
      <summary>
        <span className="fgw-plan-fetch-label">Fetch</span>
        <span className="fgw-plan-service" style={{ '--fgw-service-hue': serviceHue(fetch.serviceName) }}>{fetch.serviceName}</span>
        {entity && <span className="fgw-plan-entity">entities</span>}
        <span className="fgw-plan-fields">{topFields(fetch)}</span>
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

// A stable colour per subgraph name.
function serviceHue(name) {
  let hash = 0;
  for (const char of name) {
    hash = (hash * 31 + char.charCodeAt(0)) % 360;
  }
  return hash;
}
