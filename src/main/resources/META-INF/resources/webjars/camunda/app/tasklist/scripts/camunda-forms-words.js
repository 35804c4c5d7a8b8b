/*
 * The few words Camunda Forms (form-js, inside Tasklist 7.24) writes in English whatever the locale:
 * "Select" in an empty dropdown, "Add new" under a list, the date format in an empty date field
 * ("mm/dd/yyyy"), "Search" and "No results" in a searchable dropdown, and its validation messages
 * ("Field is required."). form-js
 * offers no way to translate them, so this Tasklist custom script (see config.js) puts them in Chinese
 * where they appear on the page, by form-js's own class names, and leaves everything else alone.
 */
const WORDS = [
  [/^Select$/, () => '请选择'],
  [/^Add new$/, () => '增加一行'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '没有匹配的选项'],
  [/^Field is required\.$/, () => '必填'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多 ${m[1]} 个字`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少 ${m[1]} 个字`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must match pattern .*\.$/, () => '格式不对'],
  [/^Field must be a valid email\.$/, () => '邮箱格式不对']
];
const DATE_FORMAT = /^(y+|m+|d+)([/.\-])(y+|m+|d+)\2(y+|m+|d+)$/i;
const DATE_WORDS = { y: '年', m: '月', d: '日' };

function chinese(text) {
  for (const [pattern, words] of WORDS) {
    const match = pattern.exec(text);
    if (match) {
      return words(match);
    }
  }
  return null;
}

/**
 * Each English text in a form, changed in place: the text node form-js rendered keeps its identity, so
 * form-js (Preact), finding its own words unchanged, leaves it as it is when it renders again.
 */
function translate(root) {
  root.querySelectorAll('.fjs-form').forEach((form) => {
    const texts = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node !== null; node = texts.nextNode()) {
      const words = chinese(node.nodeValue.trim());
      if (words !== null) {
        node.nodeValue = words;
      }
    }
    form.querySelectorAll('input[placeholder]').forEach((input) => {
      const date = DATE_FORMAT.exec(input.placeholder);
      const words = date ? [date[1], date[3], date[4]].map((part) => DATE_WORDS[part[0].toLowerCase()]).join(date[2])
        : chinese(input.placeholder);
      if (words !== null && words !== input.placeholder) {
        input.placeholder = words;
      }
    });
  });
}

new MutationObserver(() => translate(document)).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
});
