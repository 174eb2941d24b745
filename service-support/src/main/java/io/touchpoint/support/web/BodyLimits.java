package io.touchpoint.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading request bodies, in one place: JSON bodies are capped (a streamed NDJSON import is not, it is read
 * line by line), and every JSON reading failure becomes a 400 problem that says what is wrong.
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    private final long maxJsonBytes;

    public BodyLimits(LimitsConfig config) {
        this.maxJsonBytes = config.jsonBody().asLongValue();
    }

    @ServerRequestFilter
    public void refuseDeclaredOversizeJson(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isJson(request.getMediaType()) && length.matches("\\d{1,19}")
                && Long.parseLong(length) > maxJsonBytes) {
            throw tooLarge();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new Capped(context.getInputStream()));
        }
        try {
            return context.proceed();
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                throw invalid(json);
            }
            throw e;
        }
    }

    /** application/json and +json types; not application/x-ndjson, which is streamed. */
    private static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
    }

    private static HttpProblem invalid(JsonProcessingException e) {
        return Problems.badRequest("invalid-json", "Invalid JSON body", JsonErrors.describe(e));
    }

    private HttpProblem tooLarge() {
        return Problems.of(413, "body-too-large", "Request body too large",
                "JSON bodies are limited to " + maxJsonBytes + " bytes; use the NDJSON import for bulk data.");
    }

    /** Counts what the JSON reader consumes, for bodies sent without a Content-Length. */
    private final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > maxJsonBytes) {
                throw tooLarge();
            }
        }
    }
}
