package org.orglife.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without a scan of the whole authorization table per request.
 *
 * <p>Before it checks what a signed-in person may do, the engine narrows their groups to the groups
 * that hold any authorization at all, and to know those it reads {@code SELECT DISTINCT GROUP_ID_
 * FROM ACT_RU_AUTHORIZATION} once per command. Every branch has its group with grants, so at province
 * scale that is 100,000 groups out of 1.4 million rows: 450 ms per command, and a completion fell from
 * 50 a second to 5 (docs/benchmarks-history.md). A person belongs to two or three groups; a group without any
 * grant matches no authorization row, so checking with all of them gives the same answers. This
 * plugin gives the engine an authorization manager that keeps the person's groups as they are.
 *
 * <p>The same manager answers single checks (may this person complete this task, read this form) from
 * the grants read in one plain query ({@link GrantCheck}) instead of the engine's SQL, which it builds
 * anew from a large template for each check.
 */
@Component
public class GroupCheckWithoutScan extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SessionFactory authorizationManagers = new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new PersonsGroupsAsTheyAre();
            }
        };
        configuration.setCustomSessionFactories(EngineLists.plus(configuration.getCustomSessionFactories(),
                authorizationManagers));
    }

    static final class PersonsGroupsAsTheyAre extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }

        /** A single check, answered as a check of one part. */
        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
            if (!isAuthorizationEnabled()) {
                return true;
            }
            CompositePermissionCheck check = new CompositePermissionCheck();
            check.addAtomicCheck(permissionCheck);
            return isAuthorized(userId, groupIds, check);
        }

        /**
         * Answered from the grants read in one plain query ({@link GrantCheck}) when revocations are not
         * consulted; otherwise, and for a permission that does not apply to its resource, as the engine does.
         */
        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            boolean valid = check.getAllPermissionChecks().stream().allMatch(this::isResourceValidForPermission);
            if (!valid || !GrantCheck.answers(check) || isRevokeAuthCheckEnabled(userId, groupIds)) {
                return engineAnswer(userId, groupIds, check);
            }
            List<GrantCheck.Grant> grants = GrantCheck.grants(getDbSqlSession().getSqlSession().getConnection(),
                    Context.getProcessEngineConfiguration().getDatabaseTablePrefix(), userId,
                    filterAuthenticatedGroupIds(groupIds), check);
            return GrantCheck.holds(check, grants);
        }

        /** The engine's own answer, by its SQL (also what the tests compare ours with). */
        boolean engineAnswer(String userId, List<String> groupIds, CompositePermissionCheck check) {
            return super.isAuthorized(userId, groupIds, check);
        }
    }
}
