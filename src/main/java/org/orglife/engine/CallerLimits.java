package org.orglife.engine;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.CleanableHistoricBatchReportImpl;
import org.camunda.bpm.engine.impl.CleanableHistoricCaseInstanceReportImpl;
import org.camunda.bpm.engine.impl.CleanableHistoricDecisionInstanceReportImpl;
import org.camunda.bpm.engine.impl.CleanableHistoricProcessInstanceReportImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceReportImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceReportImpl;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.SetJobsRetriesByProcessBatchCmd;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskReportImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.FindHistoryCleanupJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.cmd.HistoryCleanupCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * What a signed-in person may not ask of the engine, whatever their authorizations say: the engine's
 * own checks leave these open in Camunda 7 CE (SECURITY.md). Each refusal is in Chinese and is logged
 * at DEBUG, as the engine logs its own authorization failures.
 * <ul>
 * <li><b>Expressions in queries.</b> An expression in a task query is code (JUEL reaches the engine's
 * services and every Spring bean). The engine refuses them in an ad-hoc query itself
 * ({@code enableExpressionsInAdhocQueries: false}) but not in its {@code orQueries}, nor in the query
 * that extends a stored filter. Any query a person runs, with all its or-queries at every depth, and any
 * query extending a filter, is refused when it carries an expression. Only the stored filters'
 * expressions are evaluated, which only administrators write.</li>
 * <li><b>Jobs, signals and the history cleanup</b> belong to administrators and to the application: a job
 * without a process instance, such as the nightly history cleanup, has no authorization to check. So
 * do surgery on instances, deleting tasks, and writing accounts, groups and grants.</li>
 * <li><b>Township-wide reads</b> (statistics and reports over every instance of a process, the job list)
 * count every branch's cycles, whatever the person may read of them: only for those who read every
 * instance (the township's groups) and administrators.</li>
 * <li><b>Profiles.</b> Names and e-mail addresses come from the registry: a person changes their own
 * password, not their profile.</li>
 * </ul>
 */
@Component
class CallerLimits extends AbstractProcessEnginePlugin {

    static final String EXPRESSION = "查询条件中不允许使用表达式（${…} 或 #{…}），请求已拒绝";
    static final String JOBS = "作业（定时和异步执行的步骤）只能由系统管理员操作";
    static final String SIGNALS = "只有系统管理员可以发送信号";
    static final String TOWNSHIP_WIDE = "全镇流程的统计、报表和作业列表只向镇党委办公室、督查组和系统管理员开放";
    static final String PROFILE = "姓名和邮箱以花名册为准，不能在此修改；如有错误，请联系镇党委办公室更新花名册";
    static final String ADMINISTRATORS = "此项操作只能由系统管理员进行：流程实例的迁移、修改和重启，按条件启动流程，删除任务，"
            + "以及账号、用户组、租户和权限的维护（账号和用户组随花名册同步）";

    /** Commands that change or run jobs. */
    private static final List<Class<?>> JOB_OPERATIONS = List.of(ExecuteJobsCmd.class, DeleteJobCmd.class,
            DeleteJobsCmd.class, SetJobRetriesCmd.class, SetJobsRetriesBatchCmd.class,
            SetJobsRetriesByProcessBatchCmd.class, SetJobDuedateCmd.class, RecalculateJobDuedateCmd.class,
            SetJobPriorityCmd.class, AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class,
            SetJobDefinitionPriorityCmd.class, UnlockJobCmd.class, HistoryCleanupCmd.class);

    /**
     * Surgery on running instances, starting by conditions, deleting tasks, and writing users, groups,
     * tenants and authorizations: the administrator's, and the application's (the identity sync writes
     * the registry's accounts and groups). The engine checks permissions that nobody else holds, but
     * some of these fail on a request's missing fields before they look, and some do nothing without
     * looking (an empty modification of another branch's instance answered 204).
     */
    private static final List<Class<?>> ADMINISTRATION = List.of(ModifyProcessInstanceCmd.class,
            ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class, RestartProcessInstancesCmd.class,
            RestartProcessInstancesBatchCmd.class, MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class,
            EvaluateStartConditionCmd.class, DeleteTaskCmd.class, SaveGroupCmd.class, DeleteGroupCmd.class,
            CreateMembershipCmd.class, DeleteMembershipCmd.class, SaveTenantCmd.class, DeleteTenantCmd.class,
            CreateTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
            DeleteTenantUserMembershipCmd.class, DeleteTenantGroupMembershipCmd.class, SaveAuthorizationCmd.class,
            DeleteAuthorizationCmd.class, DeleteUserCmd.class, UnlockUserCmd.class);

    /** Reads over every instance of a process: statistics, reports, the jobs. */
    private static final List<Class<?>> TOWNSHIP_WIDE_READS = List.of(ActivityStatisticsQueryImpl.class,
            ProcessDefinitionStatisticsQueryImpl.class, DeploymentStatisticsQueryImpl.class,
            HistoricActivityStatisticsQueryImpl.class, HistoricDecisionInstanceStatisticsQueryImpl.class,
            CleanableHistoricProcessInstanceReportImpl.class, CleanableHistoricDecisionInstanceReportImpl.class,
            CleanableHistoricCaseInstanceReportImpl.class, CleanableHistoricBatchReportImpl.class,
            HistoricProcessInstanceReportImpl.class, HistoricTaskInstanceReportImpl.class, TaskReportImpl.class,
            JobQueryImpl.class, FindHistoryCleanupJobsCmd.class, GetJobExceptionStacktraceCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(
                EngineLists.plus(configuration.getCustomPostCommandInterceptorsTxRequired(), new Limits()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                EngineLists.plus(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Limits()));
        configuration.setFilterService(new FiltersExtendedWithoutExpressions());
        configuration.setIdentityService(new ProfilesFromTheRegistry());
        configuration.setManagementService(new JobsRunByTheAdministrator(configuration));
    }

    /**
     * The engine takes any failure to run a job on request, a refusal included, as the job's own
     * failure: it counts its retries down and logs a failed run. A person's request to run one is
     * therefore refused before the engine starts on it.
     */
    static final class JobsRunByTheAdministrator extends ManagementServiceImpl {

        JobsRunByTheAdministrator(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        public void executeJob(String jobId) {
            commandExecutor.execute(context -> {
                if (!EngineCaller.isApplication(context) && !EngineCaller.isAdministrator(context)) {
                    throw new RefusedOperation(JOBS);
                }
                return null;
            });
            super.executeJob(jobId);
        }
    }

    /** A refusal of something the person may not do: 403 with its own Chinese message. */
    static final class RefusedOperation extends AuthorizationException {
        RefusedOperation(String message) {
            super(message);
        }
    }

    /** A refused query: 400 with its own Chinese message. */
    static final class RefusedQuery extends BadUserRequestException {
        RefusedQuery(String message) {
            super(message);
        }
    }

    /** Checks each command before it runs, inside its command context. */
    static final class Limits extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            if (!EngineCaller.isApplication(context)) {
                check(command, context);
            }
            return next.execute(command);
        }

        private static void check(Command<?> command, CommandContext context) {
            if (command instanceof AbstractQuery<?, ?> query) {
                refuseExpressions(query);
            }
            if (isOneOf(command, JOB_OPERATIONS) && !EngineCaller.isAdministrator(context)) {
                throw new RefusedOperation(JOBS);
            }
            if (command instanceof SignalEventReceivedCmd && !EngineCaller.isAdministrator(context)) {
                throw new RefusedOperation(SIGNALS);
            }
            if (isOneOf(command, ADMINISTRATION) && !EngineCaller.isAdministrator(context)) {
                throw new RefusedOperation(ADMINISTRATORS);
            }
            if (isOneOf(command, TOWNSHIP_WIDE_READS) && !EngineCaller.readsEveryInstance(context)) {
                throw new RefusedOperation(TOWNSHIP_WIDE);
            }
        }

        /** The command's class, or the report whose inner class it is, is one of these or extends one. */
        private static boolean isOneOf(Command<?> command, List<Class<?>> classes) {
            Class<?> type = command.getClass();
            Class<?> outer = type.getEnclosingClass();
            return classes.stream().anyMatch(c -> c.isAssignableFrom(type) || (outer != null && c.isAssignableFrom(outer)));
        }
    }

    /** Refuses the query if it, or any of its or-queries at any depth, carries an expression. */
    static void refuseExpressions(AbstractQuery<?, ?> query) {
        if (carriesExpression(query, java.util.Collections.newSetFromMap(new IdentityHashMap<>()))) {
            throw new RefusedQuery(EXPRESSION);
        }
    }

    private static boolean carriesExpression(AbstractQuery<?, ?> query, Set<Object> seen) {
        if (!seen.add(query)) {
            return false;
        }
        Map<String, String> expressions = query.getExpressions();
        if (expressions != null && !expressions.isEmpty()) {
            return true;
        }
        if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
            return taskQuery.getQueries().stream().anyMatch(or -> carriesExpression(or, seen));
        }
        return false;
    }

    /**
     * The engine runs a filter's query extended by the caller's inside its own command, without passing
     * the caller's query through the command interceptors; it validates the extending query first, so
     * the check rides along as a validator.
     */
    static final class FiltersExtendedWithoutExpressions extends FilterServiceImpl {

        private static final Validator<AbstractQuery<?, ?>> NO_EXPRESSIONS = query -> {
            if (!EngineCaller.isApplication(Context.getCommandContext())) {
                refuseExpressions(query);
            }
        };

        @Override
        public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
            return super.list(filterId, checked(extendingQuery));
        }

        @Override
        public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult,
                int maxResults) {
            return super.listPage(filterId, checked(extendingQuery), firstResult, maxResults);
        }

        @Override
        public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
            return super.singleResult(filterId, checked(extendingQuery));
        }

        @Override
        public Long count(String filterId, Query<?, ?> extendingQuery) {
            return super.count(filterId, checked(extendingQuery));
        }

        private static <Q> Q checked(Q extendingQuery) {
            if (extendingQuery instanceof AbstractQuery<?, ?> query) {
                query.addValidator(NO_EXPRESSIONS);
            }
            return extendingQuery;
        }
    }

    /**
     * A person (not an administrator, not the application) may save their own user only with the name
     * and e-mail address it has: that is, change their password. The registry's import writes profiles.
     */
    static final class ProfilesFromTheRegistry extends IdentityServiceImpl {

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            if (user != null) {
                commandExecutor.execute(context -> {
                    if (!EngineCaller.isApplication(context) && !EngineCaller.isAdministrator(context)) {
                        User stored = context.getReadOnlyIdentityProvider().findUserById(user.getId());
                        if (stored != null && changesProfile(stored, user)) {
                            throw new RefusedOperation(PROFILE);
                        }
                    }
                    return null;
                });
            }
            super.saveUser(user, skipPasswordPolicy);
        }

        private static boolean changesProfile(User stored, User saved) {
            return !Objects.equals(stored.getFirstName(), saved.getFirstName())
                    || !Objects.equals(stored.getLastName(), saved.getLastName())
                    || !Objects.equals(stored.getEmail(), saved.getEmail());
        }
    }
}
