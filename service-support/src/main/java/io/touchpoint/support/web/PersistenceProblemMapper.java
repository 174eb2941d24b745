package io.touchpoint.support.web;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * A database refusal that checks did not foresee (two requests racing for one unique value) is a 409 the
 * client can retry, not a 500. Logs name the exception class and SQL state only: database messages quote
 * the offending values.
 */
public class PersistenceProblemMapper {

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMapper.class);

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return answer(e);
    }

    @ServerExceptionMapper
    public Response transactional(TransactionalException e) {
        return answer(e);
    }

    @ServerExceptionMapper
    public Response rollback(RollbackException e) {
        return answer(e);
    }

    private static Response answer(Throwable e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("23")) {
            LOG.infof("request refused by a database constraint (SQL state %s)", state);
            return Problems.of(409, "conflict", "Conflicts with stored data",
                    "Another request changed the same data at the same time, or a value must be unique; retry.").toResponse();
        }
        LOG.errorf("database failure: %s (SQL state %s)", Throwables.rootCause(e).getClass().getName(), state);
        return Problems.of(500, "internal", "Internal error", "The request could not be completed.").toResponse();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
