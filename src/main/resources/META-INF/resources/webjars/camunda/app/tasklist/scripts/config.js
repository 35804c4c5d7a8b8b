// Tasklist's settings: OrgLife's, the same for every app (../../orglife-settings.js), and three scripts.
import settings from '../../orglife-settings.js';

export default {
  ...settings,
  // and, for Camunda Forms, keeps 完成 usable with dynamic lists, puts form-js's own words in Chinese and
  // marks the rows a refusal names
  customScripts: [...settings.customScripts, 'scripts/camunda-forms-lists', 'scripts/camunda-forms-words',
    'scripts/camunda-forms-refusals']
};
