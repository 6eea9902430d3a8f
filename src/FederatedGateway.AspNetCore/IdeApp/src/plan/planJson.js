// Helpers over the gateway's JSON query plan (extensions.queryPlan.object, written by QueryPlanJson):
// {"kind":"queryPlan","node":…} with nodes "fetch", "entityFetch", "flatten", "sequence", "parallel", "condition",
// "subscription", and each fetch's selections as a tree ("field", "inlineFragment").

// Every fetch of the plan, in plan order.
export function collectFetches(node, into = []) {
  if (!node) {
    return into;
  }
  switch (node.kind) {
    case 'queryPlan':
    case 'flatten':
      collectFetches(node.node, into);
      break;
    case 'fetch':
    case 'entityFetch':
      into.push(node);
      break;
    case 'sequence':
    case 'parallel':
      for (const child of node.nodes || []) {
        collectFetches(child, into);
      }
      break;
    case 'condition':
      collectFetches(node.ifClause, into);
      collectFetches(node.elseClause, into);
      break;
    case 'subscription':
      collectFetches(node.primary, into);
      collectFetches(node.rest, into);
      break;
    default:
      break;
  }
  return into;
}

// The selections as indented GraphQL ("{\n  me {\n    name\n  }\n}").
export function printSelections(selections, depth = 0) {
  const pad = '  '.repeat(depth + 1);
  const lines = (selections && selections.length > 0 ? selections : [{ kind: 'field', name: '__typename' }])
    .map((selection) => pad + printSelection(selection, depth + 1));
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

function printSelection(selection, depth) {
  const conditions = (selection.conditions || []).map((c) => ` @${c.kind}(if: $${c.variable})`).join('');
  if (selection.kind === 'inlineFragment') {
    const on = selection.typeCondition ? ` on ${selection.typeCondition}` : '';
    return `...${on}${conditions} ${printSelections(selection.selectionSet, depth)}`;
  }
  const alias = selection.alias ? `${selection.alias}: ` : '';
  const args = selection.arguments && selection.arguments.length > 0
    ? `(${selection.arguments.map((a) => `${a.name}: ${a.value}`).join(', ')})`
    : '';
  const sub = selection.selectionSet ? ` ${printSelections(selection.selectionSet, depth)}` : '';
  return `${alias}${selection.name}${args}${conditions}${sub}`;
}

// "me, orders" for a fetch of { me { … } orders { … } }: its first-level fields (inside the type conditions of an
// entity fetch, all of them), for the summary line; past four, the rest as a count ("a, b, c, d +3 more").
export function topFields(fetch) {
  const names = [];
  for (const selection of fetch.selectionSet || []) {
    if (selection.kind === 'inlineFragment') {
      for (const inner of selection.selectionSet || []) {
        if (inner.kind === 'field' && inner.name !== '__typename') {
          names.push(inner.alias || inner.name);
        }
      }
    } else if (selection.name !== '__typename') {
      names.push(selection.alias || selection.name);
    }
  }
  const shown = [...new Set(names)];
  const summary = shown.slice(0, 4).join(', ');
  return shown.length > 4 ? `${summary} +${shown.length - 4} more` : summary;
}

// "me.@.instrument" for ["me", "@", "instrument"], as the printed plan shows paths.
export function printPath(path) {
  return path.map((segment) => (segment.startsWith('... on ') ? `|[${segment.slice(7)}]` : segment))
    .reduce((text, segment) => (segment.startsWith('|[') || text === '' ? text + segment : `${text}.${segment}`), '');
}
