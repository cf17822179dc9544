// exdiag web page: sends facts to the API and draws the report. No framework, no build step.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  // Every word comes from the server's knowledge base (GET /api/v1/words): none is written here.
  var WORDS = {};
  var lastFacts = null;
  function lang() { return $('lang').value; }
  function words() { return (WORDS[lang()] || {}).words || {}; }
  function word(key) { return words()[key] || key; }
  function colon() { return (WORDS[lang()] || {}).colon || ': '; }
  function valueOf(vocabulary, value) {
    var vocab = ((WORDS[lang()] || {}).values || {})[vocabulary] || {};
    return vocab[value] || value;
  }

  function loadWords(language) {
    if (WORDS[language]) { return Promise.resolve(WORDS[language]); }
    return fetch('/api/v1/words?lang=' + encodeURIComponent(language)).then(answer).then(function (w) {
      WORDS[language] = w;
      return w;
    });
  }

  function applyWords() {
    document.documentElement.setAttribute('lang', lang());
    Array.prototype.forEach.call(document.querySelectorAll('[data-word]'), function (node) {
      var key = node.getAttribute('data-word');
      if (words()[key]) { node.textContent = words()[key]; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-word-label]'), function (node) {
      var key = node.getAttribute('data-word-label');
      if (words()[key]) { node.setAttribute('aria-label', words()[key]); }
    });
    Array.prototype.forEach.call(document.querySelectorAll('option[data-vocab]'), function (node) {
      node.textContent = valueOf(node.getAttribute('data-vocab'), node.getAttribute('data-key') || node.value);
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function setStatus(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error-box' : 'muted';
  }

  function contentTypeOf(text) {
    return /^\s*[{[]/.test(text) ? 'application/json' : 'application/yaml';
  }

  function analyze() {
    var text = $('facts').value;
    if (!text.trim()) { setStatus(word('empty'), true); return; }
    lastFacts = text;
    setStatus(word('working'));
    loadWords(lang()).then(function () {
      return fetch('/api/v1/analyze?withFacts=true&lang=' + encodeURIComponent(lang()),
                   { method: 'POST', headers: { 'Content-Type': contentTypeOf(text) }, body: text });
    }).then(answer)
      .then(function (result) { show(result.report, result.facts); })
      .catch(function (e) { clear(); setStatus(e.message, true); });
  }

  function explainBounce() {
    var ndr = $('ndr').value;
    if (!ndr.trim()) { setStatus(word('emptyBounce'), true); return; }
    var body = { ndr: ndr };
    if ($('bounce-mailbox').value) { body.mailbox = $('bounce-mailbox').value; }
    if ($('facts').value.trim()) { body.facts = $('facts').value; }
    setStatus(word('working'));
    loadWords(lang()).then(function () {
      return fetch('/api/v1/bounce?lang=' + encodeURIComponent(lang()),
                   { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    }).then(answer).then(function (result) {
      if (result.skipped) { clear(); setStatus(word('notABounce')); return; }
      lastFacts = JSON.stringify(result.facts, null, 2);
      $('facts').value = lastFacts;
      show(result.report, result.facts);
    }).catch(function (e) { clear(); setStatus(e.message, true); });
  }

  function diagnose(event) {
    event.preventDefault();
    var body = { mailbox: $('mailbox').value, password: $('password').value, offer: $('offer').value };
    if ($('setup').value) { body.setup = $('setup').value; }
    if ($('private-host').value) { body.privateHost = $('private-host').value; }
    setStatus(word('diagnosing'));
    fetch('/api/v1/diagnose?lang=' + encodeURIComponent(lang()), {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + $('token').value },
      body: JSON.stringify(body)
    }).then(answer).then(function (result) {
      $('password').value = '';
      lastFacts = JSON.stringify(result.facts, null, 2);
      $('facts').value = lastFacts;
      show(result.report, result.facts);
    }).catch(function (e) { setStatus(e.message, true); });
  }

  // Why a warning was raised, or why not: the rules, their conditions in order, held or not, and the facts.
  function explain(code, mode) {
    var facts = $('facts').value;
    if (!facts.trim()) { setStatus(word('empty'), true); return; }
    fetch('/api/v1/explain?code=' + encodeURIComponent(code) + '&mode=' + mode + '&lang=' + encodeURIComponent(lang()),
      { method: 'POST', headers: { 'Content-Type': contentTypeOf(facts) }, body: facts })
      .then(answer).then(showExplanation).catch(function (e) { setStatus(e.message, true); });
  }

  function showExplanation(x) {
    var box = $('explanation');
    box.textContent = '';
    var w = (WORDS[lang()] || {}).explain || {};
    function t(key) { return (w[key] || key).replace('{code}', x.code); }
    box.appendChild(el('h3', {}, t(x.mode === 'why' ? 'why' : 'whyNot')));
    box.appendChild(el('p', {}, t(x.fired ? 'raised' : 'notRaised')));
    x.rules.forEach(function (r) {
      var rule = el('section', { 'class': 'explain-rule' + (r.fired ? ' fired' : ''), 'data-rule': r.rule });
      rule.appendChild(el('h4', {}, t('rule') + ' "' + r.rule + '" (' + r.file + ':' + r.line + ')' + colon() + t(r.fired ? 'fired' : 'didNotFire')));
      if (r.unsupported) { rule.appendChild(el('p', { 'class': 'muted' }, r.unsupported)); }
      var list = el('ol');
      r.conditions.forEach(function (c) {
        var state = c.held === null ? 'notReached' : (c.held ? 'held' : 'failed');
        var item = el('li', { 'class': 'condition ' + state });
        item.appendChild(el('code', {}, c.text));
        item.appendChild(el('span', { 'class': 'held' }, ' ' + t(state)));
        if (c.facts.length) { item.appendChild(el('div', { 'class': 'facts' }, c.facts.join('; '))); }
        list.appendChild(item);
      });
      rule.appendChild(list);
      box.appendChild(rule);
    });
    box.scrollIntoView({ behavior: 'smooth' });
  }

  function answer(response) {
    return response.json().then(function (body) {
      if (!response.ok) {
        var err = body && body.error ? body.error : { message: word('http') + ' ' + response.status };
        throw new Error(err.message + (err.field ? ' (' + err.field + ')' : ''));
      }
      return body;
    });
  }

  function clear() {
    $('verdict').textContent = '';
    $('could-not-check').textContent = '';
    $('warnings').textContent = '';
    $('explanation').textContent = '';
    $('client').textContent = '';
    var svg = $('graph');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.setAttribute('width', 0); svg.setAttribute('height', 0); svg.removeAttribute('viewBox');
  }

  // report-v2 always has warnings, rootCauses and couldNotCheck; an older server may leave them out.
  function show(report, facts) {
    clear();
    showClient(facts);
    var warnings = report.warnings || [];
    var couldNotCheck = report.couldNotCheck || [];
    setStatus(report.mailbox === null ? word('noMailbox') : report.mailbox);
    var verdicts = (WORDS[lang()] || {}).verdicts || {};
    var verdict = verdicts[report.verdict] || report.verdict;
    $('verdict').textContent = verdict.charAt(0).toUpperCase() + verdict.slice(1); // a heading, as a sentence starts
    $('verdict').className = report.verdict;
    if (couldNotCheck.length) {
      $('could-not-check').appendChild(el('strong', {}, word('couldNotCheck')));
      var list = el('ul');
      couldNotCheck.forEach(function (c) { list.appendChild(el('li', {}, valueOf('part', c.part) + ' — ' + c.reason)); });
      $('could-not-check').appendChild(list);
    }
    if (!warnings.length) {
      $('warnings').appendChild(el('p', { 'class': 'muted' }, word('noWarning')));
      return;
    }
    drawGraph(warnings);
    var roots = warnings.filter(function (w) { return w.explainedBy.length === 0; });
    var rest = warnings.filter(function (w) { return w.explainedBy.length > 0; });
    roots.concat(rest).forEach(function (w) { $('warnings').appendChild(card(w)); });
  }

  // Outlook's way in (facts client): the autodiscover attempts as Outlook's steps, in its order, each with
  // how it ended, the one Outlook takes its settings from, then the EWS request. The words are the knowledge
  // base's vocabularies; how an attempt ended is read from its fields as the rules' AutodiscoverAttempt does.
  function ended(a) {
    if (a.connect !== 'ok') { return a.connect; }
    if (a.tls && a.tls.status !== 'ok') { return a.tls.status === 'handshake-failed' ? 'tls-failed' : 'certificate'; }
    if (!a.http) { return 'no-answer'; }
    var r = a.response, status = a.http.status;
    if (r && r.errorCode == null && r.protocols && r.protocols.length) { return 'settings'; }
    if (r && r.errorCode != null) { return 'autodiscover-error'; }
    if ((r && (r.redirectUrl || r.redirectAddr)) || (status >= 300 && status < 400)) { return 'redirect'; }
    if (status === 401) { return 'unauthorized'; }
    return r ? 'autodiscover-empty' : 'not-autodiscover';
  }

  function details(tls, http) {
    var parts = [];
    if (http) { parts.push('HTTP ' + http.status + (http.location ? ' → ' + http.location : '')); }
    if (http && http.authMethods && http.authMethods.length) { parts.push(http.authMethods.join(', ')); }
    if (tls && tls.status !== 'handshake-failed') {
      parts.push(word('clientCertificate') + colon() + valueOf('tls-status', tls.status)
        + (tls.names && tls.names.length ? ' (' + tls.names.join(', ') + ')' : '')
        + (tls.notAfter ? ', ' + word('clientUntil') + ' ' + tls.notAfter : ''));
    }
    return parts.join(' · ');
  }

  function showClient(facts) {
    var client = facts && facts.client;
    if (!client || !client.autodiscover) { return; }
    var box = $('client');
    box.appendChild(el('h2', {}, word('clientSteps')));
    var steps = el('ol', { 'class': 'client-steps' });
    var result = client.autodiscover.result;
    var taken = false;
    client.autodiscover.attempts.forEach(function (a) {
      var end = ended(a);
      var chosen = !taken && result && end === 'settings' && a.method === result.method;
      taken = taken || chosen;
      var li = el('li', { 'class': 'step ' + end + (chosen ? ' chosen' : ''), 'data-method': a.method, 'data-ended': end });
      li.appendChild(el('strong', {}, valueOf('autodiscover-method', a.method)));
      li.appendChild(el('code', {}, a.url));
      li.appendChild(el('span', { 'class': 'outcome' }, valueOf('autodiscover-ended', end)
        + (a.response && a.response.errorCode != null ? ' (' + a.response.errorCode + ')' : '')));
      var more = details(a.tls, a.http);
      if (a.address) { more = a.address + (more ? ' · ' + more : ''); }
      if (more) { li.appendChild(el('span', { 'class': 'muted' }, more)); }
      if (chosen) { li.appendChild(el('em', {}, word('clientResult'))); }
      steps.appendChild(li);
    });
    box.appendChild(steps);
    if (!result) { box.appendChild(el('p', { 'class': 'error-box' }, word('clientNoResult'))); }
    var ews = client.ews;
    if (ews) {
      var p = el('p', { 'class': 'client-ews', 'data-login': ews.login || '' });
      p.appendChild(el('strong', {}, word('clientEws')));
      p.appendChild(el('code', {}, ews.url));
      p.appendChild(el('span', { 'class': 'outcome' }, ews.login ? word('clientLogin') + colon() + valueOf('auth-result', ews.login)
        : valueOf('connect', ews.connect)));
      var d = details(ews.tls, ews.http);
      if (d) { p.appendChild(el('span', { 'class': 'muted' }, d)); }
      box.appendChild(p);
    }
  }

  function card(w) {
    var root = w.explainedBy.length === 0;
    var box = el('article', { 'class': 'warning-card ' + w.severity, 'data-code': w.code, id: 'warning-' + w.code });
    var h = el('h3');
    h.appendChild(el('span', { 'class': 'badge ' + w.severity }, valueOf('severity', w.severity)));
    if (root) { h.appendChild(el('span', { 'class': 'badge root' }, word('rootCause'))); }
    h.appendChild(document.createTextNode(w.title + ' '));
    h.appendChild(el('span', { 'class': 'code' }, w.code));
    var why = el('button', { type: 'button', 'class': 'why', 'data-code': w.code }, word('why'));
    why.addEventListener('click', function () { explain(w.code, 'why'); });
    h.appendChild(why);
    box.appendChild(h);
    if (w.explains.length) { box.appendChild(el('p', { 'class': 'links' }, word('explains') + colon() + w.explains.join(', '))); }
    if (w.explainedBy.length) { box.appendChild(el('p', { 'class': 'links' }, word('explainedBy') + colon() + w.explainedBy.join(', '))); }
    box.appendChild(el('p', {}, w.explanation));
    box.appendChild(el('strong', {}, word('evidence')));
    var ev = el('ul', { 'class': 'evidence' });
    w.evidence.forEach(function (e) { ev.appendChild(el('li', {}, e)); });
    box.appendChild(ev);
    box.appendChild(el('strong', {}, word('fix')));
    var fix = el('ol', { 'class': 'remediation' });
    w.remediation.forEach(function (step) { fix.appendChild(el('li', {}, step)); });
    box.appendChild(fix);
    return box;
  }

  // Causes on the left, what they explain to their right: one column per step of explanation.
  function drawGraph(warnings) {
    var report = { warnings: warnings };
    var NS = 'http://www.w3.org/2000/svg';
    var svg = $('graph');
    if (!warnings.length) { return; }
    var byCode = {};
    report.warnings.forEach(function (w) { byCode[w.code] = w; });
    var depth = {};
    function depthOf(code, seen) {
      if (depth[code] !== undefined) { return depth[code]; }
      if (seen[code]) { return 0; }
      seen[code] = true;
      var causes = byCode[code].explainedBy.filter(function (c) { return byCode[c]; });
      var d = causes.length ? 1 + Math.max.apply(null, causes.map(function (c) { return depthOf(c, seen); })) : 0;
      depth[code] = d;
      return d;
    }
    report.warnings.forEach(function (w) { depthOf(w.code, {}); });
    var columns = [];
    report.warnings.forEach(function (w) { (columns[depth[w.code]] = columns[depth[w.code]] || []).push(w.code); });
    var W = 250, H = 40, GX = 70, GY = 16, PAD = 8;
    var pos = {};
    columns.forEach(function (col, x) {
      col.forEach(function (code, y) { pos[code] = { x: PAD + x * (W + GX), y: PAD + y * (H + GY) }; });
    });
    var rows = Math.max.apply(null, columns.map(function (c) { return c.length; }));
    var extraBottom = 0;
    var defs = document.createElementNS(NS, 'defs');
    var marker = document.createElementNS(NS, 'marker');
    [['id', 'arrow'], ['viewBox', '0 0 10 10'], ['refX', '10'], ['refY', '5'], ['markerWidth', '7'], ['markerHeight', '7'], ['orient', 'auto-start-reverse']]
      .forEach(function (a) { marker.setAttribute(a[0], a[1]); });
    var tip = document.createElementNS(NS, 'path');
    tip.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z'); tip.setAttribute('fill', '#7a8494');
    marker.appendChild(tip); defs.appendChild(marker); svg.appendChild(defs);
    report.warnings.forEach(function (w) {
      w.explains.forEach(function (effect) {
        if (!pos[effect]) { return; }
        var a = pos[w.code], b = pos[effect];
        var path = document.createElementNS(NS, 'path');
        var x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
        var d;
        if (b.x - a.x > W + GX) {
          // Skipping a column: pass below the boxes in between instead of behind them.
          // A cubic curve reaches 3/4 of the way to its control points: aim them past the lowest row.
          var below = PAD + rows * (H + GY) - GY / 2, top = Math.max(a.y, b.y) + H;
          var control = top + (below - top) / 0.75;
          d = 'M' + (a.x + W / 2) + ' ' + (a.y + H) + ' C' + (a.x + W / 2) + ' ' + control + ' '
            + (b.x + W / 2) + ' ' + control + ' ' + (b.x + W / 2) + ' ' + (b.y + H);
          extraBottom = Math.max(extraBottom, GY + 4);
        } else {
          d = 'M' + x1 + ' ' + y1 + ' C' + mx + ' ' + y1 + ' ' + mx + ' ' + y2 + ' ' + x2 + ' ' + y2;
        }
        path.setAttribute('d', d);
        path.setAttribute('class', 'edge');
        path.setAttribute('data-from', w.code); path.setAttribute('data-to', effect);
        svg.appendChild(path);
      });
    });
    // Sized by a viewBox, so that the graph shrinks to the column instead of being cut.
    var width = PAD * 2 + columns.length * W + (columns.length - 1) * GX;
    var height = PAD * 2 + rows * H + (rows - 1) * GY + extraBottom;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    report.warnings.forEach(function (w) {
      var g = document.createElementNS(NS, 'g');
      g.setAttribute('class', 'node ' + w.severity + (w.explainedBy.length ? '' : ' root'));
      g.setAttribute('data-code', w.code);
      g.setAttribute('transform', 'translate(' + pos[w.code].x + ',' + pos[w.code].y + ')');
      var rect = document.createElementNS(NS, 'rect');
      rect.setAttribute('width', W); rect.setAttribute('height', H); rect.setAttribute('rx', 6);
      var label = document.createElementNS(NS, 'text');
      label.setAttribute('x', 10); label.setAttribute('y', H / 2 + 4);
      label.textContent = w.code;
      var title = document.createElementNS(NS, 'title');
      title.textContent = w.title;
      g.appendChild(rect); g.appendChild(label); g.appendChild(title);
      g.addEventListener('click', function () { $('warning-' + w.code).scrollIntoView({ behavior: 'smooth' }); });
      svg.appendChild(g);
    });
  }

  function readFile(file) {
    if (!file) { return; }
    if (file.size > 1048576) { setStatus(file.name + colon() + word('tooLarge'), true); return; }
    var reader = new FileReader();
    reader.onload = function () { $('facts').value = reader.result; analyze(); };
    reader.readAsText(file);
  }

  $('analyze').addEventListener('click', analyze);
  $('explain-bounce').addEventListener('click', explainBounce);
  $('ask-why-not').addEventListener('click', function () {
    var code = $('why-not-code').value.trim().toUpperCase();
    if (code) { explain(code, 'why-not'); }
  });
  $('diagnose-form').addEventListener('submit', diagnose);
  $('file').addEventListener('change', function (e) { readFile(e.target.files[0]); });
  $('lang').addEventListener('change', function () {
    loadWords(lang()).then(function () {
      applyWords();
      if (lastFacts) { $('facts').value = lastFacts; analyze(); }
    }).catch(function (e) { setStatus(e.message, true); });
  });
  loadWords(lang()).then(applyWords).catch(function (e) { setStatus(e.message, true); });
  var drop = $('drop');
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) { readFile(e.dataTransfer.files[0]); });
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) { readFile(e.dataTransfer.files[0]); }
  });
})();
