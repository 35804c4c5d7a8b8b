package org.orglife.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts what reaches the database in the bench: statements (each execute and each batched row),
 * round trips (each execute, a batch counting once) and commits. Wraps the application's one
 * DataSource, so the engine, the job executor and our JDBC code are all counted.
 */
@Component
@Profile("bench")
class StatementCounter implements BeanPostProcessor {

    final LongAdder statements = new LongAdder();
    final LongAdder roundTrips = new LongAdder();
    final LongAdder commits = new LongAdder();
    /** statements by kind and first table ("insert act_hi_detail"), to see where a completion's cost goes */
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    /**
     * kinds by statement text: the engine sends a few hundred distinct texts, and matching each one
     * afresh cost a few percent of the application's CPU; texts that vary without end are not kept
     */
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private static final int KINDS_KEPT = 10_000;
    /** {@code --bench.trace=true}: each kind also by its origin ({@link #origin}), and round trips by kind */
    final boolean trace;

    StatementCounter(Environment environment) {
        this.trace = environment.getProperty("bench.trace", Boolean.class, false);
    }

    private static final Pattern KIND = Pattern.compile(
            "^\\s*(select|insert|update|delete)\\b.*?\\b(?:from|into|update)\\s+([a-z_][a-z_0-9.]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static String kindOf(String sql) {
        Matcher m = KIND.matcher(sql.length() > 4000 ? sql.substring(0, 4000) : sql);
        if (!m.find()) {
            String flat = sql.strip().replaceAll("\\s+", " ");
            return "other " + (flat.length() > 50 ? flat.substring(0, 50) : flat);
        }
        return (m.group(1) + " " + m.group(2)).toLowerCase(Locale.ROOT);
    }

    /** The statement kinds seen since {@link #resetKinds()}, most frequent first, at most {@code limit}. */
    Map<String, Long> topKinds(int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        byKind.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue().sum()));
        return top;
    }

    void resetKinds() {
        byKind.clear();
    }

    private void count(String sql) {
        statements.increment();
        String kind = sql == null ? "other" : kinds.get(sql);
        if (kind == null && sql != null) {
            kind = kindOf(sql);
            if (kinds.size() < KINDS_KEPT) {
                kinds.put(sql, kind);
            }
        }
        byKind.computeIfAbsent(trace ? kind + " <- " + origin(kind) : kind, k -> new LongAdder()).increment();
    }

    /**
     * Where a statement comes from, for {@code --bench.trace=true}: the engine command or query it runs
     * in, the first OrgLife method on the way, and for the engine's runtime selects the engine methods
     * that asked (so an extra select can be told from the ones the bare engine makes too).
     */
    private static String origin(String kind) {
        boolean engineSelect = kind.startsWith("select act_r");
        return StackWalker.getInstance().walk(frames -> {
            String command = null;
            String ours = null;
            StringBuilder engine = new StringBuilder();
            int engineFrames = 0;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String type = frame.getClassName();
                String simple = type.substring(type.lastIndexOf('.') + 1);
                if (engineSelect && engineFrames < 4 && type.startsWith("org.camunda.bpm.engine.impl.")
                        && !type.contains(".db.") && !type.contains("Manager") && !type.contains("interceptor")) {
                    engine.append(simple).append('.').append(frame.getMethodName()).append(':')
                            .append(frame.getLineNumber()).append(" > ");
                    engineFrames++;
                }
                if (type.startsWith("org.camunda.bpm.engine.impl.cmd.") || type.endsWith("QueryImpl")) {
                    command = simple;
                }
                if (ours == null && type.startsWith("org.orglife.") && !type.equals(StatementCounter.class.getName())
                        && !type.startsWith(StatementCounter.class.getName() + "$")) {
                    ours = simple + "." + frame.getMethodName();
                }
            }
            return command + " / " + ours + (engineSelect ? " [" + engine + "]" : "");
        });
    }

    record Snapshot(long statements, long roundTrips, long commits) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(statements - before.statements, roundTrips - before.roundTrips, commits - before.commits);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(statements.sum(), roundTrips.sum(), commits.sum());
    }

    /** {@code dataSource}, its statements counted with the application's */
    DataSource counting(DataSource dataSource) {
        return new CountingDataSource(dataSource);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
            return new CountingDataSource(dataSource);
        }
        return bean;
    }

    private final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    new Handler(connection, true, null));
        }
    }

    private final class Handler implements InvocationHandler {

        private final Object target;
        private final boolean connection;
        private final String sql;

        Handler(Object target, boolean connection, String sql) {
            this.target = target;
            this.connection = connection;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && name.equals("commit")) {
                commits.increment();
            } else if (!connection && name.startsWith("execute")) {
                roundTrips.increment();
                String text = args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
                if (trace) {
                    byKind.computeIfAbsent("round trip " + (name.equals("executeBatch") ? "batch " : "")
                            + (text == null ? "?" : kindOf(text)), k -> new LongAdder()).increment();
                }
                if (!name.equals("executeBatch")) {
                    count(text);
                }
            } else if (!connection && name.equals("addBatch")) {
                count(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            } else if (name.equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement statement) {
                Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                        new Handler(statement, false,
                                args != null && args.length > 0 && args[0] instanceof String text ? text : null));
            }
            return result;
        }
    }
}
