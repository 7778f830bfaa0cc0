package dk.clinic.platform.observability;

import org.jboss.logging.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) that follows a change from a request to the effects of
 * its events in other services: a request's {@code traceparent} header (or a new trace), each event recorded while it
 * runs ({@code traceparent} as a CloudEvents extension, {@code ce_traceparent} on the record), and each event's
 * handling in the consuming service. The trace id is in the log context ({@code %X{traceId}}), beside the request id.
 * No spans are exported: a collector that reads {@code traceparent} can join in later.
 */
public final class TraceContext {

    private static final String MDC_TRACE_ID = "traceId";
    private static final String MDC_TRACE_PARENT = "traceparent";
    private static final Pattern TRACE_PARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    /** The traceparent of the work at hand, or null outside a request or an event's handling. */
    public static String current() {
        Object parent = MDC.get(MDC_TRACE_PARENT);
        return parent == null ? null : parent.toString();
    }

    /**
     * Continues the trace of {@code given} (a traceparent from a caller or an event) with a span of our own, or starts
     * a new trace when it is absent or malformed; puts it in the log context.
     */
    public static void enter(String given) {
        String traceId = traceIdOf(given);
        String parent = "00-" + (traceId == null ? random(16) : traceId) + "-" + random(8) + "-01";
        MDC.put(MDC_TRACE_PARENT, parent);
        MDC.put(MDC_TRACE_ID, parent.substring(3, 35));
    }

    public static void leave() {
        MDC.remove(MDC_TRACE_PARENT);
        MDC.remove(MDC_TRACE_ID);
    }

    /** The trace id of a well-formed traceparent (version 00, ids not all zeros), else null. */
    public static String traceIdOf(String traceParent) {
        if (traceParent == null) {
            return null;
        }
        var match = TRACE_PARENT.matcher(traceParent.trim());
        if (!match.matches() || match.group(1).equals(INVALID_TRACE_ID) || match.group(2).equals(INVALID_SPAN_ID)) {
            return null;
        }
        return match.group(1);
    }

    private static String random(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return HEX.formatHex(id);
    }
}
