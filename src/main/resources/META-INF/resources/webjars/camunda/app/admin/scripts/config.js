// Japanese for Japanese browsers (our translation in ../locales/ja.json), English for every other browser and
// for every string not yet translated.
export default {
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'en'
  }
};
