// Imports every diagram, decision and form the way Camunda Modeler and Tasklist do (bpmn-js, dmn-js, form-js with
// the Camunda 7 moddle extensions) in headless Chromium, and fails on any import warning or error; then shows every
// form on a phone-sized screen and fails on a cut label, a page wider than the screen or a too small touch target.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../../..');
const modules = path.join(root, 'node_modules');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const files = dir => fs.readdirSync(path.join(root, dir)).sort().map(name => path.join(root, dir, name));

async function main() {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run']
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));
  await page.setContent('<div id="canvas" style="width:1600px;height:900px"></div>');
  for (const bundle of ['bpmn-js/dist/bpmn-modeler.development.js', 'dmn-js/dist/dmn-modeler.development.js',
    '@bpmn-io/form-js/dist/form-viewer.umd.js']) {
    await page.addScriptTag({ path: path.join(modules, bundle) });
  }
  const camundaBpmn = JSON.parse(fs.readFileSync(path.join(modules, 'camunda-bpmn-moddle/resources/camunda.json')));
  const camundaDmn = JSON.parse(fs.readFileSync(path.join(modules, 'camunda-dmn-moddle/resources/camunda.json')));

  const problems = [];
  const models = files('processes').concat(files('forms'));
  for (const file of models) {
    const content = fs.readFileSync(file, 'utf8');
    const kind = path.extname(file).slice(1);
    const result = await page.evaluate(async ({ kind, content, camundaBpmn, camundaDmn }) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      try {
        if (kind === 'bpmn') {
          const modeler = new BpmnJS({ container, moddleExtensions: { camunda: camundaBpmn } });
          const { warnings } = await modeler.importXML(content);
          modeler.destroy();
          return warnings.map(w => w.message);
        }
        if (kind === 'dmn') {
          const modeler = new DmnJS({ container, common: { moddleExtensions: { camunda: camundaDmn } } });
          const { warnings } = await modeler.importXML(content);
          const views = modeler.getViews().map(view => view.type);
          const messages = warnings.map(w => w.message);
          // Open the decision table as a user of the Modeler would.
          const table = modeler.getViews().find(view => view.type === 'decisionTable');
          if (!table) {
            messages.push('no decision table view (views: ' + views.join(', ') + ')');
          } else {
            await modeler.open(table);
          }
          modeler.destroy();
          return messages;
        }
        if (kind === 'form') {
          const form = new FormViewer.Form({ container });
          const schema = JSON.parse(content);
          const messages = [];
          if (schema.schemaVersion !== 16) {
            messages.push('schemaVersion ' + schema.schemaVersion + ', Tasklist 7.24 renders 16');
          }
          const { warnings } = await form.importSchema(schema, {});
          form.destroy();
          return messages.concat(warnings.map(w => w.message || String(w)));
        }
        return ['unexpected file type ' + kind];
      } catch (error) {
        return ['import failed: ' + error.message];
      }
    }, { kind, content, camundaBpmn, camundaDmn });
    const name = path.relative(root, file);
    if (result.length > 0) {
      problems.push(...result.map(message => name + ': ' + message));
    }
    console.log((result.length ? 'FAIL ' : 'ok   ') + name);
  }
  problems.push(...await checkOnPhone(browser, files('forms')));
  await browser.close();
  problems.push(...pageErrors.map(message => 'page error: ' + message));
  console.log(`${models.length} files imported, ${problems.length} problems`);
  if (problems.length) {
    problems.forEach(p => console.error(p));
    process.exit(1);
  }
}

// Every form as a phone shows it in Tasklist (360 px wide, form-js's styles and ours from
// tasklist/styles/user-styles.css): no label cut, nothing wider than the screen, inputs at least 44 px high.
async function checkOnPhone(browser, forms) {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  await page.setContent('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width">'
    + '</head><body><div id="form" class="form-pane"></div></body></html>');
  await page.addStyleTag({ path: path.join(modules, '@bpmn-io/form-js/dist/assets/form-js.css') });
  await page.addStyleTag({ path: path.join(root,
    'src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/styles/user-styles.css') });
  await page.addScriptTag({ path: path.join(modules, '@bpmn-io/form-js/dist/form-viewer.umd.js') });
  const problems = [];
  for (const file of forms) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const found = await page.evaluate(async schema => {
      const container = document.getElementById('form');
      container.innerHTML = '';
      // Read-only context as long as it gets in practice, so a long value shows whether it fits.
      const data = {};
      const fill = components => components.forEach(component => {
        if (component.key && component.readonly) {
          data[component.key] = '個人情報保護法26条1項・規則7条3号（不正の目的によるおそれ）。速報は速やかに、確報は60日以内';
        }
        fill(component.components || []);
      });
      fill(schema.components);
      const form = new FormViewer.Form({ container });
      await form.importSchema(schema, data);
      const visible = e => e.offsetParent !== null;
      const issues = [];
      document.querySelectorAll('.fjs-form-field-label, .fjs-form-field label').forEach(label => {
        if (visible(label) && label.scrollWidth > label.clientWidth + 1) {
          issues.push('label cut: ' + label.textContent.trim());
        }
      });
      if (document.documentElement.scrollWidth > window.innerWidth) {
        issues.push('wider than the screen: ' + document.documentElement.scrollWidth + ' px');
      }
      document.querySelectorAll('.fjs-form-field:not(.fjs-readonly) .fjs-input, .fjs-form-field .fjs-select')
        .forEach(input => {
          if (visible(input) && input.getBoundingClientRect().height < 43.5) {
            issues.push('touch target under 44 px: ' + (input.id || input.name));
          }
        });
      form.destroy();
      return issues;
    }, schema);
    const name = path.relative(root, file);
    console.log((found.length ? 'FAIL ' : 'ok   ') + name + ' on a phone');
    problems.push(...found.map(issue => name + ' on a phone: ' + issue));
  }
  await page.close();
  return problems;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
