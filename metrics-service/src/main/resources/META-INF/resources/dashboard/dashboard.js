// Rapport dashboard: reads the metrics API with the pasted bearer token and follows the live stream with
// fetch() (EventSource cannot send a token). Everything it shows comes from the API; nothing is computed here
// but the health score distribution.
(function () {
  'use strict';
  const api = '/api/v1/metrics';
  const $ = id => document.getElementById(id);
  const state = { charts: {}, stream: null, refreshing: false, again: false };
  window.dashboard = state;

  const today = new Date();
  const monthAgo = new Date(today.getTime() - 90 * 24 * 3600 * 1000);
  const params = new URLSearchParams(location.search);
  $('token').value = sessionStorage.getItem('rapport-token') || '';
  $('team').value = params.get('team') || sessionStorage.getItem('rapport-team') || '';
  $('from').value = params.get('from') || monthAgo.toISOString().slice(0, 10);
  $('to').value = params.get('to') || today.toISOString().slice(0, 10);

  const percent = v => v === null || v === undefined ? '–' : (Math.round(v * 1000) / 10) + ' %';
  const number = v => v === null || v === undefined ? '–' : String(v);

  async function get(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + $('token').value.trim(),
      Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem document */ }
      throw new Error(path.split('?')[0] + ': ' + detail);
    }
    return response.json();
  }

  function query(extra) {
    const q = new URLSearchParams({ from: $('from').value, to: $('to').value });
    if ($('team').value.trim()) { q.set('team', $('team').value.trim()); }
    Object.entries(extra || {}).forEach(([k, v]) => q.set(k, v));
    return q.toString();
  }

  function chart(id, config) {
    if (state.charts[id]) { state.charts[id].destroy(); }
    config.options = Object.assign({ animation: false, responsive: true }, config.options || {});
    state.charts[id] = new Chart($(id), config);
  }

  async function refresh() {
    if (state.refreshing) { state.again = true; return; }
    state.refreshing = true;
    try {
      const team = $('team').value.trim();
      const [summary, coverage, health] = await Promise.all([
        get(api + '/summary?' + query()), get(api + '/coverage?' + query()),
        get(api + '/kols/health?' + (team ? 'team=' + encodeURIComponent(team) + '&' : '') + 'limit=500')]);
      const series = team ? await get(api + '/teams/' + encodeURIComponent(team) + '?' + query({ granularity: 'week' }))
        : null;
      show(summary.metrics, coverage, health.items, series);
      $('error').textContent = '';
      $('updated').textContent = new Date().toLocaleTimeString();
    } catch (e) {
      $('error').textContent = e.message;
    } finally {
      state.refreshing = false;
      if (state.again) { state.again = false; refresh(); }
    }
  }

  function show(m, coverage, health, series) {
    $('completed').textContent = number(m.interactions.completed);
    $('kols-reached').textContent = number(m.reach.kolsReached);
    $('feedback').textContent = m.feedback.average === null || m.feedback.average === undefined ? '–'
      : m.feedback.average.toFixed(2) + ' / 5';
    $('mir-on-time').textContent = percent(m.medicalRequests.onTimeRate);
    $('coverage').textContent = percent(coverage.tierOneTwoCoverage);
    $('validated-rate').textContent = percent(m.insights.validatedRate);

    const buckets = series ? series.buckets : [{ start: $('from').value, metrics: m }];
    const channels = [...new Set(buckets.flatMap(b => Object.keys(b.metrics.interactions.byChannel)))].sort();
    chart('channels', { type: 'bar', data: { labels: buckets.map(b => b.start),
      datasets: channels.map(c => ({ label: c, data: buckets.map(b => b.metrics.interactions.byChannel[c] || 0) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });

    const bands = ['0-19', '20-39', '40-59', '60-79', '80-100'];
    const counts = [0, 0, 0, 0, 0];
    health.forEach(k => { counts[Math.min(4, Math.floor(k.score / 20))]++; });
    chart('health', { type: 'bar', data: { labels: bands, datasets: [{ label: 'KOLs', data: counts }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });

    chart('funnel', { type: 'bar', data: { labels: ['submitted', 'validated', 'actioned', 'rejected'],
      datasets: [{ label: 'insights', data: [m.insights.submitted, m.insights.validated, m.insights.actioned,
        m.insights.rejected] }] }, options: { indexAxis: 'y' } });

    const r = m.medicalRequests;
    chart('requests', { type: 'doughnut', data: { labels: ['answered on time', 'answered late', 'open or withdrawn'],
      datasets: [{ data: [r.answeredOnTime, r.answered - r.answeredOnTime, Math.max(0, r.received - r.answered)] }] } });

    chart('coverage-chart', { type: 'bar', data: { labels: ['tier 1-2', 'assigned'], datasets: [
      { label: 'reached', data: [coverage.tierOneTwoReached, coverage.assignedReached] },
      { label: 'not reached', data: [coverage.tierOneTwoKols - coverage.tierOneTwoReached,
        coverage.assignedKols - coverage.assignedReached] }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
  }

  // Server-sent events over fetch(): parse "event:"/"data:" lines; refresh on each change; reconnect with
  // Last-Event-ID after a drop (after Retry-After when the server has too many streams). The stream ends with
  // "token-expired" when the token does: reconnecting with it would only be refused, so ask for a new one.
  async function follow() {
    if (state.stream) { state.stream.abort(); }
    const controller = new AbortController();
    state.stream = controller;
    let lastId = null;
    while (!controller.signal.aborted) {
      try {
        const headers = { Authorization: 'Bearer ' + $('token').value.trim(), Accept: 'text/event-stream' };
        if (lastId) { headers['Last-Event-ID'] = lastId; }
        const team = $('team').value.trim();
        const response = await fetch(api + '/stream' + (team ? '?team=' + encodeURIComponent(team) : ''),
          { headers, signal: controller.signal });
        if (response.status === 401) { expired(); return; }
        if (response.status === 429) {
          await new Promise(resolve => setTimeout(resolve, 1000 * (Number(response.headers.get('Retry-After')) || 10)));
          continue;
        }
        if (!response.ok) { throw new Error('stream: ' + response.status); }
        $('live').className = 'on'; $('live').textContent = '● live';
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) { break; }
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message';
            block.split('\n').forEach(line => {
              if (line.startsWith('event:')) { name = line.slice(6).trim(); }
              if (line.startsWith('id:')) { lastId = line.slice(3).trim(); }
            });
            if (name === 'metrics-changed') { refresh(); }
            if (name === 'token-expired') { expired(); return; }
          }
        }
      } catch (e) {
        if (controller.signal.aborted) { return; }
      }
      $('live').className = 'off'; $('live').textContent = '● reconnecting';
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }

  function expired() {
    $('live').className = 'off'; $('live').textContent = '● token expired: paste a new one';
  }

  $('connect').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem('rapport-token', $('token').value.trim());
    sessionStorage.setItem('rapport-team', $('team').value.trim());
    refresh();
    follow();
  });
  if ($('token').value) { refresh(); follow(); }
})();
