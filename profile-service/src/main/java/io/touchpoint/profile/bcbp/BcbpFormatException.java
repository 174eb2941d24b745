package io.touchpoint.profile.bcbp;

/**
 * A barcode that is not a valid IATA BCBP "M" string. Messages name the field and its character positions,
 * never the barcode's content, so they are safe to return to a client and to log.
 */
public class BcbpFormatException extends RuntimeException {

    public BcbpFormatException(String message) {
        super(message);
    }
}
