package org.gridgov.field.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The field day's settings.
 *
 * @param retention how long sign-in points are kept, counted back from today (such as {@code 12m} or {@code P1Y});
 *     older ones are purged every night
 */
@ConfigurationProperties("gridgov.field")
record FieldSettings(@DefaultValue("12m") Period retention) {

    FieldSettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("gridgov.field.retention must be a positive period, such as 12m");
        }
    }
}
