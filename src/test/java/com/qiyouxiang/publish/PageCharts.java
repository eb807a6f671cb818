package com.qiyouxiang.publish;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The inline SVG charts of a report page, each parsed as XML by the JDK's parser (a chart that is not
 * well-formed XML fails the parse). A chart's plot is its first {@code <g>}: the bars, lines and dots in plot
 * coordinates; the title is its first {@code <text>}.
 */
record PageCharts(List<Chart> charts) {

    private static final Pattern SVG = Pattern.compile("(?s)<svg\\b.*?</svg>");

    /** A number as SVG reads it: digits with a dot decimal, never a comma or an exponent. */
    static final Pattern SVG_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    static PageCharts of(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder parser = factory.newDocumentBuilder();
        List<Chart> charts = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            charts.add(new Chart(parser.parse(new InputSource(new StringReader(m.group()))).getDocumentElement()));
        }
        return new PageCharts(charts);
    }

    /** The chart whose title starts with this text. */
    Chart titled(String prefix) {
        return charts.stream().filter(c -> c.title().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled " + prefix + "… among " + charts.stream().map(Chart::title).toList()));
    }

    List<Chart> allTitled(String prefix) {
        return charts.stream().filter(c -> c.title().startsWith(prefix)).toList();
    }

    record Chart(Element svg) {

        String title() {
            return svg.getElementsByTagName("text").item(0).getTextContent();
        }

        /** The plot: the first group, whose elements are in plot coordinates. */
        Element plot() {
            return (Element) svg.getElementsByTagName("g").item(0);
        }

        /** The plot's elements with this tag, in document order. */
        List<Element> inPlot(String tag) {
            return elements(plot().getElementsByTagName(tag));
        }

        /** Every text of the chart (title, labels, legend, tooltips). */
        String text() {
            return svg.getTextContent();
        }

        /** Every attribute value that SVG reads as a number or a list of numbers (coordinates, sizes, points). */
        List<String> numbers() {
            List<String> numbers = new ArrayList<>();
            for (String tag : List.of("svg", "rect", "line", "text", "circle", "polyline")) {
                for (Element e : elements(svg.getElementsByTagName(tag))) {
                    for (String a : List.of("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height")) {
                        if (e.hasAttribute(a) && !e.getAttribute(a).endsWith("%")) {
                            numbers.add(e.getAttribute(a));
                        }
                    }
                    if (!e.getAttribute("points").isBlank()) {
                        for (String point : e.getAttribute("points").split(" ")) {
                            String[] xy = point.split(",", -1);
                            // "x,y": a decimal comma ("12,5,30,0") is not two numbers
                            numbers.addAll(xy.length == 2 ? List.of(xy) : List.of(point));
                        }
                    }
                }
            }
            return numbers;
        }
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
