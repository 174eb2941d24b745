package io.touchpoint.gateway.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of access records; cells that a spreadsheet would run as formulas are defused. */
final class CsvRows {

    static final String HEADER = "id,recordedAt,requestId,staffSubject,role,device,touchpoint,customerId,purpose,"
            + "policyVersion,fields,receipts,outcome,breakGlassJustification,recordHash\r\n";

    private CsvRows() {
    }

    static String row(ComplianceService.Row r) {
        return Stream.of(r.id(), r.recordedAt(), r.requestId(), r.staffSubject(), r.role(), r.device(), r.touchpoint(),
                        r.customerId(), r.purpose(), r.policyVersion(), String.join(" ", r.fields()),
                        String.join(" ", r.receipts()), r.outcome(), r.breakGlassJustification(), r.recordHash())
                .map(CsvRows::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // CSV injection: never let a cell start a formula
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
