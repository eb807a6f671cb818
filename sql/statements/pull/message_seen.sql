-- Whether a message (by its Message-ID) was handled before: a message is never taken twice. Parameter: message_id
SELECT count(*) FROM pull_message WHERE message_id = ?
