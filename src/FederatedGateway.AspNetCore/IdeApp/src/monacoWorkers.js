// Monaco runs its language services in web workers. They are bundled next to ide.js (build.mjs) and loaded
// from the gateway, so the editor works offline.
export function installMonacoWorkers(assetsUrl) {
  const files = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
  globalThis.MonacoEnvironment = {
    getWorker(_workerId, label) {
      return new Worker(assetsUrl + (files[label] || 'editor.worker.js'), { name: label });
    },
  };
}
