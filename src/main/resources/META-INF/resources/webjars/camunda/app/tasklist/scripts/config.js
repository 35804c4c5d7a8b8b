// Tasklist's settings: OrgLife's, the same for every app (../../orglife-settings.js), and one script.
import settings from '../../orglife-settings.js';

export default {
  ...settings,
  // and keeps 完成 usable on Camunda Forms with dynamic lists (see the script)
  customScripts: [...settings.customScripts, 'scripts/camunda-forms-lists']
};
