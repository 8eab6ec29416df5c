package dev.nbo.training.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The metrics.json fixtures of the report tests, and the XML reading that checks a page is well formed. */
final class ReportFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

    private ReportFixtures() {
    }

    /** A full run: five rankers, calibration, gain, importance, four segments, parity, promotion, timings. */
    static ObjectNode full() {
        return load("metrics-full.json");
    }

    /** A run without rules, segments, parity, importance, gain or timings; AUC and mean prediction null. */
    static ObjectNode minimal() {
        return load("metrics-minimal.json");
    }

    private static ObjectNode load(String name) {
        try (InputStream in = ReportFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses markup with the JDK's XML parser; throws when an element is left open or text is not escaped. */
    static Document parseXml(String markup) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(markup)));
    }

    /** Every {@code <svg>…</svg>} fragment of the page, in page order. */
    static List<String> svgFragments(String page) {
        List<String> fragments = new ArrayList<>();
        Matcher matcher = SVG.matcher(page);
        while (matcher.find()) {
            fragments.add(matcher.group());
        }
        return fragments;
    }
}
