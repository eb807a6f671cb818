package com.qiyouxiang.publish;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A BI tool stand-in, run in its own JVM by {@link PublishJobTest}: opens the published marts file
 * read-only, prints the row count, waits for a line on stdin (the parent refreshes meanwhile), then
 * reads again on the same connection and on a new one.
 */
public class MartsFileReader {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:duckdb:" + args[0];
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection held = DriverManager.getConnection(url, readOnly)) {
            System.out.println("READY " + count(held));
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            System.out.println("AGAIN " + count(held));
        }
        try (Connection fresh = DriverManager.getConnection(url, readOnly)) {
            System.out.println("NEW " + count(fresh));
        }
        System.out.flush();
    }

    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM mart_indicator_quarter")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
