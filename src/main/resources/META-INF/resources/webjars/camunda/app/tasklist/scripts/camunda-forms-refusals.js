/*
 * A refused submission names what to correct, one problem per member: "姓名（编号）：问题". Tasklist
 * shows the refusal in its notification only, far from the rows, and a secretary with 48 members must
 * find each named member in the list. This Tasklist custom script (see config.js) marks the rows
 * themselves: every list row that shows a named 编号 gets the problem written above it and a red
 * outline (styles/user-styles.css), and the first is scrolled into view. A new refusal replaces the
 * marks; a completed task takes the form, and its marks, away.
 */
const REFUSAL = '提交未通过校验，未保存：';
const PROBLEM = /^(.+?)（([^（）]+)）：(.+)$/;
const MARK = 'data-orglife-problem';

/** The problems of a refusal by the 编号 they name. */
function problemsById(message) {
  const problems = new Map();
  message.slice(message.indexOf(REFUSAL) + REFUSAL.length).split('；').forEach((problem) => {
    const named = PROBLEM.exec(problem.trim());
    if (named) {
      problems.set(named[2], named[3]);
    }
  });
  return problems;
}

function mark(problems) {
  document.querySelectorAll(`[${MARK}]`).forEach((row) => row.removeAttribute(MARK));
  let first = null;
  document.querySelectorAll('.fjs-form .fjs-form-field-dynamiclist input[readonly]').forEach((input) => {
    const problem = problems.get(input.value);
    const row = input.closest('.fjs-layout-row');
    if (problem && row) {
      row.setAttribute(MARK, problem);
      first = first || row;
    }
  });
  if (first) {
    first.scrollIntoView({ block: 'center' });
  }
}

const seen = new WeakSet();
new MutationObserver(() => {
  document.querySelectorAll('.page-notifications .alert').forEach((alert) => {
    const message = alert.textContent;
    if (!seen.has(alert) && message.includes(REFUSAL)) {
      seen.add(alert);
      mark(problemsById(message));
    }
  });
}).observe(document.body, { childList: true, subtree: true });

export default [];
