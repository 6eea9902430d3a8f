// The settings the gateway writes into the page (see IdePage.cs): where the GraphQL endpoint is, where the
// IDE's files are, and whether the server returns query plans.
export function readConfig() {
  const element = document.getElementById('fgw-ide-config');
  const config = element ? JSON.parse(element.textContent || '{}') : {};
  const endpoint = new URL(config.endpoint || '/graphql', window.location.href);
  const socket = new URL(endpoint);
  socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    endpointUrl: endpoint.href,
    subscriptionUrl: socket.href,
    assetsUrl: new URL(config.assets || './', window.location.href).href.replace(/\/?$/, '/'),
    // true: plans are exposed; false: the server refuses them; null: unknown (a custom executor).
    queryPlanExposed: typeof config.queryPlan === 'boolean' ? config.queryPlan : null,
  };
}
