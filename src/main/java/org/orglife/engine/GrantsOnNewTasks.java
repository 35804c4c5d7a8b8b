package org.orglife.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's own grants to a task's candidates and assignee, without asking the database for a grant
 * the task already holds when the task is created in the same command: nobody can hold a grant on it
 * yet. Every step's task gets its candidate group's grant this way, one query less per task. Grants
 * made earlier in the same command are still found and added to, as the engine does.
 *
 * <p>A new user is granted to read and update their own user, not everything on it as by the engine:
 * they may change their password (their profile comes from the registry, {@link CallerLimits}), not
 * delete themselves. {@code V8__own_user_read_update.sql} narrows the grants of earlier users alike.
 */
@Component
public class GrantsOnNewTasks extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            AuthorizationEntity own = createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(),
                    Permissions.READ, Permissions.UPDATE);
            return new AuthorizationEntity[] {own};
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
            return isNewTask(resource, resourceId) ? null : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource,
                String resourceId) {
            return isNewTask(resource, resourceId) ? null
                    : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        /** A task this command inserts and has not flushed yet. */
        private static boolean isNewTask(Resource resource, String resourceId) {
            if (resource.resourceType() != Resources.TASK.resourceType()) {
                return false;
            }
            DbEntityManager db = Context.getCommandContext().getDbEntityManager();
            TaskEntity task = db.getCachedEntity(TaskEntity.class, resourceId);
            return task != null && db.getDbEntityCache().isTransient(task);
        }
    }
}
