// Tasklist for the person who works an incident alone, often on a phone (styles/user-styles.css lays it out):
// - on a narrow screen the list or the open task, never both, with a way back to the list;
// - a task offered to one of your groups is claimed as you open it: no separate 引き受ける before 完了;
// - after 完了 the person's next task of the same incident opens, the most urgent first;
// - 「インシデントを報告」 one tap away on every page; links in forms open beside Tasklist, not in its place;
// - a responder who is not an administrator is not shown the engine's end-of-life banner and menu entries.

const APP_ROOT = (() => {
  const base = document.querySelector('base');
  const path = new URL(base ? base.href : window.location.href).pathname;
  const at = path.indexOf('/app/');
  return at >= 0 ? path.substring(0, at) : '/camunda';
})();
const ENGINE_API = `${APP_ROOT}/api/engine/engine/default`;
// The application's own API (/api), beside the webapps (/camunda).
const OWN_API = `${APP_ROOT.replace(/\/[^/]*$/, '')}/api`;

const claimTried = new Set();

// Who is logged in and in which groups, asked once per login (null while nobody is).
let identity = null;
let known = null;
function whoAmI() {
  if (!identity) {
    identity = (async () => {
      const me = await getJson(`${APP_ROOT}/api/admin/auth/user/default`);
      if (!me || !me.userId) {
        return null;
      }
      const groups = (await getJson(`${ENGINE_API}/group?member=${encodeURIComponent(me.userId)}`)).map(g => g.id);
      document.body.classList.toggle('incident-responder', !(me.authorizedApps || []).includes('admin'));
      return { userId: me.userId, groups };
    })().catch(() => null).then(found => {
      known = found;
      if (!found) {
        identity = null;
      }
      return found;
    });
  }
  return identity;
}

let lastAsked = 0;
function whoAmISoon() {
  // After the login page, without a reload: asked again at most every two seconds until someone is logged in.
  if (Date.now() - lastAsked > 2000) {
    lastAsked = Date.now();
    whoAmI();
  }
}

function openTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function backToList() {
  const [route, query] = window.location.hash.split('?');
  const params = new URLSearchParams(query || '');
  params.delete('task');
  window.location.hash = `${route || '#/'}?${params.toString()}`;
}

async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

function addReportButton() {
  const start = document.querySelector('.sections-menu .start-process-action a');
  const header = document.querySelector('[cam-widget-header] .navbar-header');
  document.body.classList.toggle('incident-ready', !!start);
  if (!start || !header || header.querySelector('.incident-report-now')) {
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'incident-report-now';
  button.textContent = 'インシデントを報告';
  button.addEventListener('click', () => {
    const link = document.querySelector('.sections-menu .start-process-action a');
    if (link) {
      link.click();
    }
  });
  header.appendChild(button);
}

// The start dialog: the organisation's own procedure first and marked; a sole proprietor sees only that one.
let procedures = null;
async function markOwnProcedure() {
  const links = [...document.querySelectorAll('.modal-dialog a')];
  if (links.length === 0) {
    return;
  }
  if (!procedures) {
    procedures = getJson(`${OWN_API}/procedures`).catch(() => {
      procedures = null;
      return [];
    });
  }
  const known = await procedures;
  for (const procedure of [...known].reverse()) {
    const link = links.find(a => a.textContent.trim() === procedure.name);
    const item = link && (link.closest('li') || link.parentElement);
    if (!item || item.classList.contains('incident-procedure')) {
      continue;
    }
    item.classList.add('incident-procedure');
    if (!procedure.offered) {
      item.style.display = 'none';
      continue;
    }
    if (procedure.default) {
      const mark = document.createElement('div');
      mark.className = 'incident-own-procedure';
      mark.textContent = 'この組織の手順（迷ったらこれ）';
      item.appendChild(mark);
      item.parentElement.insertBefore(item, item.parentElement.firstChild);
    }
  }
}

// The start form's company id only for someone who works for several companies (a vendor's desk), and then as a
// choice of those companies and the installation itself, instead of an id to type.
let companyChoices = null;
function companyFieldOnlyForSeveralCompanies() {
  const input = document.querySelector("[id$='-Field_companyId']");
  const field = input && input.closest('.fjs-form-field');
  if (!field || !known) {
    return;
  }
  const companies = new Set(known.groups.filter(group => group.includes('--')).map(group => group.split('--')[0]));
  field.style.display = companies.size > 1 ? '' : 'none';
  if (companies.size > 1) {
    offerCompanies(input, field);
  }
}

function offerCompanies(input, field) {
  if (!companyChoices) {
    companyChoices = getJson(`${OWN_API}/companies`).catch(() => {
      companyChoices = null;
      return null;
    });
  }
  offerChoice(input, field, 'incident-company-choice', companyChoices.then(list => list && [
    ['', '会社を選んでください'],
    ...list.map(company => [company.id, `${company.name}（${company.id}）`]),
    ['installation', 'この環境そのもの（どの会社のものでもないインシデント）']]));
}

// 訓練を始める: the scenarios this installation has (shipped and the organisation's own), with what each is about.
let scenarioChoices = null;
function offerDrillScenarios() {
  const input = document.querySelector("[id$='-Field_drillScenario']");
  const field = input && input.closest('.fjs-form-field');
  if (!field || field.querySelector('.incident-scenario-choice')) {
    return;
  }
  if (!scenarioChoices) {
    scenarioChoices = getJson(`${OWN_API}/drills/scenarios`).catch(() => {
      scenarioChoices = null;
      return null;
    });
  }
  scenarioChoices.then(list => {
    if (!list) {
      return;
    }
    const summaries = new Map(list.map(scenario => [scenario.id, scenario.summary]));
    offerChoice(input, field, 'incident-scenario-choice', Promise.resolve([['', 'シナリオを選んでください'],
      ...list.map(scenario => [scenario.id, scenario.title])]), select => {
      let summary = field.querySelector('.incident-scenario-summary');
      if (!summary) {
        // The description names ids to type; with the list, what the chosen scenario is about says more.
        const description = field.querySelector('.fjs-form-field-description');
        if (description) {
          description.style.display = 'none';
        }
        summary = document.createElement('div');
        summary.className = 'incident-scenario-summary';
        select.insertAdjacentElement('afterend', summary);
      }
      summary.textContent = summaries.get(select.value) || '';
    });
  });
}

// A list to choose from drawn over a form-js text field, which keeps the value form-js submits and validates.
// Without the list (the request failed) the typed field stays, with its description of what to type.
function offerChoice(input, field, className, options, chosen = () => {}) {
  if (field.querySelector(`.${className}`)) {
    return;
  }
  options.then(pairs => {
    if (!pairs || !input.isConnected || field.querySelector(`.${className}`)) {
      return;
    }
    const select = document.createElement('select');
    select.className = className;
    select.id = `${input.id}-choice`;
    for (const [value, text] of pairs) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = text;
      select.appendChild(option);
    }
    select.value = input.value;
    select.addEventListener('change', () => {
      // form-js keeps its own state: the value is set as typing would set it, and the field left at once, so that
      // the form takes it now and not after its typing delay, while the person already types in the next field.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, select.value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new FocusEvent('blur'));
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      chosen(select);
    });
    const typed = input.closest('.fjs-input-group') || input;
    typed.style.display = 'none';
    typed.insertAdjacentElement('afterend', select);
    const label = field.querySelector('label');
    if (label) {
      label.htmlFor = select.id;
    }
    chosen(select);
  });
}

// The 初動カード to print and keep by the PC, from the menu.
function addCardLink() {
  const menu = document.querySelector('.sections-menu ul');
  if (!menu || menu.querySelector('.incident-first-hour-card')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'incident-first-hour-card';
  const link = document.createElement('a');
  link.href = `${OWN_API}/first-hour-card?size=a4`;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = '初動カードを印刷（PDF）';
  item.appendChild(link);
  menu.appendChild(item);
}

function addBackButton() {
  const content = document.querySelector('.task-details > .content');
  if (!content || content.querySelector('.incident-back-to-list')) {
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'incident-back-to-list';
  button.textContent = '← タスクの一覧に戻る';
  button.addEventListener('click', backToList);
  content.insertBefore(button, content.firstChild);
}

// A read-only field with addresses in it (a desk's web page, an e-mail address) is shown as its text with the
// addresses as links to tap, in place of the box that cannot be tapped.
const ADDRESS = /(https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;
function linkAddresses() {
  document.querySelectorAll('.fjs-form-field.fjs-readonly').forEach(field => {
    const input = field.querySelector('textarea, input');
    const value = input ? input.value || '' : '';
    let shown = field.querySelector('.incident-linked');
    if (shown && shown.dataset.value === value) {
      field.classList.add('incident-linked-field');
      return;
    }
    if (shown) {
      shown.remove();
    }
    ADDRESS.lastIndex = 0;
    if (!ADDRESS.test(value)) {
      field.classList.remove('incident-linked-field');
      return;
    }
    shown = document.createElement('div');
    shown.className = 'incident-linked';
    shown.dataset.value = value;
    let at = 0;
    value.replace(ADDRESS, (address, _group, offset) => {
      shown.appendChild(document.createTextNode(value.substring(at, offset)));
      const link = document.createElement('a');
      link.href = address.includes('@') && !address.startsWith('http') ? `mailto:${address}` : address;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = address;
      shown.appendChild(link);
      at = offset + address.length;
      return address;
    });
    shown.appendChild(document.createTextNode(value.substring(at)));
    field.appendChild(shown);
    field.classList.add('incident-linked-field');
  });
}

function openLinksBeside() {
  document.querySelectorAll('.fjs-container a[href]:not([target])').forEach(link => {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  });
}

async function claimIfOffered() {
  const taskId = openTaskId();
  const claim = document.querySelector(".task-details button[ng-click='claim()']");
  if (!taskId || !claim || claim.offsetParent === null || claimTried.has(taskId)) {
    return;
  }
  claimTried.add(taskId);
  const me = await whoAmI();
  if (!me) {
    claimTried.delete(taskId); // not known yet: tried again on the next change of the page
    return;
  }
  try {
    const links = await getJson(`${ENGINE_API}/task/${encodeURIComponent(taskId)}/identity-links?type=candidate`);
    const offered = links.some(link => (link.groupId && me.groups.includes(link.groupId)) || link.userId === me.userId);
    // Supervisors read every task but work only their own: only a task offered to you is claimed for you.
    const stillThere = document.querySelector(".task-details button[ng-click='claim()']");
    if (offered && openTaskId() === taskId && stillThere && stillThere.offsetParent !== null) {
      stillThere.click();
    }
  } catch (ignored) {
    // The button stays: the person can still claim by hand.
  }
}

// After 完了, the person's next task of the same incident opens by itself (or the list stays, if there is none).
const incidentOfTask = new Map();
let justCompleted = null;

async function rememberIncident(taskId) {
  if (!taskId || incidentOfTask.has(taskId)) {
    return;
  }
  incidentOfTask.set(taskId, null);
  try {
    const task = await getJson(`${ENGINE_API}/task/${encodeURIComponent(taskId)}`);
    const instance = await getJson(`${ENGINE_API}/process-instance/${encodeURIComponent(task.processInstanceId)}`);
    incidentOfTask.set(taskId, instance.businessKey || null);
  } catch (ignored) {
    incidentOfTask.delete(taskId);
  }
}

function watchCompletion() {
  document.querySelectorAll(".task-details button[ng-click='complete()']:not(.incident-watched)").forEach(button => {
    button.classList.add('incident-watched');
    button.addEventListener('click', () => {
      justCompleted = { taskId: openTaskId(), at: Date.now() };
    });
  });
}

async function openNextTaskOfIncident() {
  if (!justCompleted || openTaskId() === justCompleted.taskId && openTaskId() !== null) {
    return;
  }
  const { taskId, at } = justCompleted;
  justCompleted = null;
  const incident = incidentOfTask.get(taskId);
  const me = await whoAmI();
  if (!incident || !me || Date.now() - at > 15000 || openTaskId()) {
    return;
  }
  try {
    // Only when the task was really completed, not when 完了 met a missing answer and the person went back.
    const stillOpen = await fetch(`${ENGINE_API}/task/${encodeURIComponent(taskId)}`,
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (stillOpen.ok) {
      return;
    }
    const next = await getJson(`${ENGINE_API}/task?processInstanceBusinessKey=${encodeURIComponent(incident)}`
      + `&candidateUser=${encodeURIComponent(me.userId)}&includeAssignedTasks=true&sortBy=priority&sortOrder=desc`
      + '&maxResults=10');
    const mine = next.find(task => task.id !== taskId && (!task.assignee || task.assignee === me.userId));
    if (mine && !openTaskId()) {
      const [route, query] = window.location.hash.split('?');
      const params = new URLSearchParams(query || '');
      params.set('task', mine.id);
      window.location.hash = `${route || '#/'}?${params.toString()}`;
    }
  } catch (ignored) {
    // The list is shown, as Tasklist does by itself.
  }
}

// Tasklist may draw its first list before its Japanese date texts are loaded ("a few seconds ago" until a reload):
// once they are, its relative times are told to follow them.
let datesInLanguage = false;
function relativeTimesInLanguage() {
  if (datesInLanguage || !window.angular) {
    return;
  }
  try {
    const injector = window.angular.element(document.body).injector();
    const language = injector && injector.get('$translate').use();
    if (language && language !== 'en' && injector.get('amMoment').changeLocale(language) === language) {
      datesInLanguage = true;
    }
  } catch (notYet) {
    // Tasklist is still starting: tried again on the next change of the page.
  }
}

// The most urgent first: escalations (priority 90), then the reports the law asks for (80 with a deadline, 70
// without), nearest deadline first, then the newest. Tasklist's own default (newest first) is taken as "not
// chosen"; any other sorting the person picks stays. Once per filter and page load, so nothing can loop.
const TASKLIST_DEFAULT = JSON.stringify([{ sortBy: 'created', sortOrder: 'desc' }]);
const URGENT_FIRST = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' },
  { sortBy: 'created', sortOrder: 'desc' }
]);
const sortedFilters = new Set();
function sortUrgentFirst() {
  const [route, query] = window.location.hash.split('?');
  if (route !== '#/' && route !== '#' && route !== '') {
    return;
  }
  const params = new URLSearchParams(query || '');
  const sorting = params.get('sorting');
  const filter = params.get('filter') || '';
  if (sortedFilters.has(filter) || (sorting && sorting.replace(/\s/g, '') !== TASKLIST_DEFAULT)) {
    return;
  }
  sortedFilters.add(filter);
  params.set('sorting', URGENT_FIRST);
  window.location.replace(`${window.location.pathname}${window.location.search}#/?${params.toString()}`);
}

// The list's bare priority number in words: 至急 for an escalation, 法定 for a report the law asks for.
function priorityInWords() {
  document.querySelectorAll('.tasks-list .priority').forEach(cell => {
    const value = Number.parseInt(cell.textContent, 10);
    if (Number.isNaN(value)) {
      return;
    }
    const words = value >= 90 ? '至急' : value >= 70 ? '法定' : '';
    cell.textContent = words;
    cell.classList.toggle('incident-urgent', words !== '');
  });
}

const PHONE = window.matchMedia('(max-width: 600px)');

// On a phone, a long text of a form folds to a few lines until tapped (styles: .incident-folded).
function foldLongTexts() {
  if (!PHONE.matches) {
    return;
  }
  document.querySelectorAll('.fjs-container .fjs-form-field-text:not(.incident-fold-checked)').forEach(text => {
    if (text.offsetParent === null) {
      return;
    }
    text.classList.add('incident-fold-checked');
    if (text.scrollHeight > 100) {
      text.classList.add('incident-folded');
      text.addEventListener('click', event => {
        if (text.classList.contains('incident-folded') && !event.target.closest('a')) {
          text.classList.remove('incident-folded');
        }
      });
    }
  });
}

let scheduled = false;
function refresh() {
  scheduled = false;
  document.body.classList.toggle('incident-task-open', !!openTaskId());
  relativeTimesInLanguage();
  if (window.location.hash.startsWith('#/login')) {
    // Someone else may log in next, without a reload.
    identity = null;
    known = null;
    procedures = null;
    companyChoices = null;
    scenarioChoices = null;
  } else {
    if (!known) {
      whoAmISoon();
    }
    sortUrgentFirst();
  }
  priorityInWords();
  addReportButton();
  addCardLink();
  markOwnProcedure();
  companyFieldOnlyForSeveralCompanies();
  offerDrillScenarios();
  addBackButton();
  openLinksBeside();
  linkAddresses();
  foldLongTexts();
  claimIfOffered();
  rememberIncident(openTaskId());
  watchCompletion();
  openNextTaskOfIncident();
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(refresh);
  }
}

function start() {
  whoAmI();
  // The date texts may arrive after the last change of the page: looked for twice a second for a minute.
  let tries = 0;
  const timer = window.setInterval(() => {
    relativeTimesInLanguage();
    if (datesInLanguage || ++tries > 120) {
      window.clearInterval(timer);
    }
  }, 500);
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('hashchange', schedule);
  schedule();
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
