package org.orglife.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's queries read their flags without searching every method of the query each time.
 *
 * <p>The SQL of an engine query is built from its mapping's conditions, evaluated by MyBatis's OGNL
 * against the query object. A few of those conditions name a flag by its method, not by a bean
 * property: {@code isOrQueryActive}, {@code isWithoutTenantId} on every task query, five more on a
 * process-instance query. OGNL finds no getter {@code getIsOrQueryActive()}, and then, on every
 * evaluation and without caching what it found, walks all the query's several hundred methods,
 * lower-casing each name, until it meets {@code isOrQueryActive()}. That walk was a sixth of the
 * application's CPU in the benchmark: a task list, or the driver's look at a cycle's open task, cost
 * more in it than in the database. Here the method found for a name is kept per query class, so each
 * name is searched once; values are read by the same methods as before.
 */
@Component
public class QueryFlagReads extends AbstractProcessEnginePlugin {

    private static final ObjectPropertyAccessor READS = new RememberedReads();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // before the first query: OGNL keeps, per query class, the accessor it resolved on first use
        OgnlRuntime.setPropertyAccessor(AbstractQuery.class, READS);
    }

    /** OGNL's object accessor, with each property name's read method found once per class. */
    static final class RememberedReads extends ObjectPropertyAccessor {

        private final Map<Class<?>, Map<String, Optional<Method>>> reads = new ConcurrentHashMap<>();

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            Optional<Method> read = reads.computeIfAbsent(target.getClass(), type -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, property -> readMethod(target.getClass(), property));
            if (read.isEmpty()) {
                // a field without a read method, or no such property: as OGNL does
                return super.getPossibleProperty(context, target, name);
            }
            try {
                return read.get().invoke(target);
            } catch (IllegalAccessException e) {
                throw new OgnlException(name, e);
            } catch (InvocationTargetException e) {
                throw new OgnlException(name, e.getTargetException());
            }
        }

        /** The method OGNL would read the property with: its getter, else a method of the name itself. */
        static Optional<Method> readMethod(Class<?> type, String name) {
            Method getter = OgnlRuntime.getGetMethod(type, name);
            Method read = getter != null ? getter : OgnlRuntime.getReadMethod(type, name, null);
            return read != null && read.getParameterCount() == 0 && Modifier.isPublic(read.getModifiers())
                    && Modifier.isPublic(read.getDeclaringClass().getModifiers()) ? Optional.of(read) : Optional.empty();
        }
    }
}
