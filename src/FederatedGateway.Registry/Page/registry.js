// The registry page: variants, their versions with what each changed, the kept checks, and rollback (admin).
// Talks to the registry's HTTP API with a token kept in sessionStorage.
(() => {
  const api = document.body.dataset.api;
  const tokenKey = 'fgw-registry-token';
  const $ = (id) => document.getElementById(id);
  let selected = null;

  async function call(path, options = {}) {
    const response = await fetch(api + path, {
      ...options,
      headers: { authorization: `Bearer ${sessionStorage.getItem(tokenKey) ?? ''}`, 'content-type': 'application/json' },
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (response.status === 401) {
      showTokenForm();
      throw new Error('a token is needed');
    }
    if (!response.ok) throw new Error(body?.message ?? `HTTP ${response.status}`);
    return body;
  }

  const text = (tag, value, className) => {
    const element = document.createElement(tag);
    element.textContent = value ?? '';
    if (className) element.className = className;
    return element;
  };
  const row = (cells) => {
    const tr = document.createElement('tr');
    for (const cell of cells) tr.append(cell instanceof Node ? wrap(cell) : text('td', cell));
    return tr;
  };
  const wrap = (node) => {
    const td = document.createElement('td');
    td.append(node);
    return td;
  };
  const change = (c) => {
    const li = text('li', `${c.criticality}  ${c.coordinate}  ${c.message}`, c.criticality);
    li.dataset.coordinate = c.coordinate;
    if (c.clients?.length) li.append(text('span', ` (used by ${c.clients.map((u) => `${u.name || '(unnamed)'} ${u.version}`.trim()).join(', ')})`));
    return li;
  };
  const say = (message, info = false) => {
    $('message').textContent = message;
    $('message').className = info ? 'info' : '';
  };

  function showTokenForm() {
    $('token-form').hidden = false;
    $('main').hidden = true;
  }

  async function loadVariants() {
    const variants = await call('/graphs');
    $('token-form').hidden = true;
    $('main').hidden = false;
    const list = $('variants');
    list.replaceChildren(
      ...variants.map((v) => {
        const li = text('li', `${v.graph}@${v.variant}  v${v.version}`);
        li.dataset.variant = `${v.graph}@${v.variant}`;
        li.onclick = () => selectVariant(v).catch((e) => say(e.message));
        return li;
      }),
    );
    if (variants.length > 0) await selectVariant(variants[0]);
  }

  async function selectVariant(v) {
    selected = v;
    for (const li of $('variants').children) li.classList.toggle('selected', li.dataset.variant === `${v.graph}@${v.variant}`);
    $('variant-name').textContent = `${v.graph}@${v.variant}`;
    const base = `/graphs/${v.graph}/variants/${v.variant}`;
    const versions = await call(`${base}/versions?limit=100`);
    const current = versions[0]?.version;
    $('versions').replaceChildren(
      ...versions.map((version) => {
        const button = text('button', 'Roll back to this');
        button.hidden = version.version === current;
        button.dataset.rollback = version.version;
        button.onclick = (event) => {
          event.stopPropagation();
          rollback(base, version.version).catch((e) => say(e.message));
        };
        const tr = row([`${version.version}`, new Date(version.createdAt).toLocaleString(), version.author, version.action, version.commit ?? '', version.message ?? '', version.hash.slice(0, 12), button]);
        tr.dataset.version = version.version;
        if (version.version === current) tr.className = 'current';
        tr.onclick = () => showChanges(base, version.version).catch((e) => say(e.message));
        return tr;
      }),
    );
    if (current) await showChanges(base, current);
    const checks = await call(`${base}/checks`);
    $('checks').replaceChildren(
      ...checks.map((check) => {
        const tr = row([new Date(check.at).toLocaleString(), check.subgraph, check.author, check.commit ?? '', text('span', check.passed ? 'passed' : 'failed', check.passed ? 'passed' : 'failed')]);
        tr.dataset.check = check.id;
        tr.onclick = () => showCheck(base, check.id).catch((e) => say(e.message));
        return tr;
      }),
    );
  }

  async function showChanges(base, version) {
    const changes = await call(`${base}/versions/${version}/changes`);
    $('changes-title').textContent = `Changes in version ${version}`;
    $('changes').replaceChildren(...(changes.length ? changes.map(change) : [text('li', 'No change to the API schema.')]));
  }

  async function showCheck(base, id) {
    const check = await call(`${base}/checks/${id}`);
    $('check-changes').replaceChildren(
      ...check.errors.map((e) => text('li', `error[${e.code}] ${e.message}`, 'breaking')),
      ...check.changes.map(change),
    );
  }

  async function rollback(base, version) {
    say('');
    const outcome = await call(`${base}/rollback`, { method: 'POST', body: JSON.stringify({ version, message: 'rolled back from the registry page' }) });
    say(`Rolled back: version ${outcome.version} is current.`, true);
    await loadVariants();
  }

  $('token-form').onsubmit = (event) => {
    event.preventDefault();
    sessionStorage.setItem(tokenKey, $('token').value.trim());
    loadVariants().catch((e) => say(e.message));
  };
  loadVariants().catch((e) => say(e.message));
})();
