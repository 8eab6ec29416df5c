package dev.nbo.features.validation;

import java.util.Map;

/**
 * What validation did to one table.
 *
 * @param quarantined rows sent to quarantine, by reason
 * @param corrected   rows kept with a fixed field, by correction
 * @param notes       rows kept as they are but worth knowing about (e.g. late-arriving events), by note
 */
public record TableReport(String table, long rowsIn, long rowsValid, Map<String, Long> quarantined,
                          Map<String, Long> corrected, Map<String, Long> notes) {
    public long rowsQuarantined() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }
}
