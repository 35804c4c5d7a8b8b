// OrgLife's settings for the Camunda web apps, shared by the four apps' scripts/config.js.
// Our users read Chinese: the apps speak Simplified Chinese whatever the browser's language, and
// English only when asked for with ?lang=en in the address (remembered in this browser; ?lang=zh
// switches back). The apps themselves pick a locale by the browser's language alone, so offering
// one locale at a time is what makes Chinese the default.
const language = (() => {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh') {
    window.localStorage.setItem('orglife-lang', asked);
  }
  return window.localStorage.getItem('orglife-lang') === 'en' ? 'en' : 'zh-CN';
})();

export default {
  app: {
    name: 'OrgLife 组织生活会',
    vendor: '大东沟镇党委'
  },
  locales: {
    availableLocales: [language],
    fallbackLocale: language
  },
  // the header's banner for administrators only, the footer in Chinese (see the script)
  customScripts: ['../orglife-chrome']
};
