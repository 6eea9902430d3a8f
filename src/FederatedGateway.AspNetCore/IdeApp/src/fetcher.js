import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { parse } from 'graphql';
import { planStore } from './plan/planStore.js';
import { operationKind } from './plan/missingPlan.js';

// GraphiQL's fetcher (HTTP POST for queries and mutations, graphql-ws on the same URL for subscriptions),
// wrapped so that every operation asks for its query plan ("extensions": {"queryPlan": true}). The plan is
// taken out of the answer's extensions and handed to the plan panel; the rest of the answer is shown as is.
export function createGatewayFetcher({ endpointUrl, subscriptionUrl }) {
  const inner = createGraphiQLFetcher({
    url: endpointUrl,
    subscriptionUrl,
    enableIncrementalDelivery: false,
  });

  return async (params, options) => {
    if (params.operationName === 'IntrospectionQuery') {
      return inner(params, options);
    }

    const request = { ...params, extensions: { ...params.extensions, queryPlan: true } };
    const kind = operationKind(params.query, params.operationName);
    const operationName = params.operationName || soleOperationName(params.query);
    planStore.started(operationName);
    let result;
    try {
      result = await inner(request, options);
    } catch (error) {
      planStore.failed(operationName, error);
      throw error;
    }

    if (result && typeof result[Symbol.asyncIterator] === 'function') {
      return takePlansFromEvents(result, operationName, kind);
    }

    return takePlan(result, operationName, kind);
  };
}

async function* takePlansFromEvents(events, operationName, kind) {
  for await (const event of events) {
    yield takePlan(event, operationName, kind);
  }
}

function takePlan(result, operationName, kind) {
  const plan = result && result.extensions && result.extensions.queryPlan;
  if (!plan) {
    planStore.finished(operationName, null, { kind, result });
    return result;
  }

  planStore.finished(operationName, plan);
  const { queryPlan, ...otherExtensions } = result.extensions;
  const { extensions, ...rest } = result;
  return Object.keys(otherExtensions).length > 0 ? { ...rest, extensions: otherExtensions } : rest;
}

// GraphiQL may send no operationName for a document with a single named operation (it is worked out after the
// editor settles); the plan panel still names it.
function soleOperationName(query) {
  try {
    const operations = parse(query).definitions.filter((d) => d.kind === 'OperationDefinition');
    return operations.length === 1 && operations[0].name ? operations[0].name.value : null;
  } catch {
    return null;
  }
}
