// Japanese for Japanese browsers (our translation in ../locales/ja.json), English for every other browser and
// for every string not yet translated.
export default {
  // インシデント一覧 on the dashboard (our plugin, scripts/incident-board.js).
  customScripts: ['scripts/incident-board.js'],
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  }
};
