import { QueryPlanPanel } from './QueryPlanPanel.jsx';

// The GraphiQL plugin (sidebar button + pane) for query plans.
export function queryPlanPlugin({ queryPlanExposed }) {
  return {
    title: 'Query Plan',
    icon: PlanIcon,
    content: () => <QueryPlanPanel queryPlanExposed={queryPlanExposed} />,
  };
}

// A root box fanning out to three boxes: a plan's fetches.
function PlanIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <rect x="8.5" y="2.5" width="7" height="5" rx="1" />
      <rect x="1.5" y="16.5" width="6" height="5" rx="1" />
      <rect x="9" y="16.5" width="6" height="5" rx="1" />
      <rect x="16.5" y="16.5" width="6" height="5" rx="1" />
      <path d="M12 7.5v9M12 12H4.5v4.5M12 12h7.5v4.5" />
    </svg>
  );
}
