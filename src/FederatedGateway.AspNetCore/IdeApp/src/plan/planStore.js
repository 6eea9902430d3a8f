// The plan of the last operation run from the IDE, observed by the plan panel (useSyncExternalStore).
function createPlanStore() {
  let state = { status: 'idle', operationName: null, plan: null, error: null, at: null };
  const listeners = new Set();

  function set(next) {
    state = { ...state, ...next };
    for (const listener of listeners) {
      listener();
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    started(operationName) {
      set({ status: 'running', operationName, error: null });
    },
    finished(operationName, plan) {
      // A subscription's later events may carry no plan: keep the one already shown.
      if (plan === null && state.status === 'done' && state.operationName === operationName && state.plan) {
        return;
      }
      set({ status: 'done', operationName, plan, at: new Date() });
    },
    failed(operationName, error) {
      set({ status: 'failed', operationName, plan: null, error: String((error && error.message) || error), at: new Date() });
    },
  };
}

export const planStore = createPlanStore();
