package tw.smartgov.trust.log;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A data source that counts the statements prepared and the transactions begun on its connections. */
final class StatementCounting {
    private final DataSource target;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();

    StatementCounting(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    int statements() {
        return statements.get();
    }

    int transactionsStarted() {
        return transactions.get();
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, (method, args) -> {
            switch (method.getName()) {
                case "prepareStatement", "createStatement", "prepareCall" -> statements.incrementAndGet();
                case "setAutoCommit" -> {
                    if (Boolean.FALSE.equals(args[0])) {
                        transactions.incrementAndGet();
                    }
                }
                default -> {}
            }
            return call(c, method, args);
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> handler.handle(method, args)));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
