// This Camunda web app's settings: OrgLife's, the same for every app (../../orglife-settings.js).
import settings from '../../orglife-settings.js';

export default settings;
