// Cockpit dashboard plugin 「インシデント一覧」: the open incidents, most urgent first, and how the response has gone.
// Data comes from our /api (GET with the Cockpit login, under the caller's rights); charts use Chart.js from its webjar.
const API = '/api/board';
const CHART_JS = '/webjars/chart.js/dist/chart.umd.js';

const LEVEL_LABELS = { 0: 'レベル0', 1: 'レベル1', 2: 'レベル2', 3: 'レベル3' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child ?? ''))));
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `${response.status}`);
  }
  return body;
}

// Times are shown in the installation's time zone (incident.time-zone), which every answer of the board names.
let dateTime = formatIn('Asia/Tokyo');

function formatIn(timeZone) {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

function formatDate(value) {
  return value ? dateTime.format(new Date(value)) : '';
}

// 「あと 5 時間 20 分」 or 「3 時間 10 分 超過」
function timeLeft(minutes) {
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const text = (days ? `${days} 日 ` : '') + `${hours} 時間 ${abs % 60} 分`;
  return minutes < 0 ? `${text} 超過` : `あと ${text}`;
}

function levelBadge(level) {
  if (level === null || level === undefined) {
    return el('span', { class: 'ib-level ib-level-none' }, '未判定');
  }
  return el('span', { class: `ib-level ib-level-${level}` }, LEVEL_LABELS[level] || `レベル${level}`);
}

function deadlineCell(incident) {
  const deadline = incident.nearestDeadline;
  if (!deadline) {
    return el('td', {}, el('span', { class: 'ib-muted' }, 'なし'));
  }
  const urgency = incident.urgency.toLowerCase();
  const word = { overdue: '期限超過', soon: '24時間以内' }[urgency];
  return el('td', { class: `ib-deadline ib-deadline-${urgency}`, 'data-urgency': urgency },
    el('div', {}, word ? el('strong', {}, `${word}: `) : '', deadline.recipientName || ''),
    el('div', {}, formatDate(deadline.dueAt)),
    el('div', { class: 'ib-left' }, timeLeft(deadline.minutesLeft)));
}

function tasksCell(incident) {
  if (!incident.openTasks.length) {
    return el('td', {}, el('span', { class: 'ib-muted' }, 'なし'));
  }
  return el('td', {}, el('ul', { class: 'ib-tasks' }, incident.openTasks.map(task => el('li', {},
    task.name, ' ',
    el('span', { class: 'ib-muted' }, `（${task.candidateGroups.map(g => g.name).join('・') || '担当グループなし'}`
      + `${task.assignee ? `／担当: ${task.assignee}` : '／未割り当て'}）`)))));
}

function row(incident) {
  const links = el('td', { class: 'ib-links' });
  if (incident.processInstanceId && incident.stateCode === 'open') {
    links.append(el('a', { href: `#/process-instance/${encodeURIComponent(incident.processInstanceId)}/runtime` },
      'Cockpit で開く'));
  }
  links.append(el('a', { href: incident.reportUrl, target: '_blank', rel: 'noopener' }, '報告書'));
  if (incident.drill) {
    links.append(el('a', { class: 'ib-scorecard', target: '_blank', rel: 'noopener',
      href: `/api/drills/${encodeURIComponent(incident.incidentNumber)}/scorecard.pdf` }, '振り返り（採点表）'));
  }
  return el('tr', { 'data-incident': incident.incidentNumber, 'data-urgency': incident.urgency.toLowerCase() },
    el('th', { scope: 'row' },
      el('div', { class: 'ib-number' }, incident.incidentNumber,
        incident.drill ? el('span', { class: 'ib-drill' }, '訓練') : ''),
      el('div', {}, incident.title),
      incident.company ? el('div', { class: 'ib-muted' }, incident.company) : ''),
    el('td', {}, levelBadge(incident.severityLevel), el('div', { class: 'ib-muted' }, incident.incidentTypeLabel)),
    el('td', {}, el('div', {}, incident.procedureName),
      el('div', { class: 'ib-muted' }, incident.stages.join('／') || incident.state)),
    tasksCell(incident),
    deadlineCell(incident),
    links);
}

function table(incidents, caption) {
  return el('table', { class: 'ib-table cam-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {},
      ['番号・件名・事業者', '事故レベル・種別', '手順・段階', '対応中のタスク（担当）', '最も近い法定期限', 'リンク']
        .map(heading => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, incidents.length ? incidents.map(row)
      : el('tr', {}, el('td', { colspan: '6' }, '該当するインシデントはありません。'))));
}

let chartJs;
function loadChartJs() {
  chartJs = chartJs || new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => reject(new Error('Chart.js を読み込めませんでした'));
    document.head.appendChild(script);
  });
  return chartJs;
}

async function drawCharts(container) {
  const figures = await getJson(`${API}/figures?months=12`);
  const Chart = await loadChartJs();
  container.replaceChildren();
  const chart = (title, description, config) => {
    const canvas = el('canvas', { role: 'img', 'aria-label': description });
    container.append(el('figure', { class: 'ib-chart' }, el('figcaption', {}, title), el('div', { class: 'ib-canvas' }, canvas)));
    return new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
  };
  const months = figures.months.map(m => m.month);
  chart('発覚・封じ込め・復旧までの平均時間（月別、時間）',
    '月ごとの平均時間: ' + figures.months.map(m => `${m.month} 発覚 ${m.hoursToDetect ?? '-'}、封じ込め ${m.hoursToContain ?? '-'}、復旧 ${m.hoursToRecover ?? '-'}`).join('; '),
    {
      type: 'line',
      data: {
        labels: months, datasets: [
          { label: '発生→発覚', data: figures.months.map(m => m.hoursToDetect), borderColor: '#1f5fa8', backgroundColor: '#1f5fa8', spanGaps: true },
          { label: '発覚→封じ込め', data: figures.months.map(m => m.hoursToContain), borderColor: '#b35900', backgroundColor: '#b35900', spanGaps: true },
          { label: '発覚→復旧', data: figures.months.map(m => m.hoursToRecover), borderColor: '#2e7d32', backgroundColor: '#2e7d32', spanGaps: true }
        ]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: '時間' } } } }
    });
  const types = Object.entries(figures.byType);
  chart('種別ごとの件数（過去12か月）', '種別ごとの件数: ' + types.map(([t, n]) => `${t} ${n} 件`).join('、'), {
    type: 'bar',
    data: { labels: types.map(([t]) => t), datasets: [{ label: '件数', data: types.map(([, n]) => n), backgroundColor: '#1f5fa8' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  const levels = Object.entries(figures.byLevel);
  chart('事故レベルごとの件数（過去12か月）', '事故レベルごとの件数: ' + levels.map(([l, n]) => `${l} ${n} 件`).join('、'), {
    type: 'bar',
    data: {
      labels: levels.map(([l]) => (LEVEL_LABELS[l] || l)),
      datasets: [{ label: '件数', data: levels.map(([, n]) => n), backgroundColor: ['#4a4a4a', '#8a6d00', '#b35900', '#b00020', '#767676'] }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
}

function render(node) {
  const status = el('p', { class: 'ib-status', role: 'status', 'aria-live': 'polite' }, '読み込み中…');
  // The installation's own troubles (a failing backup), above the incidents.
  const notices = el('div', { class: 'ib-notices' });
  const results = el('div', { class: 'ib-results' });
  const stateSelect = el('select', { id: 'ib-state' },
    el('option', { value: 'open' }, '対応中'), el('option', { value: 'ended' }, '完了（期間を指定）'));
  // The default period comes from the server, in its time zone: a browser's own date may be UTC's, which before
  // 9:00 in Japan is still yesterday.
  const from = el('input', { type: 'date', id: 'ib-from' });
  const to = el('input', { type: 'date', id: 'ib-to' });
  const period = el('span', { class: 'ib-period', hidden: '' },
    el('label', { for: 'ib-from' }, '開始日'), from, el('label', { for: 'ib-to' }, '終了日'), to);
  // Drills (訓練) stay out of the list unless the lead asks for them, to follow one or read its scorecard.
  const drills = el('input', { type: 'checkbox', id: 'ib-drills' });
  const show = el('button', { type: 'submit', class: 'btn btn-default' }, '表示');
  const form = el('form', { class: 'ib-toolbar', 'aria-label': '表示するインシデント' },
    el('label', { for: 'ib-state' }, '表示'), stateSelect, period,
    el('span', { class: 'ib-with-drills' }, drills, el('label', { for: 'ib-drills' }, '訓練も表示')), show);
  const charts = el('div', { class: 'ib-charts' }, el('p', { class: 'ib-muted' }, 'グラフを読み込み中…'));

  async function load() {
    const ended = stateSelect.value === 'ended';
    status.textContent = '読み込み中…';
    const query = !ended ? '?state=open'
      : '?state=ended' + (from.value ? `&from=${from.value}` : '') + (to.value ? `&to=${to.value}` : '');
    const withDrills = drills.checked ? '&drills=true' : '';
    try {
      const board = await getJson(API + query + withDrills);
      dateTime = formatIn(board.timeZone);
      notices.replaceChildren(...(board.notices || []).map(text => el('p', { class: 'ib-notice', role: 'alert' }, text)));
      from.value = from.value || board.period.from;
      to.value = to.value || board.period.to;
      results.replaceChildren(table(board.incidents, ended
        ? `${from.value} 〜 ${to.value} に完了したインシデント（${board.incidents.length} 件）`
        : `対応中のインシデント（${board.incidents.length} 件、緊急度の高い順）`));
      status.textContent = `更新: ${formatDate(board.generatedAt)}`;
    } catch (error) {
      status.textContent = `インシデント一覧を読み込めませんでした: ${error.message}`;
    }
  }

  stateSelect.addEventListener('change', () => {
    period.hidden = stateSelect.value !== 'ended';
  });
  drills.addEventListener('change', load);
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });

  node.replaceChildren(el('section', { class: 'incident-board', 'aria-labelledby': 'ib-heading' },
    el('style', {}, STYLE),
    el('h2', { id: 'ib-heading' }, 'インシデント一覧'),
    notices, form, status, results,
    el('h3', {}, '対応状況の推移'), charts));
  load();
  drawCharts(charts).catch(error => {
    charts.replaceChildren(el('p', { role: 'alert' }, `グラフを表示できませんでした: ${error.message}`));
  });
}

// Colours chosen for at least 4.5:1 contrast; urgency is also said in words, not only by colour.
const STYLE = `
.incident-board { margin: 0 0 24px; }
.incident-board h2 { font-size: 20px; margin: 8px 0 12px; }
.incident-board h3 { font-size: 16px; margin: 20px 0 8px; }
.incident-board a:focus, .incident-board button:focus, .incident-board select:focus, .incident-board input:focus {
  outline: 3px solid #1f5fa8; outline-offset: 2px; }
.ib-toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
.ib-period { display: inline-flex; gap: 6px; align-items: center; }
.ib-period[hidden] { display: none; }
.ib-table { width: 100%; border-collapse: collapse; background: #fff; }
.ib-table caption { text-align: left; font-weight: bold; color: #222; padding: 4px 0; }
.ib-table th, .ib-table td { border: 1px solid #ccc; padding: 6px 8px; vertical-align: top; text-align: left; color: #222; }
.ib-table thead th { background: #f2f2f2; }
.ib-table tbody th { font-weight: normal; }
.ib-number { font-weight: bold; }
.ib-notice { background: #fdecea; color: #8a1c1c; border-left: 6px solid #b00020; padding: 8px 12px; font-weight: bold; }
.ib-drill { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid #1f5fa8; border-radius: 4px;
  color: #1f5fa8; font-size: 12px; font-weight: bold; }
.ib-with-drills { display: inline-flex; gap: 4px; align-items: center; }
.ib-with-drills label { margin: 0; font-weight: normal; }
.ib-muted { color: #555; font-size: 12px; }
.ib-tasks { margin: 0; padding-left: 16px; }
.ib-level { display: inline-block; padding: 2px 8px; border-radius: 10px; font-weight: bold; color: #fff; }
.ib-level-0 { background: #4a4a4a; }
.ib-level-1 { background: #8a6d00; }
.ib-level-2 { background: #b35900; }
.ib-level-3 { background: #b00020; }
.ib-level-none { background: #767676; }
.ib-deadline-overdue { background: #fdecea; color: #8a1c1c !important; border-left: 6px solid #b00020 !important; }
.ib-deadline-soon { background: #fff4e5; color: #6b3a00 !important; border-left: 6px solid #e09000 !important; }
.ib-links a { display: block; white-space: nowrap; }
.ib-charts { display: flex; flex-wrap: wrap; gap: 16px; }
.ib-chart { flex: 1 1 320px; margin: 0; background: #fff; border: 1px solid #ccc; padding: 8px; }
.ib-chart figcaption { font-weight: bold; margin-bottom: 4px; }
.ib-canvas { position: relative; height: 240px; }
`;

export default {
  id: 'incident-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render,
  properties: { label: 'インシデント一覧' }
};
