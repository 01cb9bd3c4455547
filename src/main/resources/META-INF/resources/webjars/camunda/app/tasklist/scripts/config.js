// Japanese for Japanese browsers (our translation in ../locales/ja.json), English for every other browser and
// for every string not yet translated.
export default {
  // form-js's own texts (placeholders, validation, date picker) in Japanese: scripts/form-texts-ja.js. A phone's
  // layout, claim on open and the report button: scripts/phone.js with styles/user-styles.css.
  customScripts: ['scripts/form-texts-ja.js', 'scripts/phone.js'],
  // No request for Camunda's first-visit message (/camunda-welcome, which answers 404 here) on every login.
  disableWelcomeMessage: true,
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  }
};
