package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Which bureau an address belongs to: the address book beside the reference data (bureau_mailboxes.csv: bureau_code,
 * address, note; several lines per bureau). Addresses are compared in lower case. A sender not in it is nobody: its
 * message is quarantined and it gets no reply.
 */
public final class AddressBook {

    private final Map<String, String> bureauByAddress;

    AddressBook(Map<String, String> bureauByAddress) {
        this.bureauByAddress = bureauByAddress;
    }

    public static AddressBook load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The mail address book " + file.toAbsolutePath() + " is not there "
                    + "(qyx.pull.mail.address-book: bureau_code,address, one line per address)");
        }
        Map<String, String> map = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(r)) {
                String bureau = line.get("bureau_code");
                String address = normalise(line.get("address"));
                if (bureau.isEmpty() || !address.contains("@")) {
                    throw new IllegalStateException(file + " line " + (line.getRecordNumber() + 1)
                            + ": needs a bureau_code and an address");
                }
                String before = map.put(address, bureau);
                if (before != null && !before.equals(bureau)) {
                    throw new IllegalStateException(file + ": " + address + " is listed for both " + before + " and " + bureau);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AddressBook(map);
    }

    public Optional<String> bureauOf(String address) {
        return address == null ? Optional.empty() : Optional.ofNullable(bureauByAddress.get(normalise(address)));
    }

    /** A bureau's addresses, in the book's order (a reminder goes to the first). */
    public List<String> addressesOf(String bureau) {
        List<String> out = new ArrayList<>();
        bureauByAddress.forEach((a, b) -> {
            if (b.equals(bureau)) {
                out.add(a);
            }
        });
        return out;
    }

    static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
