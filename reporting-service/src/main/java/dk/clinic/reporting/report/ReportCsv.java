package dk.clinic.reporting.report;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report as CSV (RFC 4180, UTF-8): header lines starting with {@code #} name the report, its filters and
 * parameters and the suppression threshold; then one header row and one row per report row, the total last. A
 * figure's parts get columns of their own ({@code responders.share}); a suppressed figure's cells read
 * {@code <5} (the threshold), never 0.
 */
@Provider
@Produces(ReportCsv.TEXT_CSV)
public class ReportCsv implements MessageBodyWriter<Report<?>> {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Report.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(Report<?> report, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=utf-8; header=present");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + report.report() + ".csv\"");
        Writer out = new OutputStreamWriter(entity, StandardCharsets.UTF_8);
        out.write("# report: " + report.report() + "\r\n");
        out.write("# " + report.description() + "\r\n");
        for (Map.Entry<String, Object> parameter : report.parameters().entrySet()) {
            out.write("# " + parameter.getKey() + ": " + (parameter.getValue() == null ? "all" : parameter.getValue()) + "\r\n");
        }
        out.write("# minimum patients: " + report.minimumPatients() + " (figures of fewer are suppressed: <"
                + report.minimumPatients() + ")\r\n");
        out.write("# rows: " + report.groupedBy() + (report.total() == null ? "" : "; the last row is the total") + "\r\n");
        List<Object> rows = new ArrayList<>(report.rows());
        if (report.total() != null) {
            rows.add(report.total());
        }
        Class<?> rowType = rows.isEmpty() ? null : rows.getFirst().getClass();
        if (rowType != null) {
            List<String> header = new ArrayList<>();
            columns(rowType, "", header);
            out.write(line(header));
            String suppressed = "<" + report.minimumPatients();
            for (Object row : rows) {
                List<String> cells = new ArrayList<>();
                cells(row, rowType, suppressed, false, cells);
                out.write(line(cells));
            }
        }
        out.flush();
    }

    private static void columns(Class<?> type, String prefix, List<String> header) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + component.getName();
            if (component.getType().isRecord()) {
                columns(component.getType(), name + ".", header);
            } else if (!component.getName().equals("suppressed") && !List.class.isAssignableFrom(component.getType())) {
                header.add(name);
            }
        }
    }

    private static void cells(Object value, Class<?> type, String suppressedText, boolean hidden, List<String> cells) {
        boolean suppressed = hidden || isSuppressed(value, type);
        for (RecordComponent component : type.getRecordComponents()) {
            Object part = value == null ? null : read(component, value);
            if (component.getType().isRecord()) {
                cells(part, component.getType(), suppressedText, suppressed, cells);
            } else if (!component.getName().equals("suppressed") && !List.class.isAssignableFrom(component.getType())) {
                boolean figure = Number.class.isAssignableFrom(component.getType()) || component.getType().isPrimitive();
                cells.add(suppressed && figure ? suppressedText : part == null ? "" : String.valueOf(part));
            }
        }
    }

    private static boolean isSuppressed(Object value, Class<?> type) {
        if (value == null) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("suppressed") && component.getType() == boolean.class) {
                return (boolean) read(component, value);
            }
        }
        return false;
    }

    private static Object read(RecordComponent component, Object value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append("\r\n").toString();
    }
}
