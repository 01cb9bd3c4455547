// Japanese for the texts form-js (the Camunda Forms renderer inside Tasklist) writes itself: the select's
// placeholder, search and empty lists, validation messages, and the date picker's months and weekdays. form-js 1.x
// has no translation hook in Tasklist 7.24, so the rendered texts are replaced as they appear, inside forms only.
const EXACT = {
  'Select': '選択してください',
  'Search': '検索',
  'No results': '該当なし',
  'Clear': 'クリア',
  'Remove item': '削除',
  'Field is required.': '入力してください。',
  'Field must be a valid email.': 'メールアドレスの形式で入力してください。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '国際形式の電話番号で入力してください（例: +81312345678）。',
  'Date must match pattern yyyy-MM-dd': '日付は yyyy-MM-dd の形式で入力してください。',
  'Date must match pattern yyyy-MM-ddTHH:mm:ss.': '日時は yyyy-MM-ddTHH:mm:ss の形式で入力してください。',
  'Time must match pattern hh:mm:ss[time zone]': '時刻は hh:mm:ss（タイムゾーン）の形式で入力してください。',
  'Date': '日付',
  'Time': '時刻'
};

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '$1 以上の値を入力してください。'],
  [/^Field must have maximum value of (.+)\.$/, '$1 以下の値を入力してください。'],
  [/^Field must have minimum length of (.+)\.$/, '$1 文字以上で入力してください。'],
  [/^Field must have maximum length of (.+)\.$/, '$1 文字以内で入力してください。'],
  [/^Field must match pattern (.+)\.$/, '形式が正しくありません（$1）。']
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = { Sun: '日', Mon: '月', Tue: '火', Wed: '水', Thu: '木', Fri: '金', Sat: '土' };
MONTHS.forEach((month, index) => {
  EXACT[month] = `${index + 1}月`;
});
Object.assign(EXACT, WEEKDAYS);

export function translate(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return text;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return text;
}

// Only what form-js and its date picker render; our own labels are Japanese already.
const SCOPE = '.fjs-container, .flatpickr-calendar';

function translateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const translated = translate(node.nodeValue);
    if (translated !== node.nodeValue) {
      node.nodeValue = translated;
    }
  }
  root.querySelectorAll('[placeholder]').forEach(input => {
    const translated = translate(input.getAttribute('placeholder'));
    if (translated !== input.getAttribute('placeholder')) {
      input.setAttribute('placeholder', translated);
    }
  });
}

function start() {
  const observer = new MutationObserver(mutations => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
      const scope = target && target.closest ? target.closest(SCOPE) : null;
      if (scope) {
        translateTree(scope);
      } else {
        mutation.addedNodes.forEach(node => {
          if (node.nodeType === Node.ELEMENT_NODE) {
            node.querySelectorAll(SCOPE).forEach(translateTree);
            if (node.matches(SCOPE)) {
              translateTree(node);
            }
          }
        });
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
