/*
 * Camunda Forms with a dynamic list could not be completed in Tasklist 7.24: its 完成 button stayed
 * disabled. Tasklist counts a form as invalid while form-js's error map has any key
 * (Object.keys(errors).length), but form-js 1.x records a list item's field, once rendered or
 * edited, as errors[fieldId] = [] even when it is valid. So every form of ours with a list (学习,
 * 听取意见, 问题清单, 到会情况, 评定等次, 整改清单, 公示意见) looked invalid from the start.
 *
 * This script (a Tasklist custom script, see config.js) keeps 完成 enabled for Camunda Forms.
 * Nothing goes unchecked: on 完成, Tasklist still has form-js validate the whole form first; if a
 * field is really invalid, form-js marks it and nothing is submitted. The server checks again.
 */
const angular = window.angular;

angular.module('cam.tasklist').config(['$provide', function ($provide) {
  $provide.decorator('camTasklistFormDirective', ['$delegate', function ($delegate) {
    const directive = $delegate[0];
    const original = directive.controller;
    const construct = original[original.length - 1];
    directive.controller = original.slice(0, -1).concat([function ($scope, ...others) {
      construct.call(this, $scope, ...others);
      const notifyFormValidated = this.notifyFormValidated;
      this.notifyFormValidated = function (invalid) {
        const camundaForm = $scope.tasklistForm && $scope.tasklistForm.type === 'camunda-forms';
        return notifyFormValidated.call(this, camundaForm ? false : invalid);
      };
    }]);
    return $delegate;
  }]);
}]);

export default [];
