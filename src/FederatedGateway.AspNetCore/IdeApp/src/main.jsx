import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './ide.css';
import { readConfig } from './config.js';
import { installMonacoWorkers } from './monacoWorkers.js';
import { createGatewayFetcher } from './fetcher.js';
import { queryPlanPlugin } from './plan/queryPlanPlugin.jsx';

// The gateway's IDE: GraphiQL (editor with schema-aware completion, docs, history, variables, headers,
// subscriptions over graphql-ws) against this gateway, plus the explorer and the query-plan panel.
const config = readConfig();
installMonacoWorkers(config.assetsUrl);

const plugins = [HISTORY_PLUGIN, explorerPlugin(), queryPlanPlugin(config)];
const fetcher = createGatewayFetcher(config);

const defaultQuery = `# FederatedGateway IDE
#
# Ctrl+Space completes from the gateway's schema; Ctrl+Enter runs.
# The "Query Plan" panel on the left shows the subgraph fetches
# that answered the last operation.

query {
  __typename
}
`;

createRoot(document.getElementById('fgw-ide')).render(
  <GraphiQL fetcher={fetcher} plugins={plugins} defaultQuery={defaultQuery} defaultEditorToolsVisibility="variables" />,
);
