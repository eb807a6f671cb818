/**
 * mailReply, at the end of the nightly run: what goes back to the bureaus by mail, in Chinese. A receipt for every
 * mailed submission once it is loaded (已收到 with the counts, or 退回修改 / 数据核实 with the feedback workbook
 * attached), to the address it came from; before a quarter's submission deadline a 催报 to each bureau still owing
 * figures; before the 季度调度会 each bureau's own red and yellow indicators. Every message is recorded in
 * reply_message by its cause and never sent twice; a dry run writes the messages as .eml files instead.
 * <p>
 * May use: {@link com.qiyouxiang.evaluation} (the quarter, the deadline), {@link com.qiyouxiang.intake.pull} (the address
 * book, TLS, secrets), {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}. It reads what the ingests and the
 * evaluation wrote (feedback workbooks, marts), so it sits above them, beside publish. Used by operations only.
 */
package com.qiyouxiang.reply;
