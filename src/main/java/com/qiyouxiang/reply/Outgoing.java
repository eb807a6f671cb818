package com.qiyouxiang.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * One message to a bureau: its cause (never sent twice), kind (receipt / returned / verify / reminder / report), the
 * bureau and address, the Chinese subject and text, and the files attached (feedback workbooks).
 */
record Outgoing(String cause, String kind, String bureauCode, String to, String subject, String body, List<Path> attachments) {
}
