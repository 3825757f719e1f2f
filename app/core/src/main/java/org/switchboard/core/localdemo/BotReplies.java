package org.switchboard.core.localdemo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** What the demo's contacts answer. */
final class BotReplies {

    private BotReplies() {
    }

    static UnaryOperator<String> echo() {
        return text -> "Echo: " + text;
    }

    /** Answers in Simplified Chinese, rotating through a few friendly lines that quote the text. */
    static UnaryOperator<String> xiaoming() {
        List<String> lines = List.of(
                "你好！你刚才说：「%s」",
                "收到啦：「%s」。今天过得怎么样？",
                "「%s」——说得好！我们继续聊吧。",
                "谢谢你的消息：「%s」😊");
        AtomicInteger next = new AtomicInteger();
        return text -> lines.get(Math.floorMod(next.getAndIncrement(), lines.size())).formatted(text);
    }
}
