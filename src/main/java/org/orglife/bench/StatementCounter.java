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
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
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

    record Snapshot(long statements, long roundTrips, long commits) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(statements - before.statements, roundTrips - before.roundTrips, commits - before.commits);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(statements.sum(), roundTrips.sum(), commits.sum());
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
                    new Handler(connection, true));
        }
    }

    private final class Handler implements InvocationHandler {

        private final Object target;
        private final boolean connection;

        Handler(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && name.equals("commit")) {
                commits.increment();
            } else if (!connection && name.startsWith("execute")) {
                roundTrips.increment();
                if (!name.equals("executeBatch")) {
                    statements.increment();
                }
            } else if (!connection && name.equals("addBatch")) {
                statements.increment();
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
                        new Handler(statement, false));
            }
            return result;
        }
    }
}
