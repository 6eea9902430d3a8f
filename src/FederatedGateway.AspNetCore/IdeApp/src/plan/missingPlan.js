import { parse } from 'graphql';

// Why an answer carried no query plan, in words for the plan panel. The gateway plans queries and mutations only, and
// only operations that parse and validate; Gateway:ExposeQueryPlan is to blame only when neither applies.

// "query", "mutation" or "subscription" for the operation a request runs; null when the document does not parse or
// does not say which operation runs.
export function operationKind(query, operationName) {
  let operations;
  try {
    operations = parse(query).definitions.filter((d) => d.kind === 'OperationDefinition');
  } catch {
    return null;
  }
  const chosen = operationName
    ? operations.find((o) => o.name && o.name.value === operationName)
    : operations.length === 1 ? operations[0] : undefined;
  return chosen ? chosen.operation : null;
}

// The panel's sentence for an answer without a plan: "subscription" when the operation is one, "invalid" when the
// answer has errors and no data (the operation did not run), otherwise it is down to the gateway's setting.
export function missingPlanReason({ kind, result, queryPlanExposed }) {
  if (kind === 'subscription') {
    return 'Subscriptions have no query plan in this panel: the gateway plans each event\'s entity fetches as it '
      + 'arrives and returns no plan for them.';
  }
  if (result && Array.isArray(result.errors) && result.errors.length > 0 && !('data' in result)) {
    const code = result.errors[0].extensions && result.errors[0].extensions.code;
    return `The operation did not run, so it has no plan: the gateway refused it${code ? ` (${code})` : ''}; `
      + 'see the errors in the response.';
  }
  return queryPlanExposed === false
    ? 'This gateway does not return query plans. Turn them on with Gateway:ExposeQueryPlan=true (on by default in Development).'
    : 'The answer carried no query plan (the server may not allow it: Gateway:ExposeQueryPlan).';
}
