// The plan of the last operation run from the IDE, observed by the plan panel (useSyncExternalStore).
function createPlanStore() {
  let state = { status: 'idle', operationName: null, plan: null, error: null, at: null, missing: null };
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
    // missing: for an answer without a plan, what explains it ({ kind, result }: the operation's kind and the answer).
    finished(operationName, plan, missing = null) {
      // A subscription's later events may carry no plan: keep the one already shown.
      if (plan === null && state.status === 'done' && state.operationName === operationName && state.plan) {
        return;
      }
      set({ status: 'done', operationName, plan, at: new Date(), missing: plan ? null : missing });
    },
    failed(operationName, error) {
      set({ status: 'failed', operationName, plan: null, error: String((error && error.message) || error), at: new Date() });
    },
  };
}

export const planStore = createPlanStore();
