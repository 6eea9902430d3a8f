// The plan panel's words, checked with Node's own test runner (`npm test`, run by the BrowserTests project).
import test from 'node:test';
import assert from 'node:assert/strict';
import { missingPlanReason, operationKind } from './missingPlan.js';
import { topFields } from './planJson.js';

const field = (name) => ({ kind: 'field', name });
const entityFetch = (...names) => ({
  kind: 'entityFetch',
  selectionSet: [{ kind: 'inlineFragment', typeCondition: 'Trader', selectionSet: [field('__typename'), ...names.map(field)] }],
});

test('an entity fetch summary lists every field it fetches', () => {
  assert.equal(topFields(entityFetch('name', 'desk', 'maxOpenOrders')), 'name, desk, maxOpenOrders');
});

test('past four fields the summary counts the rest', () => {
  assert.equal(topFields(entityFetch('a', 'b', 'c', 'd', 'e', 'f')), 'a, b, c, d +2 more');
});

test('a subscription is not blamed on Gateway:ExposeQueryPlan', () => {
  const kind = operationKind('subscription Watch { orderStatusChanged { id } }', null);
  assert.equal(kind, 'subscription');
  const reason = missingPlanReason({ kind, result: { data: { orderStatusChanged: { id: 'o-1' } } }, queryPlanExposed: true });
  assert.match(reason, /^Subscriptions have no query plan/);
  assert.doesNotMatch(reason, /ExposeQueryPlan/);
});

test('an operation the gateway refused is not blamed on Gateway:ExposeQueryPlan', () => {
  const result = { errors: [{ message: "Cannot query field 'nope' on type 'Trader'.", extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  const reason = missingPlanReason({ kind: 'query', result, queryPlanExposed: true });
  assert.match(reason, /did not run.*GRAPHQL_VALIDATION_FAILED/);
  assert.doesNotMatch(reason, /ExposeQueryPlan/);
  assert.match(missingPlanReason({ kind: null, result: { errors: [{ message: 'Unexpected }' }] } }), /did not run/);
});

test('an answer with data but no plan names the setting', () => {
  assert.match(missingPlanReason({ kind: 'query', result: { data: { me: null } }, queryPlanExposed: false }), /Gateway:ExposeQueryPlan=true/);
});

test('the operation kind follows operationName among several operations', () => {
  const document = 'query A { me { name } } subscription B { orderStatusChanged { id } }';
  assert.equal(operationKind(document, 'B'), 'subscription');
  assert.equal(operationKind(document, 'A'), 'query');
  assert.equal(operationKind(document, null), null);
  assert.equal(operationKind('{ me {', null), null);
});
