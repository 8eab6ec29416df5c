package dev.nbo.training.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;

/**
 * A five-field UNIX cron expression ({@code minute hour day-of-month month day-of-week}), evaluated in UTC so that
 * a schedule means the same on every machine. Parsing is done by cron-utils; an invalid expression is refused with
 * the parser's reason.
 */
public final class CronSchedule {
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression.strip())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--schedule \"" + expression + "\" is not a five-field cron expression"
                    + " (minute hour day-of-month month day-of-week, UTC; e.g. \"0 3 * * 1\" = Mondays 03:00): "
                    + e.getMessage(), e);
        }
    }

    /** The first run strictly after {@code now}. */
    public ZonedDateTime next(ZonedDateTime now) {
        return executionTime.nextExecution(now).orElseThrow(() -> new IllegalArgumentException(
                "the schedule \"" + expression + "\" never fires after " + now));
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
