import { useState, useSyncExternalStore } from 'react';
import { planStore } from './planStore.js';
import { collectFetches } from './planJson.js';
import { missingPlanReason } from './missingPlan.js';
import { PlanTree, TimingsContext } from './PlanTree.jsx';
import { formatMs, indexTimings, slowest } from './planTimings.js';

// The plugin pane: the plan of the last operation run from the IDE, as a tree (from its JSON form) or as the
// gateway printed it.
export function QueryPlanPanel({ queryPlanExposed }) {
  const state = useSyncExternalStore(planStore.subscribe, planStore.getSnapshot);
  const [view, setView] = useState('tree');
  const text = state.plan && typeof state.plan.text === 'string' ? state.plan.text : null;
  // The tree is drawn from the plan's JSON form ("object"); the text is shown as the gateway printed it.
  const tree = state.plan && state.plan.object && state.plan.object.kind === 'queryPlan' ? state.plan.object : null;
  const timings = indexTimings(state.plan && state.plan.timings);

  return (
    <div className="fgw-plan" data-testid="query-plan-panel">
      <div className="graphiql-doc-explorer-title">Query plan</div>
      <Caption state={state} />
      {state.status === 'failed' && <p className="fgw-plan-message">The request failed: {state.error}</p>}
      {state.status === 'idle' && (
        <p className="fgw-plan-message">Run an operation: this panel shows how the gateway splits it into subgraph fetches.</p>
      )}
      {state.status === 'done' && !text && (
        <p className="fgw-plan-message" data-testid="plan-missing">
          {missingPlanReason({ ...state.missing, queryPlanExposed })}
        </p>
      )}
      {text && (
        <>
          <Summary tree={tree} timings={timings} />
          <div className="fgw-plan-views" role="tablist">
            <ViewButton view="tree" current={view} onSelect={setView}>Tree</ViewButton>
            <ViewButton view="text" current={view} onSelect={setView}>Text</ViewButton>
            <button type="button" className="fgw-plan-copy" onClick={() => navigator.clipboard?.writeText(text)}>Copy</button>
          </div>
          {view === 'tree' && tree
            ? <TimingsContext.Provider value={timings}><PlanTree node={tree} /></TimingsContext.Provider>
            : <pre className="fgw-plan-code fgw-plan-text" data-testid="plan-text">{text}</pre>}
        </>
      )}
    </div>
  );
}

function Caption({ state }) {
  if (state.status === 'idle') {
    return null;
  }
  const name = state.operationName ? <code>{state.operationName}</code> : 'the anonymous operation';
  if (state.status === 'running') {
    return <p className="fgw-plan-caption">Running {name}…</p>;
  }
  return <p className="fgw-plan-caption">Plan of {name}, run at {state.at ? state.at.toLocaleTimeString() : ''}.</p>;
}

function Summary({ tree, timings }) {
  if (!tree) {
    return null;
  }
  const fetches = collectFetches(tree);
  if (fetches.length === 0) {
    return <p className="fgw-plan-summary">No subgraph fetch: the gateway answered this operation itself (introspection, __typename).</p>;
  }
  const perService = new Map();
  for (const fetch of fetches) {
    perService.set(fetch.serviceName, (perService.get(fetch.serviceName) || 0) + 1);
  }
  const services = [...perService].map(([service, count]) => (count > 1 ? `${service} ×${count}` : service)).join(', ');
  const slow = slowest(timings);
  return (
    <p className="fgw-plan-summary">
      {fetches.length} {fetches.length === 1 ? 'fetch' : 'fetches'}: {services}
      {timings && (
        <span data-testid="plan-timing-summary">
          {`. Ran in ${formatMs(timings.totalMs)}`}
          {slow && `; slowest fetch: ${slow.serviceName}, ${formatMs(slow.durationMs)}`}
          .
        </span>
      )}
    </p>
  );
}

function ViewButton({ view, current, onSelect, children }) {
  return (
    <button type="button" role="tab" aria-selected={view === current} className="fgw-plan-view" onClick={() => onSelect(view)}>
      {children}
    </button>
  );
}
