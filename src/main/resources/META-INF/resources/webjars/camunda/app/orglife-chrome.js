/*
 * What every Camunda web app shows around its pages, in OrgLife's words (a custom script of every app,
 * see orglife-settings.js):
 * - the header's end-of-life banner of Community Edition ("time to migrate to Camunda 8") only for those
 *   who may use Admin, once signed in: branch secretaries and liaison cadres can do nothing about it,
 *   and it alarms them (its text stays in the locale files);
 * - the footer in Chinese: the time zone the dates are shown in by its Chinese name (北京时间), and
 *   OrgLife instead of "Camunda Platform";
 * - dates as dates (2022年2月28日) where the apps said how long ago or ahead ("到期 5 年前"), through
 *   the setting of the apps' own relative-time widget (angular-moment's amTimeAgoConfig: from how far
 *   off to show the full date, which is always here).
 */
const angular = window.angular;

const ZONES = {
  'Asia/Shanghai': '北京时间',
  'Asia/Chongqing': '北京时间',
  'Asia/Urumqi': '乌鲁木齐时间',
  'UTC': '协调世界时',
  'Etc/UTC': '协调世界时'
};

const FOOTER = '<div class="container-fluid">\n'
  + '  <div class="row">\n'
  + '    <div id="footer-timezone" class="col-xs-6">\n'
  + '      {{ \'CAM_WIDGET_FOOTER_TIMEZONE\' | translate }} <i>{{zoneName}}</i>\n'
  + '    </div>\n'
  + '    <div class="col-xs-6">OrgLife 组织生活会 / <span class="version">{{version}}</span></div>\n'
  + '  </div>\n'
  + '</div>\n';

angular.module('camunda.common.widgets').run(['$injector', function ($injector) {
  if ($injector.has('amTimeAgoConfig')) {
    const relativeTimes = $injector.get('amTimeAgoConfig');
    relativeTimes.fullDateThreshold = -1000000;
    relativeTimes.fullDateThresholdUnit = 'day';
    relativeTimes.fullDateFormat = 'YYYY年M月D日';
  }
}]);

angular.module('camunda.common.widgets').config(['$provide', function ($provide) {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const original = directive.controller;
    const construct = original[original.length - 1];
    directive.controller = original.slice(0, -1).concat([function ($scope, ...others) {
      construct.call(this, $scope, ...others);
      const showBanner = () => {
        const person = $scope.authentication;
        $scope.isCommunityEdition = !!(person && person.authorizedApps && person.authorizedApps.indexOf('admin') >= 0);
      };
      showBanner();
      $scope.$watch('authentication', showBanner);
    }]);
    return $delegate;
  }]);
  $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const link = directive.link;
    directive.template = FOOTER;
    directive.compile = function () {
      return function (scope, ...others) {
        if (link) {
          link.call(this, scope, ...others);
        }
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        scope.zoneName = ZONES[zone] || zone;
      };
    };
    return $delegate;
  }]);
}]);
