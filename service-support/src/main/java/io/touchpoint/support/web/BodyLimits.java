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
 * Reading request bodies, in one place: JSON and image bodies are capped (a streamed NDJSON import is not, it
 * is read line by line), and every JSON reading failure becomes a 400 problem that says what is wrong.
 */
@Provider
public class BodyLimits implements ReaderInterceptor {

    private final long maxJsonBytes;
    private final long maxImageBytes;

    public BodyLimits(LimitsConfig config) {
        this.maxJsonBytes = config.jsonBody().asLongValue();
        this.maxImageBytes = config.imageBody().asLongValue();
    }

    @ServerRequestFilter
    public void refuseDeclaredOversizeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(request.getMediaType());
        if (length != null && limit > 0 && length.matches("\\d{1,19}") && Long.parseLong(length) > limit) {
            throw tooLarge(request.getMediaType(), limit);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limitFor(context.getMediaType());
        if (limit > 0) {
            context.setInputStream(new Capped(context.getInputStream(), limit, context.getMediaType()));
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

    /** The cap for a body of this type, or 0 for none (application/x-ndjson is streamed line by line). */
    private long limitFor(MediaType type) {
        if (type == null) {
            return 0;
        }
        if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
            return maxJsonBytes;
        }
        return "image".equals(type.getType()) ? maxImageBytes : 0;
    }

    private static HttpProblem invalid(JsonProcessingException e) {
        return Problems.badRequest("invalid-json", "Invalid JSON body", JsonErrors.describe(e));
    }

    private static HttpProblem tooLarge(MediaType type, long limit) {
        String what = "image".equals(type.getType()) ? "Images are" : "JSON bodies are";
        return Problems.of(413, "body-too-large", "Request body too large",
                what + " limited to " + limit + " bytes" + ("image".equals(type.getType()) ? "." : "; use the NDJSON import for bulk data."));
    }

    /** Counts what the reader consumes, for bodies sent without a Content-Length. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private final MediaType type;
        private long read;

        Capped(InputStream in, long limit, MediaType type) {
            super(in);
            this.limit = limit;
            this.type = type;
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
            if (read > limit) {
                throw tooLarge(type, limit);
            }
        }
    }
}
