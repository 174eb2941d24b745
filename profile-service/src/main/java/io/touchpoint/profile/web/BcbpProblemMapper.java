package io.touchpoint.profile.web;

import io.touchpoint.support.web.Problems;

import io.touchpoint.profile.bcbp.BcbpFormatException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class BcbpProblemMapper {

    /** The parser's messages name the field and position, never the barcode content: safe to return. */
    @ServerExceptionMapper
    public Response invalidBarcode(BcbpFormatException e) {
        return Problems.badRequest("invalid-boarding-pass", "Invalid boarding pass barcode", e.getMessage()).toResponse();
    }
}
