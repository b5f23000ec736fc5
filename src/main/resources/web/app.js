// The status page: polls the service's own API (no other site is ever contacted) and keeps the
// token, when the service wants one, in this tab's sessionStorage; it is sent as a header, never a cookie.
(function () {
  'use strict';

  var POLL_MS = 500;
  var TOKEN_KEY = 'monitorToken';
  var byId = function (id) { return document.getElementById(id); };
  var pollTimer = null;
  var historyShown = null;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    var sent = token();
    if (sent) { headers['Authorization'] = 'Bearer ' + sent; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, credentials: 'omit', cache: 'no-store',
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 401) { askForToken(sent ? 'The token was refused.' : ''); throw new Error('unauthorised'); }
        if (response.status === 204) { return { status: 204, json: null }; }
        return response.json().then(function (json) { return { status: response.status, json: json }; });
      });
  }

  function askForToken(message) {
    stopPolling();
    sessionStorage.removeItem(TOKEN_KEY);
    byId('app').hidden = true;
    byId('token-box').hidden = false;
    if (message) { byId('token-error').textContent = message; }
    byId('connection').textContent = 'token needed';
    byId('token').focus();
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function statusCell(row, status) {
    var td = cell(row, status, 'status status-' + status);
    td.setAttribute('data-role', 'status');
    return td;
  }

  function seconds(ms) {
    if (ms === null || ms === undefined) { return ''; }
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }

  function stepsOf(events, database, query) {
    var steps = [];
    events.forEach(function (event) {
      if (event.database === database && (event.query || null) === query) {
        if (steps[steps.length - 1] !== event.status) { steps.push(event.status); }
      }
    });
    return steps.join(' → ');
  }

  function renderPanel(status, newest) {
    var run = status.run;
    var rows = byId('panel-rows');
    var fresh = document.createDocumentFragment();
    byId('cancel').disabled = !status.inFlight;
    if (!run) {
      byId('run-summary').textContent = newest
        ? 'Last run: run ' + newest.runId + ', ' + newest.status + ', trigger ' + newest.trigger + ', start date ' +
          newest.startDate + ', finished ' + newest.finishedAt + ' (before this service started; see below).'
        : 'No run yet.';
    } else {
      byId('run-summary').textContent = (status.inFlight ? 'In flight: ' : 'Last run: ') + 'run ' + run.runId +
        ', ' + run.status + ', trigger ' + run.trigger + ', start date ' + run.startDate +
        (run.finishedAt ? ', finished ' + run.finishedAt : '') + ' (' + seconds(run.elapsedMs) + ')';
      byId('run-summary').setAttribute('data-run-id', run.runId);
      byId('run-summary').setAttribute('data-run-status', run.status);
      Object.keys(run.databases).forEach(function (name) {
        var database = run.databases[name];
        var tr = document.createElement('tr');
        tr.className = 'database';
        tr.setAttribute('data-database', name);
        cell(tr, name);
        statusCell(tr, database.status);
        cell(tr, '');
        cell(tr, seconds(database.elapsedMs), 'number');
        cell(tr, stepsOf(status.events, name, null), 'steps').setAttribute('data-role', 'steps');
        cell(tr, database.error, 'error');
        fresh.appendChild(tr);
        Object.keys(database.queries).forEach(function (queryName) {
          var query = database.queries[queryName];
          var qr = document.createElement('tr');
          qr.className = 'query';
          qr.setAttribute('data-database', name);
          qr.setAttribute('data-query', queryName);
          cell(qr, queryName);
          statusCell(qr, query.status);
          cell(qr, query.rowCount, 'number').setAttribute('data-role', 'rows');
          cell(qr, seconds(query.elapsedMs), 'number');
          cell(qr, stepsOf(status.events, name, queryName), 'steps').setAttribute('data-role', 'steps');
          cell(qr, query.error, 'error');
          fresh.appendChild(qr);
        });
      });
    }
    rows.replaceChildren(fresh);
    var replica = status.replica;
    byId('standby').textContent = status.inFlight ? '' : replica.role === 'standby'
      ? 'Runs start and are cancelled on the leader' + (replica.leader ? ' (' + replica.leader + ')' : '') +
        '; its page shows the run in flight.'
      : 'No run in flight. ' + (status.nextRunAt ? 'Next scheduled run: ' + status.nextRunAt + ' (' + status.schedule + ').'
                                                 : 'No schedule: runs start from the inbox, this page or the API.');
    renderReplica(replica);
  }

  // With replicas, which one this page is on; read at each poll, so a failover shows without a reload.
  function renderReplica(replica) {
    var line = byId('replica');
    var standby = replica.role === 'standby';
    line.hidden = replica.role === 'alone';
    line.setAttribute('data-role', replica.role);
    line.className = 'replica replica-' + replica.role;
    line.textContent = 'replica ' + replica.id + ': ' + (standby
      ? 'standby, leader is ' + (replica.leader || 'not known yet')
      : 'leader');
    byId('run').disabled = standby;
  }

  function renderHistory(runs) {
    var key = JSON.stringify(runs);
    if (key === historyShown) { return; }
    historyShown = key;
    var fresh = document.createDocumentFragment();
    runs.forEach(function (run) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-history-run', run.runId);
      cell(tr, run.runId);
      statusCell(tr, run.status);
      cell(tr, run.trigger);
      cell(tr, run.startDate);
      cell(tr, seconds(run.elapsedMs), 'number');
      cell(tr, run.rows, 'number');
      var td = cell(tr, '');
      var link = document.createElement('a');
      link.href = '/api/runs/' + encodeURIComponent(run.runId);
      link.textContent = 'JSON';
      link.className = 'report-link';
      link.addEventListener('click', openReport);
      td.appendChild(link);
      fresh.appendChild(tr);
    });
    byId('history-rows').replaceChildren(fresh);
  }

  // A plain link cannot carry the token header: fetch the report with it and show it from memory.
  function openReport(event) {
    if (!token()) { return; }
    event.preventDefault();
    var href = event.currentTarget.getAttribute('href');
    fetch(href, { headers: { 'Authorization': 'Bearer ' + token() }, credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) { askForToken('The token was refused.'); throw new Error('unauthorised'); }
        return response.blob();
      })
      .then(function (blob) { window.location.href = URL.createObjectURL(new Blob([blob], { type: 'application/json' })); })
      .catch(function () { /* the token box says why */ });
  }

  function poll() {
    Promise.all([api('GET', '/api/status'), api('GET', '/api/runs?limit=20')])
      .then(function (answers) {
        byId('token-box').hidden = true;
        byId('app').hidden = false;
        byId('connection').textContent = 'live';
        renderPanel(answers[0].json, answers[1].json[0]);
        renderHistory(answers[1].json);
        pollTimer = setTimeout(poll, POLL_MS);
      })
      .catch(function (error) {
        if (error.message !== 'unauthorised') {
          byId('connection').textContent = 'service unreachable; retrying';
          pollTimer = setTimeout(poll, 2000);
        }
      });
  }

  function stopPolling() {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
  }

  byId('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, byId('token').value);
    byId('token').value = '';
    byId('token-error').textContent = '';
    stopPolling();
    poll();
  });

  byId('run-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var request = {};
    var date = byId('start-date').value;
    var days = byId('lookback-days').value;
    if (date) { request.startDate = date; }
    if (days !== '') { request.lookbackDays = Number(days); }
    byId('run-error').textContent = '';
    api('POST', '/api/runs', request).then(function (answer) {
      if (answer.status !== 202) { byId('run-error').textContent = answer.json.error; }
    }).catch(function () { /* the token box says why */ });
  });

  byId('cancel').addEventListener('click', function () {
    api('POST', '/api/runs/current/cancel').then(function (answer) {
      if (answer.status !== 202) { byId('run-error').textContent = answer.json.error; }
    }).catch(function () { /* the token box says why */ });
  });

  poll();
}());
