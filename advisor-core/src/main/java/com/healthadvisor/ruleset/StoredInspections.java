package com.healthadvisor.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inspections of a rule set's DRL files that all passed, as the compiled-rules cache keeps them beside the
 * compile: plain names, lines and codes in a fixed layout, so that reading them back makes no object but these.
 * Only inspections that passed are ever written; what is read back says the same, or the read fails.
 */
final class StoredInspections {

    private StoredInspections() {
    }

    static byte[] write(Map<String, DrlInspector.Inspection> inspections) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 << 10);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(inspections.size());
            for (var entry : inspections.entrySet()) {
                out.writeUTF(entry.getKey());
                write(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The inspections the bytes hold; an {@link IOException} when they are not what {@link #write} made. */
    static Map<String, DrlInspector.Inspection> read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int count = count(in);
        Map<String, DrlInspector.Inspection> inspections = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            inspections.put(in.readUTF(), inspection(in));
        }
        if (in.available() != 0) {
            throw new IOException("bytes after the last inspection");
        }
        return inspections;
    }

    private static void write(DataOutputStream out, DrlInspector.Inspection inspection) throws IOException {
        if (!inspection.safe()) {
            throw new IllegalArgumentException("only inspections that passed are stored");
        }
        out.writeInt(inspection.rules().size());
        for (DrlInspector.Declared rule : inspection.rules()) {
            out.writeUTF(rule.name());
            out.writeInt(rule.line());
        }
        out.writeInt(inspection.emissions().size());
        for (DrlInspector.Emission emission : inspection.emissions()) {
            out.writeUTF(emission.code());
            out.writeUTF(emission.severity());
            out.writeUTF(emission.rule());
            out.writeInt(emission.line());
        }
        writeSet(out, inspection.notes());
        writeSet(out, inspection.metricCodes());
        writeSet(out, inspection.limitNames());
    }

    private static DrlInspector.Inspection inspection(DataInputStream in) throws IOException {
        List<DrlInspector.Declared> rules = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            rules.add(new DrlInspector.Declared(in.readUTF(), in.readInt()));
        }
        List<DrlInspector.Emission> emissions = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            emissions.add(new DrlInspector.Emission(in.readUTF(), in.readUTF(), in.readUTF(), in.readInt()));
        }
        Set<String> notes = readSet(in);
        if (notes == null) {
            throw new IOException("an inspection without its notes");
        }
        return new DrlInspector.Inspection(List.copyOf(rules), List.copyOf(emissions), notes, true, readSet(in),
                readSet(in));
    }

    /** A set, or null (written as -1): the inspector's "any metric" and "any limit". */
    private static void writeSet(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (String value : values) {
                out.writeUTF(value);
            }
        }
    }

    private static Set<String> readSet(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size == -1) {
            return null;
        }
        if (size < 0 || size > in.available()) {
            throw new IOException("a set of " + size + " values");
        }
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    /** A count that the remaining bytes could hold, so that a damaged one fails instead of allocating. */
    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IOException("a count of " + count);
        }
        return count;
    }
}
