// Imports every diagram, decision and form the way Camunda Modeler and Tasklist do (bpmn-js, dmn-js, form-js with
// the Camunda 7 moddle extensions) in headless Chromium, and fails on any import warning or error.
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
  await browser.close();
  problems.push(...pageErrors.map(message => 'page error: ' + message));
  console.log(`${models.length} files imported, ${problems.length} problems`);
  if (problems.length) {
    problems.forEach(p => console.error(p));
    process.exit(1);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
