package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;

import jakarta.ws.rs.core.Response;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Recognises a failure caused by PostgreSQL being out of reach (down, restarting, cut off), so
 * that it is answered 503 "try again" rather than 500: nothing was changed, and the same request
 * will succeed once the connection pool reaches the database again, without a restart.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or one of its causes is a lost or refused database connection. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // class 08: connection exception; 57P01-03: the server is shutting down or starting
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                // Agroal's pool gives up waiting for a connection it cannot open
                if (message.contains("Acquisition timeout") || message.contains("connection has been closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer: 503 problem+json with Retry-After. */
    public static Response response(String path) {
        ProblemDetail problem = ProblemType.DATABASE_UNAVAILABLE.problem(
                "暂时连不上数据库；请求未改变任何数据，请稍后重试", path);
        return Response.status(503).type(ProblemDetail.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
