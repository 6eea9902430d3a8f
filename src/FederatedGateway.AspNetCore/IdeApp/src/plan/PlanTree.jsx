// The plan as nested boxes: Sequence steps are numbered, Parallel branches sit side by side in one box,
// Flatten shows where in the answer the entities are merged, and each Fetch names its subgraph with its
// requirements ("from") and selection ("fetch") foldable underneath.
export function PlanTree({ node }) {
  switch (node.kind) {
    case 'QueryPlan':
      return (
        <div className="fgw-plan-tree" data-testid="plan-tree">
          {node.children.map((child, index) => <PlanTree key={index} node={child} />)}
        </div>
      );
    case 'Sequence':
    case 'Parallel':
      return (
        <Group title={node.kind === 'Sequence' ? 'Sequence' : 'Parallel'} className={`fgw-plan-${node.kind.toLowerCase()}`}>
          {node.children.map((child, index) => (
            <div key={index} className="fgw-plan-step">
              {node.kind === 'Sequence' && <span className="fgw-plan-step-number">{index + 1}</span>}
              <PlanTree node={child} />
            </div>
          ))}
        </Group>
      );
    case 'Flatten':
      return (
        <Group title="Flatten" detail={node.paths.join(', ')} className="fgw-plan-flatten">
          {node.children.map((child, index) => <PlanTree key={index} node={child} />)}
        </Group>
      );
    case 'Include':
    case 'Skip':
      return (
        <Group title={node.kind} detail={`if $${node.variable}`} className="fgw-plan-condition">
          {node.children.map((child, index) => <PlanTree key={index} node={child} />)}
          {node.elseChildren && (
            <Group title="Else" className="fgw-plan-condition">
              {node.elseChildren.map((child, index) => <PlanTree key={index} node={child} />)}
            </Group>
          )}
        </Group>
      );
    case 'Fetch':
      return <FetchBox fetch={node} />;
    case 'Text':
      return <pre className="fgw-plan-code">{node.text}</pre>;
    default:
      return (
        <Group title={node.kind} detail={node.args} className="fgw-plan-other">
          {(node.children || []).map((child, index) => <PlanTree key={index} node={child} />)}
        </Group>
      );
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
  return (
    <details className="fgw-plan-fetch" data-service={fetch.service}>
      <summary>
        <span className="fgw-plan-fetch-label">Fetch</span>
        <span className="fgw-plan-service" style={{ '--fgw-service-hue': serviceHue(fetch.service) }}>{fetch.service}</span>
        {fetch.requires && <span className="fgw-plan-entity">entities</span>}
        <span className="fgw-plan-fields">{topFields(fetch.selection)}</span>
      </summary>
      {fetch.requires && (
        <>
          <div className="fgw-plan-code-title">from (representations)</div>
          <pre className="fgw-plan-code">{fetch.requires}</pre>
        </>
      )}
      <div className="fgw-plan-code-title">fetch</div>
      <pre className="fgw-plan-code">{fetch.selection}</pre>
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

// "me, orders" for "{ me { ... } orders { ... } }": the selection's first-level fields, for the summary line.
function topFields(selection) {
  const lines = selection.split('\n');
  const fields = [];
  for (const line of lines) {
    const depth = (line.length - line.trimStart().length) / 2;
    const text = line.trim();
    if (depth === 1 && text && !text.startsWith('}')) {
      fields.push(text.replace(/\s*\{$/, ''));
    }
    if (depth === 2 && lines[0].trim() === '{' && fields.length > 0 && fields[fields.length - 1].startsWith('... on')) {
      // Entity fetches select inside type conditions: show the fields of the first one.
      if (!text.startsWith('}') && !text.startsWith('__typename')) {
        fields.push(text.replace(/\s*\{$/, ''));
      }
    }
  }
  const shown = fields.filter((field) => !field.startsWith('... on') && field !== '__typename');
  const summary = shown.slice(0, 4).join(', ');
  return shown.length > 4 ? `${summary}, …` : summary;
}
