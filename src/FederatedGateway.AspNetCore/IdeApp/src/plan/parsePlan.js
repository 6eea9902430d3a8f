// Reads the gateway's printed query plan (QueryPlanPrinter: "QueryPlan { Sequence { Fetch(service: "a") {...} } }")
// back into a tree for the plan panel. Nodes are recognised by their header line ("Name(args) {") and closed by
// the "}" at the same indentation; a Fetch keeps its body (requirements "=>" selection) as text. Unknown node
// kinds are kept generically, so a newer printer still shows up as a tree.
export function parsePlan(text) {
  const lines = String(text).replace(/\r/g, '').split('\n');
  if (lines.length < 2 || !/^QueryPlan\b.*\{$/.test(lines[0].trim())) {
    return null;
  }

  return { kind: 'QueryPlan', children: parseNodes(lines, 1, lines.length - 1, 2) };
}

function indentOf(line) {
  return line.length - line.trimStart().length;
}

function isClosing(line, indent) {
  return indentOf(line) === indent && line.trimStart().startsWith('}');
}

function findClosing(lines, from, end, indent) {
  let index = from;
  while (index < end && !isClosing(lines[index], indent)) {
    index++;
  }
  return index;
}

function parseNodes(lines, start, end, indent) {
  const nodes = [];
  let index = start;
  while (index < end) {
    const line = lines[index];
    if (!line.trim() || indentOf(line) !== indent) {
      index++;
      continue;
    }

    const header = /^([A-Za-z]+)(?:\((.*)\))? \{$/.exec(line.trim().replace(/,$/, ''));
    if (!header) {
      nodes.push({ kind: 'Text', text: line.trim() });
      index++;
      continue;
    }

    const [, kind, args = ''] = header;
    const closing = findClosing(lines, index + 1, end, indent);
    const node = { kind, args };
    if (kind === 'Fetch') {
      Object.assign(node, fetchDetails(args, lines.slice(index + 1, closing), indent + 2));
      index = closing + 1;
    } else {
      node.children = parseNodes(lines, index + 1, closing, indent + 2);
      index = closing + 1;
      if (closing < end && /^\}\s*Else\s*\{$/.test(lines[closing].trim())) {
        const elseClosing = findClosing(lines, closing + 1, end, indent);
        node.elseChildren = parseNodes(lines, closing + 1, elseClosing, indent + 2);
        index = elseClosing + 1;
      }
    }

    Object.assign(node, describe(kind, args));
    nodes.push(node);
  }

  return nodes;
}

function fetchDetails(args, bodyLines, bodyIndent) {
  const body = bodyLines.map((line) => line.slice(Math.min(bodyIndent, indentOf(line))));
  const arrow = body.findIndex((line) => line.trimEnd() === '} =>');
  const service = /service:\s*"([^"]*)"/.exec(args);
  return {
    service: service ? service[1] : args,
    requires: arrow >= 0 ? [...body.slice(0, arrow), '}'].join('\n') : null,
    selection: body.slice(arrow + 1).join('\n'),
  };
}

function describe(kind, args) {
  switch (kind) {
    case 'Flatten': {
      const paths = [...args.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
      return { paths };
    }
    case 'Include':
    case 'Skip': {
      const variable = /\$(\w+)/.exec(args);
      return { variable: variable ? variable[1] : args };
    }
    default:
      return {};
  }
}

// Every Fetch in the tree, in plan order.
export function collectFetches(node, into = []) {
  if (!node) {
    return into;
  }
  if (node.kind === 'Fetch') {
    into.push(node);
  }
  for (const child of [...(node.children || []), ...(node.elseChildren || [])]) {
    collectFetches(child, into);
  }
  return into;
}
